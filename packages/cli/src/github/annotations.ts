import { formatResults } from '@pmm-config/lint';
import type { FormatContext, LintResult } from '@pmm-config/lint';
import type { Severity } from '@pmm-config/plugin';

/** GitHub renders at most this many annotations of each kind (error, warning, notice) per step. */
export const ANNOTATIONS_PER_KIND = 10;

/** Severities in the order their annotations are emitted: the ones that fail the run first. */
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** Workflow annotation lines plus what GitHub will show and what did not fit. */
export interface AnnotationPlan {
  /** `::error …` lines, errors first, then warnings, then notices; each kind in file order. */
  readonly text: string;
  readonly emitted: Readonly<Record<Severity, number>>;
  /** Findings of each kind beyond the per-step limit; they are listed only in the step summary. */
  readonly omitted: Readonly<Record<Severity, number>>;
}

/**
 * Picks the annotations GitHub will actually show: per kind, the first `limit` findings in file order.
 * The rest are not emitted at all, so the log never claims annotations that the UI silently drops.
 */
export function planAnnotations(results: readonly LintResult[], context: FormatContext, limit = ANNOTATIONS_PER_KIND): AnnotationPlan {
  const emitted = { error: 0, warning: 0, info: 0 };
  const omitted = { error: 0, warning: 0, info: 0 };
  let text = '';
  for (const severity of SEVERITY_ORDER) {
    let budget = limit;
    const subset = results.map((result) => {
      const diagnostics = result.diagnostics.filter((diagnostic) => diagnostic.severity === severity);
      const kept = diagnostics.slice(0, Math.max(budget, 0));
      budget -= kept.length;
      omitted[severity] += diagnostics.length - kept.length;
      emitted[severity] += kept.length;
      return { ...result, diagnostics: kept };
    });
    // The lint package's github formatter owns the escaping rules, so every annotation goes through it.
    text += formatResults(subset, 'github', context);
  }
  return { text, emitted, omitted };
}
