import { authCommand, type LintRule } from '@pmm-config/plugin';
import { TRAKT_APPS_URL, TRAKT_DOCS_URL } from './links';
import { findTraktUsage } from './trakt-usage';

/** Trakt-based collections with no `trakt:` section at all: every one of them fails at run time. */
export const missingSectionRule: LintRule = {
  id: 'trakt/missing-section',
  description: 'Trakt-based collections need a trakt: section',
  docsUrl: TRAKT_DOCS_URL,
  check(context) {
    if (context.has('/trakt')) return;
    const usage = findTraktUsage(context, { unchecked: true });
    if (!usage) return;
    context.report({
      severity: 'error',
      pointer: usage.pointer,
      message: `${usage.description} needs Trakt, but the config has no \`trakt:\` section, so Kometa cannot build it.`,
      hint: `Add a \`trakt:\` section with the client_id and client_secret of a Trakt API app (${TRAKT_APPS_URL}), then run \`${authCommand('trakt', context.file)}\`.`,
    });
  },
};
