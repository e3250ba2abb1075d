import { readFileSync } from 'node:fs';
import { fileSchemaPath, schemaPath, type SchemaFileKind } from '@pmm-config/schema';
import { CliError } from '../errors';
import type { CliIO } from '../io';

/** `--kind` of `pmm-config schema`: the config, or a linked-file kind with a published schema. */
export type SchemaKind = 'config' | SchemaFileKind;

/**
 * Prints a published schema file byte for byte, so `pmm-config schema > x.json` equals the file that
 * editors point at.
 */
export function printSchema(options: { readonly pathOnly: boolean; readonly kind?: SchemaKind }, io: CliIO): void {
  const file = options.kind === undefined || options.kind === 'config' ? schemaPath : fileSchemaPath(options.kind);
  if (options.pathOnly) {
    io.writeStdout(`${file}\n`);
    return;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError('INTERNAL', `the schema file ${file} is missing from this installation; reinstall pmm-config`, { cause: error });
  }
  io.writeStdout(text.endsWith('\n') ? text : `${text}\n`);
}
