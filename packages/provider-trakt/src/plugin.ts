import { definePlugin } from '@pmm-config/plugin';
import { traktRules } from './rules';
import { TRAKT_DOCS_URL } from './rules/links';

/** The Trakt plugin: lint rules for `trakt:`. */
export const traktPlugin = definePlugin({
  apiVersion: 1,
  meta: { id: 'trakt', name: 'Trakt', docsUrl: TRAKT_DOCS_URL },
  configKey: 'trakt',
  rules: traktRules,
});
