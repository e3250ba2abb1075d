export type { Diagnostic, Severity } from './diagnostic';
export type { LinkedFile, LintRule, RuleContext, RuleReport, ScalarStyle } from './rule';
export type { Plugin, PluginMeta } from './plugin';
export { definePlugin } from './plugin';
export { isSecretKey, maskSecret } from './secrets';
export { isConfigPlaceholder } from './placeholder';
export { joinPointer, parsePointer, resolvePointer } from './pointer';
