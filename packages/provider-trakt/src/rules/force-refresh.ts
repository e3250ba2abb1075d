import type { LintRule } from '@pmm-config/plugin';
import { TRAKT_DOCS_URL } from './links';
import { describeType } from './values';

/** Kometa acts on `force_refresh` only when it is the boolean `true`; `"true"` or `yes` silently do nothing. */
export const forceRefreshTypeRule: LintRule = {
  id: 'trakt/force-refresh-type',
  description: 'trakt.force_refresh must be a boolean',
  docsUrl: TRAKT_DOCS_URL,
  check(context) {
    if (!context.has('/trakt/force_refresh')) return;
    const value = context.get('/trakt/force_refresh');
    if (value === null || typeof value === 'boolean' || context.isPlaceholder(value)) return;
    context.report({
      severity: 'warning',
      pointer: '/trakt/force_refresh',
      at: 'value',
      message: `\`trakt.force_refresh\` is ${describeType(value)}, so Kometa ignores it: only an unquoted \`true\` forces a refresh.`,
      hint: 'Write `force_refresh: true` or `force_refresh: false` without quotes.',
    });
  },
};
