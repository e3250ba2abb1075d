import { definePlugin } from '@pmm-config/plugin';
import { MAL_DOCS_URL } from './constants';
import { malAuthProvider } from './auth/provider';
import { malBuilders } from './lint/builders';
import { malRules } from './lint/rules';

/** The MyAnimeList plugin: lint rules for `mal:`, the check of MAL builders in linked files, and `pmm-config auth mal`. */
export const malPlugin = definePlugin({
  apiVersion: 1,
  meta: { id: 'mal', name: 'MyAnimeList', docsUrl: MAL_DOCS_URL },
  configKey: 'mal',
  rules: malRules,
  auth: malAuthProvider,
  builders: malBuilders,
});
