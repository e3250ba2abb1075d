import type { ErrorObject } from 'ajv';
import { configSchema } from './published-schema';

/** One finding of the schema check: ajv's error with `instancePath`, `keyword`, `params`, `parentSchema`, `data`. */
export type SchemaError = ErrorObject;

interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

/*
 * The validator generated at build time by `scripts/generate-validator.cjs` (ajv standalone). The literal
 * `../dist/` path resolves the same from `src/` (tests, source condition) and from `dist/` (built code), and
 * lets bundlers inline the module.
 */
let standaloneValidator: StandaloneValidator | undefined;

function loadValidator(): StandaloneValidator {
  standaloneValidator ??= require('../dist/config-validator.generated.js') as StandaloneValidator;
  return standaloneValidator;
}

function pointerTokens(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(root: unknown, tokens: readonly string[]): unknown {
  let node = root;
  for (const token of tokens) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/*
 * The validator is generated without ajv's `verbose`, which would embed a `data`, `schema` and `parentSchema`
 * reference in each of its ~950 error sites and make it a third bigger to load on every run. Errors are rare,
 * so the same fields are filled in here: `data` is the value at `instancePath`, `parentSchema` the schema that
 * holds the failing keyword (the schema has no `$ref`, so `schemaPath` walks `configSchema` directly).
 */
function withVerboseFields(error: SchemaError, data: unknown): SchemaError {
  const keywordPath = pointerTokens(error.schemaPath.replace(/^#/, ''));
  const parentSchema = valueAt(configSchema, keywordPath.slice(0, -1)) as ErrorObject['parentSchema'];
  return { ...error, schema: valueAt(configSchema, keywordPath), parentSchema, data: valueAt(data, pointerTokens(error.instancePath)) };
}

/**
 * Checks a parsed config.yml (merge keys applied) against the schema. Returns every error (ajv `allErrors`,
 * with the `verbose` fields `data`, `schema` and `parentSchema`), or an empty list when the config is valid.
 * Never compiles a schema at run time.
 */
export function validateConfig(data: unknown): readonly SchemaError[] {
  const validate = loadValidator();
  if (validate(data)) return [];
  return (validate.errors ?? []).map((error) => withVerboseFields(error, data));
}
