/** Plain-text helpers over a config body (BOM already removed). Offsets are UTF-16 indexes, like the parser's. */

const BOM = '\uFEFF';

/** Splits a leading UTF-8 byte order mark off, so parser offsets and our offsets agree. */
export function splitBom(text: string): { bom: string; body: string } {
  return text.startsWith(BOM) ? { bom: BOM, body: text.slice(1) } : { bom: '', body: text };
}

/** The file's line ending, taken from its first line break; new lines must use it so CRLF files stay CRLF. */
export function detectEol(body: string): '\n' | '\r\n' {
  const lf = body.indexOf('\n');
  return lf > 0 && body[lf - 1] === '\r' ? '\r\n' : '\n';
}

/** Offset of the first character of the line holding `offset`. */
export function lineStartAt(body: string, offset: number): number {
  return body.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the last character of the line holding `offset`, before its `\r\n` or `\n`. */
export function lineEndAt(body: string, offset: number): number {
  const lf = body.indexOf('\n', offset);
  if (lf === -1) return body.length;
  return lf > 0 && body[lf - 1] === '\r' ? lf - 1 : lf;
}

/** Column (0-based) of `offset` in its line. */
export function columnAt(body: string, offset: number): number {
  return offset - lineStartAt(body, offset);
}

/** Moves back from `end` over whitespace and line breaks: the end of the last real character before it. */
export function trimBack(body: string, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(body[at - 1] ?? '')) at -= 1;
  return at;
}

/** A replacement of `body.slice(start, end)` by `text`. */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Applies non-overlapping splices, the last offset first so earlier offsets stay valid. Insertions at the same
 * offset land in the order they were listed (a value written after `key:` comes before a key appended there).
 */
export function applySplices(body: string, splices: readonly Splice[]): string {
  const ordered = splices.map((splice, index) => ({ splice, index }));
  ordered.sort((a, b) => b.splice.start - a.splice.start || b.index - a.index);
  let out = body;
  for (const { splice } of ordered) out = out.slice(0, splice.start) + splice.text + out.slice(splice.end);
  return out;
}
