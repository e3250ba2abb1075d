import { authCommand, type BuilderService, type ConfigView } from '@pmm-config/plugin';
import { MAL_DOCS_URL } from '../constants';
import { isBlank, isMap, isTemplateText } from './values';

/** Why the config gives Kometa no MyAnimeList connection (credentials plus a saved token or a `localhost_url`), or undefined. */
function whyNoMal(config: ConfigView): string | undefined {
  if (!config.has('/mal')) return `${config.file} has no \`mal:\` section`;
  const section = config.get('/mal');
  if (!isMap(section)) return `\`mal:\` is blank (${config.where('/mal')})`;
  const set = (value: unknown) => config.isPlaceholder(value) || (!isBlank(value) && !isTemplateText(value));
  for (const key of ['client_id', 'client_secret'])
    if (!set(section[key])) return `\`mal.${key}\` is ${isBlank(section[key]) ? 'missing or blank' : 'template text'} (${config.where(`/mal/${key}`)})`;
  const authorization = section['authorization'];
  if (set(isMap(authorization) ? authorization['access_token'] : undefined) || set(section['localhost_url'])) return undefined;
  return `MyAnimeList is not authorized: \`mal.authorization\` has no access token (${config.where(isMap(authorization) ? '/mal/authorization' : '/mal')})`;
}

/**
 * `mal/builder-needs-mal`: every attribute whose name holds `mal` needs a MyAnimeList connection ("'{attr}'requires
 * MyAnimeList to be configured", sic), which Kometa makes from credentials plus a saved token or a `localhost_url`.
 */
export const malBuilders: BuilderService = {
  ruleId: 'mal/builder-needs-mal',
  description: 'MyAnimeList builders (mal_*) need an authorized mal: section in the config',
  docsUrl: MAL_DOCS_URL,
  builders: ['*mal*'],
  check(context) {
    const problem = whyNoMal(context.config);
    if (!problem) return;
    for (const use of context.uses) {
      context.report({
        severity: 'error',
        pointer: use.pointer,
        message: `\`${use.builder}\` needs MyAnimeList, but ${problem}: Kometa stops this definition ("'${use.builder}'requires MyAnimeList to be configured").`,
        hint: `Fix \`mal:\` in ${context.config.file} and run \`${authCommand('mal', context.config.file)}\`, or remove \`${use.builder}\`.`,
      });
    }
  },
};
