import { configTopLevelKeys, deprecations, validateConfig } from '@pmm-config/schema';
import type { LintRule, Plugin } from '@pmm-config/plugin';
import { builtinRuleMeta } from './builtin-rules';
import { lintWithSchema } from './engine';
import { fileSectionsRule } from './files/required-sections';
import { coreBuilderServices } from './files/services';
import { templateRules } from './files/template-rules';
import { attributeAliasRule } from './files/alias-rule';
import { blankAttributeRule, customOrderRule } from './files/definition-rules';
import { overlayBlockRule } from './files/overlay-rules';
import { lintFiles as lintWithProfiles, type LintInput, type RunOptions } from './project';
import { realProfiles } from './profiles';
import { createCoreRules } from './rules/index';
import type { SchemaAdapter } from './schema/types';
import type { LintOptions, LintResult, RuleMeta } from './types';

const schema: SchemaAdapter & { readonly topLevelKeys: readonly string[] } = {
  validate: validateConfig,
  deprecations,
  topLevelKeys: configTopLevelKeys,
};

/**
 * Lints one config.yml on its own: YAML with positions, the schema check shaped into findings, then core and
 * plugin rules. Pure: file access for linked files goes through `options.host`.
 */
export function lint(text: string, options: LintOptions): LintResult {
  return lintWithSchema(text, options, schema);
}

/**
 * Lints the named files and the local files their configs link to, one result per file (see {@link RunOptions}).
 * Pure: every read goes through `options.host`.
 */
export function lintFiles(inputs: readonly LintInput[], options: Omit<RunOptions, 'profiles'> & Pick<LintOptions, 'kometaVersion' | 'kometaEnv'> = {}): LintResult[] {
  return lintWithProfiles(inputs, { ...options, profiles: realProfiles({ kometaVersion: options.kometaVersion, kometaEnv: options.kometaEnv }) });
}

/** The semantic core rules (`core/*`); parser (`yaml/*`) and schema (`schema/*`) findings come from the engine. */
export const coreRules: readonly LintRule[] = createCoreRules(deprecations);

/** Rules of the run itself and of linked files, which no `LintRule` object of the config carries. */
const linkedFileRuleMeta: readonly RuleMeta[] = [
  { id: 'core/file-sections', description: fileSectionsRule('collection').description },
  ...[...templateRules('collection'), attributeAliasRule('collection'), blankAttributeRule('collection'), customOrderRule('collection'), overlayBlockRule].map((rule) => ({ id: rule.id, description: rule.description })),
  { id: 'core/unreadable-linked-file', description: 'A linked local file must be readable UTF-8 text: Kometa cannot load it otherwise.' },
  { id: 'core/unknown-kind', description: 'A file named on the command line must be one of Kometa’s kinds (or given --kind).' },
  ...coreBuilderServices.map((service) => ({ id: service.ruleId, description: service.description })),
];

/** Every rule the engine can report, core first, then each plugin's, for `pmm-config rules` and SARIF. */
export function ruleCatalog(plugins: readonly Plugin[]): readonly RuleMeta[] {
  const meta = (rule: { id: string; description: string; docsUrl?: string }): RuleMeta => ({ id: rule.id, description: rule.description, ...(rule.docsUrl ? { docsUrl: rule.docsUrl } : {}) });
  return [
    ...builtinRuleMeta,
    ...coreRules.map(meta),
    ...linkedFileRuleMeta,
    ...plugins.flatMap((plugin) => [
      ...(plugin.rules ?? []).map(meta),
      ...(plugin.builders ? [meta({ id: plugin.builders.ruleId, description: plugin.builders.description, docsUrl: plugin.builders.docsUrl })] : []),
    ]),
  ];
}
