import type { ErrorObject } from 'ajv';
import { loadConfigSchema } from './published-schema';

/**
 * One finding of the schema check: ajv's error (`allErrors`) with its `verbose` fields: `data` is the failing
 * value, `schema` the failing keyword's value and `parentSchema` the schema node holding it (both from the
 * published schema, with its annotations).
 */
export type SchemaError = ErrorObject;

/** A validator ajv generated at build time. */
export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/*
 * The validator ajv generated at build time (scripts/generate-schema-files.cjs); nothing is compiled at run
 * time. Loaded on first use. The literal `../dist/` paths resolve the same from `src/` (tests, source
 * condition) and from `dist/` (built code), and let bundlers include the files.
 */
let standaloneValidator: StandaloneValidator | undefined;

function loadValidator(): StandaloneValidator {
  standaloneValidator ??= require('../dist/config-validator.generated.js') as StandaloneValidator;
  return standaloneValidator;
}

/** The config's top-level section names (`libraries`, `settings`, `plex`, ...), in schema order. */
export const configTopLevelKeys: readonly string[] = require('../dist/top-level-keys.json') as string[];

/** JSON-pointer tokens; `schemaPath` is also URI-encoded (a fragment), `instancePath` is not. */
function pointerTokens(pointer: string, uriEncoded: boolean): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => (uriEncoded ? decodeURIComponent(token) : token).replace(/~1/g, '/').replace(/~0/g, '~'));
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
 * The validators are generated without ajv's `verbose`, which would embed `data`, `schema` and `parentSchema` in
 * each of their error sites. Errors are rare, so they are filled in here: `data` from `instancePath`, and
 * `schema`/`parentSchema` from the published schema (the same tree), read only when something asks for them
 * (error shaping does for unknown keys), so a run with no such error never loads it.
 */
function withVerboseFields(error: ErrorObject, data: unknown, loadSchema: () => unknown): SchemaError {
  const keywordPath = pointerTokens(error.schemaPath.replace(/^#/, ''), true);
  const failing = valueAt(data, pointerTokens(error.instancePath, false));
  // ajv's field order, so printed errors read the same
  return Object.defineProperties(
    { ...error },
    {
      schema: { enumerable: true, get: () => valueAt(loadSchema(), keywordPath) },
      parentSchema: { enumerable: true, get: () => valueAt(loadSchema(), keywordPath.slice(0, -1)) },
      data: { enumerable: true, value: failing },
    },
  );
}

/** Runs a generated validator and returns its errors with the verbose fields (see above); `[]` when valid. */
export function runStandalone(validate: StandaloneValidator, data: unknown, loadSchema: () => unknown): readonly SchemaError[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map((error) => withVerboseFields(error, data, loadSchema));
}

/**
 * Checks a parsed config.yml (merge keys applied) against the schema. Returns every error (ajv `allErrors`,
 * with the `verbose` fields `data`, `schema` and `parentSchema`), or an empty list when the config is valid.
 */
export function validateConfig(data: unknown): readonly SchemaError[] {
  return runStandalone(loadValidator(), data, loadConfigSchema);
}
