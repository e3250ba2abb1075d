/*
 * `@pmm-config/lint/fix`: applying fixes, the pass loop and the diff. A subpath of its own, so that a
 * `validate` run without --fix never loads it.
 */
export { applyFixes, isFixable, type AppliedFixes, type Fixable } from './apply';
export { fixUntilStable, MAX_FIX_PASSES, type FixOutcome } from './loop';
export { sameDataOutside } from './same-data';
export { renderUnifiedDiff } from './diff';
