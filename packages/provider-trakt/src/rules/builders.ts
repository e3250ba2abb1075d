import { authorizedServiceBuilders } from '@pmm-config/plugin';
import { TRAKT_DOCS_URL } from './links';
import { isBlank, isTemplateText } from './values';

/**
 * `trakt/builder-needs-trakt`: Kometa builds a Trakt connection only from credentials plus a saved token (or a
 * PIN), and every attribute whose name holds `trakt` fails without one: "'{attr}' requires Trakt to be configured".
 */
export const traktBuilders = authorizedServiceBuilders({
  ruleId: 'trakt/builder-needs-trakt',
  description: 'Trakt builders (trakt_list, trakt_chart, sync_to_trakt_list, ...) need an authorized trakt: section in the config',
  docsUrl: TRAKT_DOCS_URL,
  builders: ['*trakt*'],
  service: 'Trakt',
  provider: 'trakt',
  section: 'trakt',
  tokens: [['authorization', 'access_token'], ['pin']],
  isFilled: (value) => !isBlank(value) && !isTemplateText(value),
  kometaSays: (builder) => `'${builder}' requires Trakt to be configured`,
});
