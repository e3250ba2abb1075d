import type { Diagnostic, Fix } from '@pmm-config/plugin';

/** A finding that carries a fix. */
export type Fixable = Diagnostic & { readonly fix: Fix };

export const isFixable = (diagnostic: Diagnostic): diagnostic is Fixable => diagnostic.fix !== undefined && diagnostic.fix.edits.length > 0;

/** The characters a fix touches, from its first edit's start to its last edit's end. */
function extent(fix: Fix): readonly [number, number] {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const edit of fix.edits) {
    start = Math.min(start, edit.start);
    end = Math.max(end, edit.end);
  }
  return [start, end];
}

export interface AppliedFixes {
  readonly text: string;
  /** The findings whose fixes went in, in source order. */
  readonly applied: readonly Fixable[];
  /** Findings whose fix overlapped one already taken: the next pass tries them again. */
  readonly deferred: readonly Fixable[];
}

/**
 * Applies the fixes that do not overlap, ESLint's way: in source order, a fix whose extent starts at or before
 * the end of the last applied one is left for the next pass. A fix's edits go in together or not at all.
 * Everything outside the edits is copied byte for byte.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): AppliedFixes {
  const fixable = diagnostics.filter(isFixable).map((diagnostic) => ({ diagnostic, extent: extent(diagnostic.fix) }));
  fixable.sort((a, b) => a.extent[0] - b.extent[0] || a.extent[1] - b.extent[1]);
  const applied: Fixable[] = [];
  const deferred: Fixable[] = [];
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const { diagnostic, extent: [start, end] } of fixable) {
    if (start <= lastEnd || start < 0 || end > text.length) {
      deferred.push(diagnostic);
      continue;
    }
    applied.push(diagnostic);
    lastEnd = end;
  }
  const edits = applied.flatMap((diagnostic) => [...diagnostic.fix.edits]).sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return { text: out + text.slice(at), applied, deferred };
}
