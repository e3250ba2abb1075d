import type { FormatName } from '@pmm-config/lint';
import type { CliIO } from '../io';

// Only the plan lives here: `validate` loads the GitHub publisher and the report-file writer when the plan
// needs them, so a plain run reads neither (nor node:fs/promises).

/** True inside a GitHub Actions job (the runner sets `GITHUB_ACTIONS=true` for every step). */
export function isGithubActions(env: CliIO['env']): boolean {
  return env['GITHUB_ACTIONS'] === 'true';
}

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
