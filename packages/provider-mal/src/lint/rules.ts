import type { LintRule } from '@pmm-config/plugin';
import { authorizationRule } from './authorization-rule';
import { cacheExpirationRule } from './cache-expiration-rule';
import { blankCredentialRule, missingAttributeRule } from './credentials-rule';
import { localhostUrlRule } from './localhost-url-rule';
import { requiredSectionRule } from './required-section-rule';
import { tokenExpiryRule } from './token-expiry-rule';

/** Every lint rule of the MyAnimeList plugin, in the order they run. */
export const malRules: readonly LintRule[] = [
  requiredSectionRule,
  missingAttributeRule,
  blankCredentialRule,
  localhostUrlRule,
  cacheExpirationRule,
  authorizationRule,
  tokenExpiryRule,
];
