import type { Severity } from './diagnostic';

/** What a rule hands to {@link RuleContext.report}; the engine turns it into a positioned Diagnostic. */
export interface RuleReport {
  readonly severity: Severity;
  readonly message: string;
  /** RFC 6901 pointer of the offending node. For a missing attribute, the pointer of the attribute itself. */
  readonly pointer: string;
  /**
   * Which part of the node to underline: its key (default; the right place for unknown or misplaced keys)
   * or its value (the right place for a bad value). A pointer that does not exist in the document falls
   * back to the closest existing ancestor's key.
   */
  readonly at?: 'key' | 'value';
  readonly hint?: string;
  /** A mechanical, certain change that `--fix` applies. Offer one only when there is no choice to make. */
  readonly fix?: RuleFix;
  /** Changes that need a person's choice: shown to users and editors, never applied by `--fix`. */
  readonly suggestions?: readonly RuleSuggestion[];
}

/**
 * One edit as a rule writes it. A pointer edit replaces the key or the value of the node at `pointer` (the
 * engine finds it in the source); a range edit replaces `[start, end)` of {@link RuleContext.source}.
 */
export type RuleEdit =
  | { readonly pointer: string; readonly at: 'key' | 'value'; readonly text: string }
  | { readonly start: number; readonly end: number; readonly text: string };

export interface RuleFix {
  readonly edits: readonly RuleEdit[];
  /**
   * Data the fix changes besides the pointers of its pointer edits, e.g. the new name of a renamed key
   * (`/settings/save_report`). Range edits change the report's `pointer`. Everything else must load as before,
   * or the engine drops the fix.
   */
  readonly changes?: readonly string[];
}

export interface RuleSuggestion {
  /** What the suggestion does, e.g. "Rename to `save_report`". */
  readonly message: string;
  readonly edits: readonly RuleEdit[];
}

/** How a scalar was written in the YAML source. Lets a rule tell `pin: 12345678` from `pin: "12345678"`. */
export type ScalarStyle = 'plain' | 'single-quoted' | 'double-quoted' | 'block';

/** A local file linked from the config (`collection_files: - file: ...`) that exists and parsed as YAML. */
export interface LinkedFile {
  /** The path as resolved on disk. */
  readonly path: string;
  /** The path as shown to the user in messages; defaults to `path`. */
  readonly file?: string;
  /**
   * True when this run also lints the file itself, where its builders are checked against the config
   * (`Plugin.builders`): a config rule then leaves those uses to that check instead of reporting them twice.
   */
  readonly checked?: boolean;
  /** Pointer of the config entry that links it, e.g. `/libraries/Movies/collection_files/0/file`. */
  readonly from: string;
  /** The file's parsed content (merge keys applied). */
  readonly data: unknown;
}

/**
 * Everything a rule may look at. Rules are pure: they read through this context and report; they never
 * touch the file system, the network or the clock directly.
 */
export interface RuleContext {
  /** The whole config after YAML parsing with merge keys applied: plain JSON-like data. */
  readonly config: unknown;
  /** The file name as the user gave it (for messages only). */
  readonly file: string;
  /** The value at an RFC 6901 pointer, or `undefined` when absent. A present key with a blank value is `null`. */
  get(pointer: string): unknown;
  /** Whether the key at the pointer exists (even with a blank value). */
  has(pointer: string): boolean;
  /** The text being linted (no BOM), for rules that build range edits. Absent in contexts without a source. */
  readonly source?: string;
  /**
   * `[start, end)` of the key or value written at the pointer, or `undefined` when the pointer is not written in
   * the source itself (missing, or reached through an alias or a `<<` merge).
   */
  span?(pointer: string, at: 'key' | 'value'): readonly [number, number] | undefined;
  /** How the scalar at the pointer was written, or `undefined` when it is not a scalar in the source. */
  scalarStyle(pointer: string): ScalarStyle | undefined;
  /**
   * Whether a value is a placeholder that is filled in before Kometa reads it and so must never be judged:
   * Kometa config secrets `<<NAME>>`, `${VAR}` (envsubst, Flux) and `{{ .X }}` (ExternalSecret templates).
   */
  isPlaceholder(value: unknown): boolean;
  /** Local files linked from the config that exist and parse. Computed lazily on first call. */
  linkedFiles(): readonly LinkedFile[];
  /** The current time, injected so that expiry checks are testable. */
  now(): Date;
  report(report: RuleReport): void;
}

/** A lint rule. `id` is stable (`<plugin id>/<name>`, e.g. `trakt/missing-attribute`) and never reused. */
export interface LintRule {
  readonly id: string;
  /** One line, shown by `pmm-config rules` and in SARIF rule metadata. */
  readonly description: string;
  readonly docsUrl?: string;
  check(context: RuleContext): void;
}
