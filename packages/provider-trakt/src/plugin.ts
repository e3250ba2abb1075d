import { definePlugin } from '@pmm-config/plugin';
import { traktAuthProvider } from './auth/provider';
import { traktRules } from './rules';
import { traktBuilders } from './rules/builders';
import { TRAKT_DOCS_URL } from './rules/links';

/** The Trakt plugin: lint rules for `trakt:`, the check of Trakt builders in linked files, and `pmm-config auth trakt`. */
export const traktPlugin = definePlugin({
  apiVersion: 1,
  meta: { id: 'trakt', name: 'Trakt', docsUrl: TRAKT_DOCS_URL },
  configKey: 'trakt',
  rules: traktRules,
  auth: traktAuthProvider,
  builders: traktBuilders,
});
