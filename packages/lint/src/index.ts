export { lint, coreRules, ruleCatalog } from './lint';
export type { LintHost, LintOptions, LintResult, RuleMeta } from './types';
export { formatNames, formatResults } from './format/index';
export type { FormatContext, FormatName } from './format/types';
