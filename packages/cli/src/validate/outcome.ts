import type { HiddenFindings, LintResult } from '@pmm-config/lint';

/** When warnings fail the run. */
export interface WarningPolicy {
  /** `--max-warnings`: more warnings than this fail the run; negative or absent means no limit. */
  readonly maxWarnings?: number;
  /** `--strict`: any warning fails the run. */
  readonly strict: boolean;
}

/** The lint part of the exit code, and the line that explains a failure caused by warnings alone. */
export interface LintOutcome {
  readonly exitCode: 0 | 1;
  readonly errorCount: number;
  readonly warningCount: number;
  /** Set when warnings (not errors) failed the run: the findings alone would not say why. */
  readonly warningFailure?: string;
}

/** Exit 1 on any error, or on warnings beyond the policy. Counts cover every finding, shown or not. */
export function lintOutcome(results: readonly LintResult[], policy: WarningPolicy): LintOutcome {
  let errorCount = 0;
  let warningCount = 0;
  for (const result of results) {
    errorCount += result.errorCount;
    warningCount += result.warningCount;
  }
  if (errorCount > 0) return { exitCode: 1, errorCount, warningCount };
  const plural = warningCount === 1 ? 'warning' : 'warnings';
  if (policy.strict && warningCount > 0) {
    return { exitCode: 1, errorCount, warningCount, warningFailure: `${warningCount} ${plural} found and --strict makes warnings fail the run` };
  }
  const limit = policy.maxWarnings;
  if (limit !== undefined && limit >= 0 && warningCount > limit) {
    return { exitCode: 1, errorCount, warningCount, warningFailure: `${warningCount} ${plural} found, more than --max-warnings ${limit}` };
  }
  return { exitCode: 0, errorCount, warningCount };
}

/** `--quiet`: the same result with only its error-level findings. */
export function errorsOnly(result: LintResult): LintResult {
  if (result.warningCount === 0 && result.infoCount === 0) return result;
  return {
    ...result,
    diagnostics: result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
    warningCount: 0,
    infoCount: 0,
  };
}

/** What `errorsOnly` leaves out of these results, for the summary to say. */
export function hiddenByErrorsOnly(results: readonly LintResult[]): HiddenFindings {
  let warnings = 0;
  let infos = 0;
  for (const result of results) {
    warnings += result.warningCount;
    infos += result.infoCount;
  }
  return { warnings, infos };
}
