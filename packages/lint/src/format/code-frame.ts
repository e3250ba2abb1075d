import { maskSecret, type Diagnostic } from '@pmm-config/plugin';

/** A `key: value` line whose key holds a secret (optionally a list item, with a trailing comment). */
const SECRET_LINE = /^(\s*(?:-\s+)?["']?(?:client_secret|client_id|access_token|refresh_token|token|apikey|api_key|pin|password|code|device_code|code_verifier|localhost_url)["']?\s*:[ \t]*)(.*?)(\s+#.*)?$/i;
/** `key:` with its value on the next lines (redaction tools produce this); group 1 is the indentation of the key. */
const SECRET_KEY_ALONE = /^(\s*(?:-\s+)?)["']?(?:client_secret|client_id|access_token|refresh_token|token|apikey|api_key|pin|password)["']?\s*:\s*(#.*)?$/i;
/** Flow mappings on one line: `{token: abc, url: x}`. */
const SECRET_IN_FLOW = /((?:client_secret|client_id|access_token|refresh_token|token|apikey|api_key|pin|password)["']?\s*:\s*)([^,}\]]+)/gi;
/** A line that opens a mapping key (`  url: x`, `- file: a.yml`, `authorization:`): structure, not a value. */
const KEY_LINE = /^\s*(?:-\s+)?["']?[^\s#"'][^#]*?["']?\s*:(?:[ \t]|$)/;
/** A list item (`- abc`), group 1 the dash and its spacing. */
const LIST_ITEM = /^(\s*-\s+)(.*)$/;

const indentOf = (line: string): number => line.length - line.trimStart().length;

/**
 * Replaces secret values on source lines before they are printed, and nothing else: keys, dashes, comments
 * and the indentation stay, so the frame still shows the structure around a finding. A value written on the
 * lines after its `key:` is masked line by line for as long as it lasts.
 */
export function maskLines(lines: readonly string[]): string[] {
  /** Column of the key whose value is still running onto the following lines. */
  let open: number | undefined;
  return lines.map((line) => {
    const trimmed = line.trim();
    if (open !== undefined) {
      if (trimmed === '' || trimmed.startsWith('#')) return line;
      // A key at or left of the secret key's column is a sibling or a parent: the value has ended.
      if (KEY_LINE.test(line) && indentOf(line) <= open) open = undefined;
      else return maskContinuation(line);
    }
    const alone = SECRET_KEY_ALONE.exec(line);
    if (alone) {
      open = alone[1].length;
      return line;
    }
    const match = SECRET_LINE.exec(line);
    if (match && match[2] !== '') return `${match[1]}${maskSecret(match[2])}${match[3] ?? ''}`;
    if (line.includes('{')) return line.replace(SECRET_IN_FLOW, (_, key: string, value: string) => `${key}${maskSecret(value.trim())}`);
    return line;
  });
}

/**
 * One line of a secret key's value. No Kometa secret holds a mapping, so a `key: value` indented under one is
 * part of the value too; only a list item keeps its dash.
 */
function maskContinuation(line: string): string {
  const item = LIST_ITEM.exec(line);
  if (item) return `${item[1]}${maskSecret(item[2])}`;
  return line.replace(/\S.*$/, maskSecret(line.trim()));
}

/** Lines of context read back from a finding so that a multi-line secret value is known to be one. */
const MASK_LOOKBACK = 50;

/**
 * Where masking must start to see the key that owns line `index`: the nearest top-level line above it (not
 * the line itself, which may be a value that a redaction tool pushed to column 1).
 */
function maskStart(lines: readonly string[], index: number): number {
  const limit = Math.max(0, index - MASK_LOOKBACK);
  for (let i = index - 1; i > limit; i--) if (lines[i] !== '' && !/^\s/.test(lines[i]) && !lines[i].startsWith('#')) return i;
  return limit;
}

/**
 * Where the mask ends on a masked line when the finding overlaps it, so the carets cover the mask and never the
 * secret's real length (the finding's own end column counts the unmasked line).
 */
function maskedSpanEnd(original: string, masked: string, start: number, end: number): number | undefined {
  if (original === masked) return undefined;
  let prefix = 0;
  while (prefix < masked.length && original[prefix] === masked[prefix]) prefix++;
  let suffix = 0;
  while (suffix < masked.length - prefix && suffix < original.length - prefix && original[original.length - 1 - suffix] === masked[masked.length - 1 - suffix]) suffix++;
  return start < original.length - suffix && end > prefix ? masked.length - suffix : undefined;
}

/** Longest slice of a line shown in a frame; real configs have lines of several thousand characters. */
const WINDOW = 100;

export interface CodeFrameLine {
  readonly number: number;
  readonly text: string;
  readonly marked: boolean;
}

export interface CodeFrame {
  readonly lines: readonly CodeFrameLine[];
  /** Spaces then `^` under the marked line, aligned with its shown text. */
  readonly underline: string;
}

/** The line before the finding, the finding's line (and the next one when the finding runs onto it), secrets masked, with an underline. */
export function codeFrame(source: string, diagnostic: Diagnostic): CodeFrame | undefined {
  const all = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const index = diagnostic.line - 1;
  if (index < 0 || index >= all.length) return undefined;
  const from = Math.max(0, index - 1);
  const first = maskStart(all, from);
  const context = maskLines(all.slice(first, index + 2));
  const masked = context.slice(from - first, index - first + 1);
  const target = masked[masked.length - 1];
  const start = Math.min(diagnostic.column - 1, target.length);
  const originalEnd = diagnostic.endLine === diagnostic.line ? diagnostic.endColumn - 1 : all[index].length;
  const maskEnd = maskedSpanEnd(all[index], target, start, originalEnd);
  const end =
    maskEnd !== undefined
      ? Math.max(start + 1, maskEnd)
      : diagnostic.endLine === diagnostic.line
        ? Math.max(start + 1, Math.min(diagnostic.endColumn - 1, target.length))
        : Math.max(start + 1, target.length);
  const offset = target.length > WINDOW ? Math.max(0, Math.min(start - 20, target.length - WINDOW)) : 0;
  const clip = (text: string): string => (text.length > WINDOW ? (offset > 0 ? '…' : '') + text.slice(offset, offset + WINDOW) + (offset + WINDOW < text.length ? '…' : '') : text);
  const lead = offset > 0 ? 1 : 0;
  const padding = target.slice(offset, start).replace(/[^\t]/g, ' ');
  const underline = ' '.repeat(lead) + padding + '^'.repeat(Math.max(1, Math.min(end - start, WINDOW - (start - offset))));
  const lines = masked.map((text, i) => ({ number: from + i + 1, text: clip(text.replace(/\s+$/, '')), marked: from + i === index }));
  // A finding that runs onto the next line (a value with children indented under it) shows that line too.
  if (diagnostic.endLine === diagnostic.line + 1 && index + 1 < all.length) {
    const next = context[index + 1 - first];
    lines.push({ number: index + 2, text: clip(next.replace(/\s+$/, '')), marked: false });
  }
  return { lines: lines.filter((line) => line.marked || line.text.trim() !== ''), underline };
}
