import type { RuleMeta } from '../types';

export type FormatName = 'stylish' | 'json' | 'sarif' | 'github';

/** What formatters may know about the run; the CLI decides colour from TTY, NO_COLOR and FORCE_COLOR. */
export interface FormatContext {
  readonly color: boolean;
  /** Paths in SARIF and GitHub annotations are made relative to this folder (the repository root in CI). */
  readonly cwd: string;
  readonly toolVersion: string;
  readonly rules: readonly RuleMeta[];
  /** Findings the caller left out of `results` (`--quiet` keeps errors only), so a summary can say so. */
  readonly hidden?: HiddenFindings;
}

export interface HiddenFindings {
  readonly warnings: number;
  readonly infos: number;
}
