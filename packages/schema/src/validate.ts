import type { ErrorObject } from 'ajv';

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

/**
 * Checks a parsed config.yml (merge keys applied) against the schema. Returns every error (ajv `allErrors`,
 * `verbose`), or an empty list when the config is valid. Never compiles a schema at run time.
 */
export function validateConfig(data: unknown): readonly SchemaError[] {
  const validate = loadValidator();
  if (validate(data)) return [];
  return [...(validate.errors ?? [])];
}
