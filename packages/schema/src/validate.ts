import { loadConfigSchema } from './published-schema';
import { checkAgainstSchema, type CheckError, type ValidationSchema } from './validator';

/**
 * One finding of the schema check, shaped like ajv's `ErrorObject` with `allErrors` and `verbose`:
 * `data` is the failing value, `schema` the failing keyword's value and `parentSchema` the schema node
 * holding it (both from the published schema, with its annotations).
 */
export interface SchemaError extends CheckError {
  readonly schema?: unknown;
  readonly parentSchema?: Readonly<Record<string, unknown>>;
}

/*
 * The annotation-free schema the build writes next to the published one. The literal `../dist/` path
 * resolves the same from `src/` (tests, source condition) and from `dist/` (built code), and lets bundlers
 * inline the JSON (~40 KB).
 */
const validationSchema = require('../dist/validation-schema.json') as ValidationSchema;

/** The config's top-level section names (`libraries`, `settings`, `plex`, ...), in schema order. */
export const configTopLevelKeys: readonly string[] = Object.keys(validationSchema.properties ?? {});

function schemaPathTokens(schemaPath: string): string[] {
  const pointer = schemaPath.replace(/^#/, '');
  return pointer === '' ? [] : pointer.slice(1).split('/').map((token) => decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~'));
}

function schemaAt(tokens: readonly string[]): unknown {
  let node: unknown = loadConfigSchema();
  for (const token of tokens) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/*
 * `schema` and `parentSchema` come from the published schema, which is read only if a consumer asks for
 * them (error shaping does for unknown keys), so a run with only type errors never loads its 200 KB. The
 * validation schema has the same tree, so `schemaPath` walks the published one directly.
 */
function withSchemaFields(error: CheckError): SchemaError {
  const keywordPath = schemaPathTokens(error.schemaPath);
  const { data, ...fields } = error;
  // ajv's field order, so printed errors read the same
  return Object.defineProperties(fields, {
    schema: { enumerable: true, get: () => schemaAt(keywordPath) },
    parentSchema: { enumerable: true, get: () => schemaAt(keywordPath.slice(0, -1)) },
    data: { enumerable: true, value: data },
  }) as SchemaError;
}

/**
 * Checks a parsed config.yml (merge keys applied) against the schema. Returns every error (as ajv would with
 * `allErrors` and `verbose`), or an empty list when the config is valid.
 */
export function validateConfig(data: unknown): readonly SchemaError[] {
  return checkAgainstSchema(validationSchema, data).map(withSchemaFields);
}
