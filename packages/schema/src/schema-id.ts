/** The `$id` editors and tools use to refer to the schema. */
export const SCHEMA_ID = 'https://pmm-config.dev/schema/config.schema.json';
