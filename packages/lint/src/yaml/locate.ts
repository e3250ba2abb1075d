import type { LineIndex } from './line-index';
import { parentPointer } from '../pointer';
import type { SourceMap, Span } from './source-map';

/** A 1-based, end-exclusive line/column range. */
export interface Range {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** Offsets -> 1-based positions. */
export function toRange(lines: LineIndex, [start, end]: Span): Range {
  const from = lines.linePos(start);
  const to = lines.linePos(Math.max(start, end));
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

/** Cuts a span at the end of its first line so that a whole block is underlined by its first line only. */
function firstLine(source: string, [start, end]: Span): Span {
  const newline = source.indexOf('\n', start);
  if (newline === -1 || newline >= end) return [start, end];
  const cut = source[newline - 1] === '\r' ? newline - 1 : newline;
  return [start, Math.max(start + 1, cut)];
}

/**
 * The span to underline for a pointer. A pointer that is not in the source (a missing attribute, a key that
 * came in through `<<: *anchor` or an alias) falls back to its closest existing ancestor: the merge site,
 * the alias, or the ancestor's key.
 */
export function locate(map: SourceMap, source: string, pointer: string, at: 'key' | 'value'): Span {
  const exact = map.entries.get(pointer);
  if (exact) {
    const chosen = at === 'value' ? (exact.value ?? exact.key) : (exact.key ?? exact.value);
    if (chosen) return firstLine(source, chosen);
  }
  let current = pointer;
  while (current !== '') {
    current = parentPointer(current);
    const entry = map.entries.get(current);
    if (!entry) continue;
    const site = entry.merges?.[0] ?? entry.alias ?? entry.key ?? entry.value;
    if (site) return firstLine(source, site);
  }
  return [0, 0];
}

/** The deepest pointer whose key or value contains the offset, for positioning parser messages. */
export function pointerAt(map: SourceMap, offset: number): string {
  let best = '';
  let bestSize = Number.POSITIVE_INFINITY;
  for (const [pointer, entry] of map.entries) {
    for (const part of [entry.key, entry.value]) {
      if (part && part[0] <= offset && offset <= part[1] && part[1] - part[0] < bestSize) {
        best = pointer;
        bestSize = part[1] - part[0];
      }
    }
  }
  return best;
}
