/** A 1-based line and column. */
export interface LinePos {
  readonly line: number;
  readonly col: number;
}

/** Offsets -> 1-based line/column; the same numbering as the `yaml` package's LineCounter. */
export interface LineIndex {
  linePos(offset: number): LinePos;
}

/**
 * Indexes the start of every line on the first lookup, so each lookup is a binary search. Lookups happen only for
 * findings, so a clean config never pays for the index.
 */
export function indexLines(source: string): LineIndex {
  let starts: number[] | undefined;
  const lineStarts = (): number[] => {
    if (starts) return starts;
    starts = [0];
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  };
  return {
    linePos(offset) {
      const all = lineStarts();
      let low = 0;
      let high = all.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (all[middle] <= offset) low = middle;
        else high = middle - 1;
      }
      return { line: low + 1, col: offset - all[low] + 1 };
    },
  };
}
