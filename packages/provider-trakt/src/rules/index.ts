import type { LintRule } from '@pmm-config/plugin';
import { authorizationMissingKeyRule, authorizationShapeRule, authorizationTypeRule, notAuthorizedRule } from './authorization';
import { blankCredentialRule, missingAttributeRule } from './credentials';
import { forceRefreshTypeRule } from './force-refresh';
import { missingSectionRule } from './missing-section';
import { pinTypeRule } from './pin';
import { tokenExpiredRule } from './token-expired';

/** Every lint rule for the `trakt:` section, in the order their findings read best. */
export const traktRules: readonly LintRule[] = [
  missingSectionRule,
  missingAttributeRule,
  blankCredentialRule,
  pinTypeRule,
  forceRefreshTypeRule,
  authorizationShapeRule,
  authorizationMissingKeyRule,
  authorizationTypeRule,
  notAuthorizedRule,
  tokenExpiredRule,
];
