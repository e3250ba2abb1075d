import type { Diagnostic, FileKind, Plugin } from '@pmm-config/plugin';

/** What reading a linked file came to: its text, or why it cannot be read (one line, no secrets). */
export type FileRead = { readonly text: string } | { readonly problem: string };

/** File-system access injected by the CLI, so that the lint engine stays pure. */
export interface LintHost {
  readFile(path: string): FileRead;
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
  /** `--check-env`: the environment Kometa will run in; `<<NAME>>` placeholders whose KOMETA_NAME is unset there are info. */
  readonly kometaEnv?: Readonly<Record<string, string | undefined>>;
}

/** The config entry that made a run lint a linked file. */
export interface LinkedFrom {
  /** The linking file as shown to the user (the config, or a file holding `external_templates`). */
  readonly file: string;
  /** RFC 6901 pointer of the link in that file: `/libraries/Movies/collection_files/0/file`. */
  readonly pointer: string;
  /** 1-based line of the link. */
  readonly line: number;
}

export interface LintResult {
  readonly file: string;
  /** The absolute path on disk, when the file has one (not stdin). */
  readonly path?: string;
  /** Which schema and rules the file was checked with; `unknown` for a named file of none of Kometa's kinds. */
  readonly kind: FileKind | 'unknown';
  /** Set for a file linted because a config (or a file it links) links it; absent for files named by the user. */
  readonly linkedFrom?: LinkedFrom;
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
