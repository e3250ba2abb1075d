/** One changed line: its 0-based index in the old or the new text. */
export interface LineChange {
  readonly side: 'removed' | 'added';
  readonly index: number;
  readonly line: string;
}

/** Splits on LF only, so CRLF lines keep their `\r` and an EOL change shows up as a changed line. */
export function splitLines(text: string): string[] {
  return text.split('\n');
}

/**
 * Minimal line diff (common prefix/suffix, then a longest-common-subsequence on the middle). Tests use it to
 * prove which lines an edit touched; edits are local, so the middle stays small even for big configs.
 */
export function diffLines(before: string, after: string): LineChange[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const lcs: number[][] = Array.from({ length: midA.length + 1 }, () => new Array<number>(midB.length + 1).fill(0));
  for (let i = midA.length - 1; i >= 0; i -= 1) {
    for (let j = midB.length - 1; j >= 0; j -= 1) {
      lcs[i][j] = midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const changes: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      i += 1;
      j += 1;
    } else if (j < midB.length && (i === midA.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      changes.push({ side: 'added', index: head + j, line: midB[j] });
      j += 1;
    } else {
      changes.push({ side: 'removed', index: head + i, line: midA[i] });
      i += 1;
    }
  }
  return changes;
}

/** Lines [start, end) of a top-level section: its key line up to the next top-level key or document marker. */
export function sectionLineRange(text: string, section: string): { start: number; end: number } | undefined {
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  const keyPattern = new RegExp(`^["']?${section}["']?\\s*:`);
  const start = lines.findIndex((line) => keyPattern.test(line));
  if (start === -1) return undefined;
  const next = lines.findIndex((line, index) => index > start && /^[^\s#]/.test(line));
  return { start, end: next === -1 ? lines.length : next };
}
