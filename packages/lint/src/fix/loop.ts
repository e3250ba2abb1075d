import type { LintResult } from '../types';
import { loadYamlData } from '../yaml/parse';
import { applyFixes, isFixable, type Fixable } from './apply';
import { sameDataOutside } from './same-data';

/** `--fix` re-lints after each pass until nothing changes, at most this often (ESLint's limit). */
export const MAX_FIX_PASSES = 10;

/** What fixing one file came to. */
export interface FixOutcome {
  /** The fixed text (the input when nothing was fixed). */
  readonly text: string;
  /** The findings whose fixes were applied, pass after pass, positioned in the text of their pass. */
  readonly fixed: readonly Fixable[];
  /** Fixes dropped because applying them changed data outside their own pointers or broke the file. */
  readonly rejected: readonly Fixable[];
  /** The lint result of `text`: what is left. */
  readonly result: LintResult;
  readonly passes: number;
}

/**
 * Applies fixes pass after pass: each pass takes the non-overlapping fixes of the current findings, checks the
 * result (it still loads, and the data outside the fixed pointers is deep-equal), and re-lints through
 * `relint`. A pass whose batch fails the check is retried one fix at a time, so one bad fix cannot block the
 * others. Pure: the caller reads and writes files.
 */
export function fixUntilStable(first: LintResult, relint: (text: string) => LintResult, maxPasses: number = MAX_FIX_PASSES): FixOutcome {
  let text = first.source;
  let result = first;
  const fixed: Fixable[] = [];
  const rejected: Fixable[] = [];
  let passes = 0;
  while (passes < maxPasses) {
    const candidates = result.diagnostics.filter(isFixable).filter((d) => !rejected.some((r) => sameFix(r, d)));
    if (candidates.length === 0) break;
    const before = loadYamlData(text);
    const batch = applyFixes(text, candidates);
    let next = batch.text;
    let applied: readonly Fixable[] = batch.applied;
    if (!isSafe(before, next, applied)) {
      ({ next, applied } = oneByOne(text, before, batch.applied, rejected));
    }
    if (applied.length === 0 || next === text) break;
    passes++;
    fixed.push(...applied);
    text = next;
    result = relint(text);
  }
  return { text, fixed, rejected, result, passes };
}

function isSafe(before: unknown, text: string, applied: readonly Fixable[]): boolean {
  if (before === undefined) return false;
  const after = loadYamlData(text);
  return after !== undefined && sameDataOutside(before, after, applied.flatMap((d) => d.fix.pointers));
}

function oneByOne(text: string, before: unknown, candidates: readonly Fixable[], rejected: Fixable[]): { next: string; applied: Fixable[] } {
  const applied: Fixable[] = [];
  let current = text;
  let data = before;
  // Back to front, so the offsets of the fixes still to come stay valid.
  for (const candidate of [...candidates].reverse()) {
    const attempt = applyFixes(current, [candidate]).text;
    if (isSafe(data, attempt, [candidate])) {
      current = attempt;
      data = loadYamlData(attempt);
      applied.unshift(candidate);
    } else rejected.push(candidate);
  }
  return { next: current, applied };
}

/** The same fix found again in a later pass (same rule, pointer and edits). */
function sameFix(a: Fixable, b: Fixable): boolean {
  return a.rule === b.rule && a.pointer === b.pointer && JSON.stringify(a.fix.edits) === JSON.stringify(b.fix.edits);
}
