export { applyFixes, isFixable, type AppliedFixes, type Fixable } from './apply';
export { fixUntilStable, MAX_FIX_PASSES, type FixOutcome } from './loop';
export { sameDataOutside } from './same-data';
