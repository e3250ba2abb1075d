/** How bad a finding is. `error` means Kometa stops or the setting cannot work; `warning` means Kometa ignores or migrates it. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One finding in one file. Lines and columns are 1-based; the end is exclusive.
 * `pointer` is an RFC 6901 JSON Pointer into the config (`/trakt/client_id`). A missing attribute is
 * reported at its parent's key, so the pointer names the missing attribute while the range covers the parent key.
 */
export interface Diagnostic {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly pointer: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** A short "how to fix it" line, shown under the message. */
  readonly hint?: string;
  /** Edits that `--fix` applies. Absent when the finding has no certain fix. */
  readonly fix?: Fix;
  /** Edits offered for a person to choose from; never applied by `--fix`. */
  readonly suggestions?: readonly Suggestion[];
}

/**
 * One text replacement in a file: the characters `[start, end)` (UTF-16 offsets into the text the engine
 * linted, without a BOM) become `text`. `start === end` inserts.
 */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * A change that is mechanical and certain: `--fix` applies all of its edits together, or none of them.
 * `pointers` names the data the fix is allowed to change (a renamed key's old and new name, a quoted value);
 * after a fix every other pointer must load exactly as before.
 */
export interface Fix {
  readonly edits: readonly TextEdit[];
  readonly pointers: readonly string[];
}

/** A change that needs a person's choice (a did-you-mean, a key whose new name is already taken): shown, never applied by `--fix`. */
export interface Suggestion {
  readonly message: string;
  readonly edits: readonly TextEdit[];
}
