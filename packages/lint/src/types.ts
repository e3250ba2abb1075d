import type { Diagnostic, Plugin } from '@pmm-config/plugin';

/** File-system access injected by the CLI, so that the lint engine stays pure. */
export interface LintHost {
  /** The file's text, or `undefined` when it is missing or unreadable. */
  readFile(path: string): string | undefined;
  stat(path: string): 'file' | 'directory' | undefined;
  /** Entry names of a directory, for `folder:` blocks. */
  listDirectory(path: string): readonly string[];
}

export interface LintOptions {
  /** The path as the user gave it, for messages. */
  readonly file: string;
  /** Absolute folder of the config; absent for stdin, which skips linked-file checks. */
  readonly configDir?: string;
  readonly plugins?: readonly Plugin[];
  readonly host?: LintHost;
  readonly now?: () => Date;
  /** `--kometa-version`: for a Kometa newer than the defaults data, unknown defaults and variables are info only. */
  readonly kometaVersion?: string;
}

export interface LintResult {
  readonly file: string;
  /** The text, for code frames. */
  readonly source: string;
  /** Sorted by line, then column. */
  readonly diagnostics: readonly Diagnostic[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
}

/** What `pmm-config rules` and SARIF show about a rule. */
export interface RuleMeta {
  readonly id: string;
  readonly description: string;
  readonly docsUrl?: string;
}
