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
}
