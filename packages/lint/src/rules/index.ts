import type { LintRule } from '@pmm-config/plugin';
import type { Deprecation } from '../schema/types';
import { defaultFileRule, type DefaultsRuleOptions, templateVariablesRule } from './defaults';
import { definitionsInLibrary } from './definitions-in-library';
import { deprecatedKeyRule } from './deprecated-key';
import { missingLinkedFile } from './missing-linked-file';
import { plexConnection } from './plex-connection';
import { repoWithoutCustomRepo } from './repo-without-custom-repo';
import { requiredSection } from './required-section';
import { scheduleRule } from './schedule';
import { unquotedSecretRule } from './unquoted-secret';
import { type KometaEnv, unsetPlaceholderEnvRule } from './unset-placeholder-env';

/** Options of the core rules: `--kometa-version`, and the environment `--check-env` checks placeholders against. */
export interface CoreRuleOptions extends DefaultsRuleOptions {
  readonly kometaEnv?: KometaEnv;
}

/** The semantic core rules, with deprecations taken from the schema package. */
export function createCoreRules(deprecations: readonly Deprecation[], options: CoreRuleOptions = {}): readonly LintRule[] {
  return [
    requiredSection,
    definitionsInLibrary,
    deprecatedKeyRule(deprecations),
    missingLinkedFile,
    repoWithoutCustomRepo,
    scheduleRule,
    plexConnection,
    defaultFileRule(options),
    templateVariablesRule(options),
    unquotedSecretRule,
    unsetPlaceholderEnvRule(options.kometaEnv),
  ];
}
