export { lint, lintFiles, coreRules, ruleCatalog } from './lint';
export type { LintInput } from './project';
export type { FileRead, LinkedFrom, LintHost, LintOptions, LintResult, RuleMeta } from './types';
export { detectKind } from './files/kinds';
export { formatNames, formatResults } from './format/index';
export type { FormatContext, FormatName, HiddenFindings } from './format/types';
