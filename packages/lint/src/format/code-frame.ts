import { maskSecret, type Diagnostic } from '@pmm-config/plugin';

/** A `key: value` line whose key holds a secret (optionally a list item, with a trailing comment). */
const SECRET_LINE = /^(\s*(?:-\s+)?["']?(?:client_secret|client_id|access_token|refresh_token|token|apikey|api_key|pin|password|code|device_code|code_verifier|localhost_url)["']?\s*:[ \t]*)(.*?)(\s+#.*)?$/i;
/** `key:` with its value on the next lines (redaction tools produce this). */
const SECRET_KEY_ALONE = /^\s*(?:-\s+)?["']?(?:client_secret|client_id|access_token|refresh_token|token|apikey|api_key|pin|password)["']?\s*:\s*(#.*)?$/i;
/** Flow mappings on one line: `{token: abc, url: x}`. */
const SECRET_IN_FLOW = /((?:client_secret|client_id|access_token|refresh_token|token|apikey|api_key|pin|password)["']?\s*:\s*)([^,}\]]+)/gi;

/** Replaces secret values on source lines before they are printed. */
export function maskLines(lines: readonly string[]): string[] {
  return lines.map((line, index) => {
    const match = SECRET_LINE.exec(line);
    if (match && match[2] !== '') return `${match[1]}${maskSecret(match[2])}${match[3] ?? ''}`;
    if (index > 0 && SECRET_KEY_ALONE.test(lines[index - 1]) && line.trim() !== '' && !line.trim().startsWith('#')) {
      return line.replace(/\S.*$/, maskSecret(line.trim()));
    }
    if (line.includes('{')) return line.replace(SECRET_IN_FLOW, (_, key: string, value: string) => `${key}${maskSecret(value.trim())}`);
    return line;
  });
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
  const masked = maskLines(all.slice(Math.max(0, from - 1), index + 1)).slice(from === 0 ? 0 : 1);
  const target = masked[masked.length - 1];
  const start = Math.min(diagnostic.column - 1, target.length);
  const end = diagnostic.endLine === diagnostic.line ? Math.max(start + 1, Math.min(diagnostic.endColumn - 1, target.length)) : Math.max(start + 1, target.length);
  const offset = target.length > WINDOW ? Math.max(0, Math.min(start - 20, target.length - WINDOW)) : 0;
  const clip = (text: string): string => (text.length > WINDOW ? (offset > 0 ? '…' : '') + text.slice(offset, offset + WINDOW) + (offset + WINDOW < text.length ? '…' : '') : text);
  const lead = offset > 0 ? 1 : 0;
  const padding = target.slice(offset, start).replace(/[^\t]/g, ' ');
  const underline = ' '.repeat(lead) + padding + '^'.repeat(Math.max(1, Math.min(end - start, WINDOW - (start - offset))));
  const lines = masked.map((text, i) => ({ number: from + i + 1, text: clip(text.replace(/\s+$/, '')), marked: from + i === index }));
  // A finding that runs onto the next line (a value with children indented under it) shows that line too.
  if (diagnostic.endLine === diagnostic.line + 1 && index + 1 < all.length) {
    const next = maskLines(all.slice(index, index + 2))[1];
    lines.push({ number: index + 2, text: clip(next.replace(/\s+$/, '')), marked: false });
  }
  return { lines: lines.filter((line) => line.marked || line.text.trim() !== ''), underline };
}
