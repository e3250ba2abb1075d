export { lint, coreRules, ruleCatalog } from './lint';
export type { LintHost, LintOptions, LintResult, RuleMeta } from './types';
export { formatNames, formatResults } from './format/index';
export type { FormatContext, FormatName } from './format/types';
export { applyFixes, fixUntilStable, isFixable, MAX_FIX_PASSES, sameDataOutside } from './fix/index';
export type { AppliedFixes, Fixable, FixOutcome } from './fix/index';
export { renderUnifiedDiff } from './fix/diff';
