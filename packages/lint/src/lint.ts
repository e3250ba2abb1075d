import { configTopLevelKeys, deprecations, validateConfig } from '@pmm-config/schema';
import type { LintRule, Plugin } from '@pmm-config/plugin';
import { builtinRuleMeta } from './builtin-rules';
import { lintWithSchema } from './engine';
import { createCoreRules } from './rules/index';
import type { SchemaAdapter } from './schema/types';
import type { LintOptions, LintResult, RuleMeta } from './types';

const schema: SchemaAdapter & { readonly topLevelKeys: readonly string[] } = {
  validate: validateConfig,
  deprecations,
  topLevelKeys: configTopLevelKeys,
};

/**
 * Lints one config.yml: YAML with positions, the schema check shaped into findings, then core and plugin
 * rules. Pure: file access for linked files goes through `options.host`.
 */
export function lint(text: string, options: LintOptions): LintResult {
  return lintWithSchema(text, options, schema);
}

/** The semantic core rules (`core/*`); parser (`yaml/*`) and schema (`schema/*`) findings come from the engine. */
export const coreRules: readonly LintRule[] = createCoreRules(deprecations);

/** Every rule the engine can report, core first, then each plugin's, for `pmm-config rules` and SARIF. */
export function ruleCatalog(plugins: readonly Plugin[]): readonly RuleMeta[] {
  const meta = (rule: LintRule): RuleMeta => ({ id: rule.id, description: rule.description, ...(rule.docsUrl ? { docsUrl: rule.docsUrl } : {}) });
  return [...builtinRuleMeta, ...coreRules.map(meta), ...plugins.flatMap((plugin) => (plugin.rules ?? []).map(meta))];
}
