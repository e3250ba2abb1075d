import { authCommand, type LintRule } from '@pmm-config/plugin';
import { MAL_DOCS_URL } from '../constants';
import { findMalUsages } from './usage';

/** MyAnimeList builders, the `myanimelist` default or `mal` operation sources without any `mal:` section. */
export const requiredSectionRule: LintRule = {
  id: 'mal/required-section',
  description: 'A config that uses MyAnimeList builders, defaults or operation sources has a mal: section',
  docsUrl: MAL_DOCS_URL,
  check(context) {
    if (context.has('/mal')) return;
    for (const usage of findMalUsages(context, { unchecked: true })) {
      context.report({
        severity: 'error',
        pointer: usage.pointer,
        message: `${usage.what} needs a MyAnimeList connection, but the config has no \`mal:\` section.`,
        hint: `Add a top-level \`mal:\` section with client_id and client_secret, then run \`${authCommand('mal', context.file)}\`.`,
      });
    }
  },
};
