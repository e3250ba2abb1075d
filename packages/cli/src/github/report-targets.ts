import { formatResults } from '@pmm-config/lint';
import type { FormatContext, FormatName, LintResult } from '@pmm-config/lint';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CliError, errorMessage } from '../errors';
import type { CliIO } from '../io';
import { isGithubActions } from './publish';

/** Where `validate` sends its report, as asked on the command line. */
export interface ReportTargets {
  /** `--format`, or `stylish` when it was not given. */
  readonly format: FormatName;
  /** Whether `--format` was given; only then does the format also replace the automatic GitHub output. */
  readonly formatGiven: boolean;
  /** `--output <file>`: the format goes to this file and the terminal gets the readable report. */
  readonly output?: string;
}

/** What goes to stdout, and whether GitHub annotations and the step summary come with it. */
export interface StdoutPlan {
  readonly format: FormatName;
  readonly github: boolean;
}

/**
 * With `--output`, the chosen format goes to the file and stdout shows the readable report, so one run can
 * produce `results.sarif` and annotations. On GitHub Actions, the readable report gains annotations and a
 * step summary unless the user picked the stdout format.
 */
export function planStdout(targets: ReportTargets, env: CliIO['env']): StdoutPlan {
  const format = targets.output === undefined ? targets.format : 'stylish';
  const chosenByUser = targets.output === undefined && targets.formatGiven;
  return { format, github: isGithubActions(env) && !chosenByUser && format === 'stylish' };
}

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

