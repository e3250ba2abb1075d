import type { LintRule } from '@pmm-config/plugin';
import { MAL_DOCS_URL } from '../constants';
import { describeType, isBlank, isMap } from './values';

/** `mal.cache_expiration` is an integer ≥ 1 (days); anything else Kometa replaces with 60. */
export const cacheExpirationRule: LintRule = {
  id: 'mal/cache-expiration',
  description: 'mal.cache_expiration is an integer of at least 1',
  docsUrl: MAL_DOCS_URL,
  check(context) {
    const section = context.get('/mal');
    if (!isMap(section) || !('cache_expiration' in section)) return;
    const value = section['cache_expiration'];
    if (isBlank(value) || context.isPlaceholder(value)) return;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return;
    const what = typeof value === 'number' && Number.isInteger(value) ? `${value}, which is below 1` : `${describeType(value)} (${JSON.stringify(value)})`;
    context.report({
      severity: 'warning',
      pointer: '/mal/cache_expiration',
      at: 'value',
      message: `\`mal.cache_expiration\` must be a whole number of days ≥ 1, not ${what}: Kometa ignores it and uses 60.`,
      hint: 'Write an unquoted integer such as `cache_expiration: 60`.',
    });
  },
};
