import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { JsonSchema } from './builder';

/** The `$id` editors and tools use to refer to the schema. */
export const SCHEMA_ID = 'https://pmm-config.dev/schema/config.schema.json';

/**
 * Absolute path of the published schema file, `dist/config.schema.json` (same from `src/` and `dist/`; the
 * bundled CLI ships the file at the same place relative to its code).
 */
export const schemaPath: string = resolve(__dirname, '../dist/config.schema.json');

let publishedSchema: JsonSchema | undefined;

/**
 * The schema as published (with descriptions and deprecation annotations), read from `schemaPath` on first
 * use. It is ~200 KB and a clean `validate` run never needs it (the validator runs on an annotation-free
 * copy), so it is read only for error details, tools and editors, never at start-up.
 */
export function loadConfigSchema(): JsonSchema {
  publishedSchema ??= JSON.parse(readFileSync(schemaPath, 'utf8')) as JsonSchema;
  return publishedSchema;
}

/** Kinds of linked files with a published schema (`dist/<kind>.schema.json`). */
export type SchemaFileKind = import('./files/unknown-keys').FileKind;

/** Absolute path of `dist/<kind>.schema.json`. */
export function fileSchemaPath(kind: SchemaFileKind): string {
  return resolve(__dirname, `../dist/${kind}.schema.json`);
}

const publishedFileSchemas = new Map<SchemaFileKind, JsonSchema>();

/** The published schema of a linked-file kind, read on first use (like {@link loadConfigSchema}). */
export function loadFileSchema(kind: SchemaFileKind): JsonSchema {
  let schema = publishedFileSchemas.get(kind);
  if (!schema) {
    schema = JSON.parse(readFileSync(fileSchemaPath(kind), 'utf8')) as JsonSchema;
    publishedFileSchemas.set(kind, schema);
  }
  return schema;
}
