/** Optimal-string-alignment distance (Levenshtein plus adjacent swaps), two rows of memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2] + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

const normalise = (word: string): string => word.toLowerCase().replace(/[-\s]/g, '_');

/**
 * The closest candidate to a misspelt word, or `undefined` when nothing is close enough to be a likely typo
 * (at most a third of the word's length, and never more than 3 edits).
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const target = normalise(word);
  const limit = Math.min(3, Math.max(1, Math.floor(target.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    // The distance is at least the difference in length: most candidates are ruled out without computing it.
    if (Math.abs(candidate.length - target.length) >= bestDistance) continue;
    const distance = editDistance(target, normalise(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
