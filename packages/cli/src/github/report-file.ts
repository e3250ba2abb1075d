import { formatResults } from '@pmm-config/lint';
import type { FormatContext, LintResult } from '@pmm-config/lint';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CliError, errorMessage } from '../errors';
import type { ReportTargets } from './report-targets';

/**
 * Writes the `--output` file (plain, no colour), creating its folder.
 *
 * @throws {CliError} `OUTPUT_UNWRITABLE` when the file cannot be written.
 */
export async function writeReportFile(results: readonly LintResult[], targets: ReportTargets & { readonly output: string }, context: FormatContext, cwd: string): Promise<void> {
  const path = resolve(cwd, targets.output);
  const text = formatResults(results, targets.format, { ...context, color: false });
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text.endsWith('\n') || text.length === 0 ? text : `${text}\n`);
  } catch (error) {
    throw new CliError('OUTPUT_UNWRITABLE', `cannot write the report to ${targets.output}: ${errorMessage(error)}`, { cause: error });
  }
}

