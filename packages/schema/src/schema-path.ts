import { resolve } from 'node:path';

/** Absolute path of the published schema file, `dist/config.schema.json` (same from `src/` and `dist/`). */
export const schemaPath: string = resolve(__dirname, '../dist/config.schema.json');
