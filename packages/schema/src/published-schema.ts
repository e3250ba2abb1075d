import type { JsonSchema } from './builder';

/*
 * The schema as published, read from the JSON file the build writes (`scripts/generate-validator.cjs`), rather
 * than rebuilt from the section builders: rebuilding it (with the deprecation annotations) cost every
 * `validate` run ~25 ms of start-up for an object that never changes. The literal `../dist/` path resolves the
 * same from `src/` and `dist/`, and lets bundlers inline the JSON.
 */
export const configSchema: JsonSchema = require('../dist/config.schema.json') as JsonSchema;

/** The `$id` editors and tools use to refer to the schema. */
export const SCHEMA_ID: string = (configSchema as { $id?: string }).$id ?? '';
