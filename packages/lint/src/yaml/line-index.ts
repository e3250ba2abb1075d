/** A 1-based line and column. */
export interface LinePos {
  readonly line: number;
  readonly col: number;
}

/** Offsets -> 1-based line/column; the same numbering as the `yaml` package's LineCounter. */
export interface LineIndex {
  linePos(offset: number): LinePos;
}

/** Indexes the start of every line once, so each lookup is a binary search. */
export function indexLines(source: string): LineIndex {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    linePos(offset) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle] <= offset) low = middle;
        else high = middle - 1;
      }
      return { line: low + 1, col: offset - starts[low] + 1 };
    },
  };
}
