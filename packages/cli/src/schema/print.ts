import { readFileSync } from 'node:fs';
import { schemaPath } from '@pmm-config/schema';
import { CliError } from '../errors';
import type { CliIO } from '../io';

/**
 * Prints the published schema file byte for byte, so `pmm-config schema > x.json` equals the file that
 * editors point at.
 */
export function printSchema(options: { readonly pathOnly: boolean }, io: CliIO): void {
  if (options.pathOnly) {
    io.writeStdout(`${schemaPath}\n`);
    return;
  }
  let text: string;
  try {
    text = readFileSync(schemaPath, 'utf8');
  } catch (error) {
    throw new CliError('INTERNAL', `the schema file ${schemaPath} is missing from this installation; reinstall pmm-config`, { cause: error });
  }
  io.writeStdout(text.endsWith('\n') ? text : `${text}\n`);
}
