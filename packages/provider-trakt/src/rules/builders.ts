import { authCommand, type BuilderService, type ConfigView } from '@pmm-config/plugin';
import { TRAKT_DOCS_URL } from './links';
import { isBlank, isMapping, isTemplateText } from './values';

/** Why the config gives Kometa no Trakt connection (it creates one only with credentials and a token or PIN), or undefined. */
function whyNoTrakt(config: ConfigView): string | undefined {
  if (!config.has('/trakt')) return `${config.file} has no \`trakt:\` section`;
  const section = config.get('/trakt');
  if (!isMapping(section)) return `\`trakt:\` is blank (${config.where('/trakt')})`;
  const set = (value: unknown) => config.isPlaceholder(value) || (!isBlank(value) && !isTemplateText(value));
  for (const key of ['client_id', 'client_secret'])
    if (!set(section[key])) return `\`trakt.${key}\` is ${isBlank(section[key]) ? 'missing or blank' : 'template text'} (${config.where(`/trakt/${key}`)})`;
  const authorization = section['authorization'];
  const token = isMapping(authorization) ? authorization['access_token'] : undefined;
  if (set(token) || set(section['pin'])) return undefined;
  return `Trakt is not authorized: \`trakt.authorization\` has no access token (${config.where(isMapping(authorization) ? '/trakt/authorization' : '/trakt')})`;
}

/**
 * `trakt/builder-needs-trakt`: Kometa builds a Trakt connection only from credentials plus a saved token (or a
 * PIN), and every attribute whose name holds `trakt` fails without one: "'{attr}' requires Trakt to be configured".
 */
export const traktBuilders: BuilderService = {
  ruleId: 'trakt/builder-needs-trakt',
  description: 'Trakt builders (trakt_list, trakt_chart, sync_to_trakt_list, ...) need an authorized trakt: section in the config',
  docsUrl: TRAKT_DOCS_URL,
  builders: ['*trakt*'],
  check(context) {
    const problem = whyNoTrakt(context.config);
    if (!problem) return;
    for (const use of context.uses) {
      context.report({
        severity: 'error',
        pointer: use.pointer,
        message: `\`${use.builder}\` needs Trakt, but ${problem}: Kometa stops this definition ("'${use.builder}' requires Trakt to be configured").`,
        hint: `Fix \`trakt:\` in ${context.config.file} and run \`${authCommand('trakt', context.config.file)}\`, or remove \`${use.builder}\`.`,
      });
    }
  },
};
