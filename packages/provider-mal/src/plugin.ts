import { definePlugin } from '@pmm-config/plugin';
import { MAL_DOCS_URL } from './constants';
import { malRules } from './lint/rules';

/** The MyAnimeList plugin: owns the `mal:` section of config.yml. */
export const malPlugin = definePlugin({
  apiVersion: 1,
  meta: { id: 'mal', name: 'MyAnimeList', docsUrl: MAL_DOCS_URL },
  configKey: 'mal',
  rules: malRules,
});
