import { authorizedServiceBuilders } from '@pmm-config/plugin';
import { MAL_DOCS_URL } from '../constants';
import { isBlank, isTemplateText } from './values';

/**
 * `mal/builder-needs-mal`: every attribute whose name holds `mal` needs a MyAnimeList connection ("'{attr}'requires
 * MyAnimeList to be configured", sic), which Kometa makes from credentials plus a saved token or a `localhost_url`.
 */
export const malBuilders = authorizedServiceBuilders({
  ruleId: 'mal/builder-needs-mal',
  description: 'MyAnimeList builders (mal_*) need an authorized mal: section in the config',
  docsUrl: MAL_DOCS_URL,
  builders: ['*mal*'],
  service: 'MyAnimeList',
  provider: 'mal',
  section: 'mal',
  tokens: [['authorization', 'access_token'], ['localhost_url']],
  isFilled: (value) => !isBlank(value) && !isTemplateText(value),
  kometaSays: (builder) => `'${builder}'requires MyAnimeList to be configured`,
});
