import type { LintRule, RuleContext } from '@pmm-config/plugin';
import { MAL_DOCS_URL } from '../constants';
import { describeUsages, findMalUsages } from './usage';
import { describeType, isBlank, isMap, isTemplateText } from './values';

const CREDENTIALS = [
  { key: 'client_id', label: 'Client ID' },
  { key: 'client_secret', label: 'Client Secret' },
] as const;
const HOW_TO_GET = 'Create an API app at https://myanimelist.net/apiconfig (App Redirect URL `http://localhost/`) and copy its';

/** `mal:` present without a `client_id` or `client_secret` key: Kometa reports "sub-attribute not found" and MyAnimeList cannot connect. */
export const missingAttributeRule: LintRule = {
  id: 'mal/missing-attribute',
  description: 'mal: must be a mapping with client_id and client_secret keys',
  docsUrl: MAL_DOCS_URL,
  check(context) {
    if (!context.has('/mal')) return;
    const section = context.get('/mal');
    if (section !== null && !isMap(section)) {
      context.report({ severity: 'error', pointer: '/mal', at: 'value', message: `\`mal\` must be a mapping, not ${describeType(section)}.` });
      return;
    }
    for (const { key, label } of CREDENTIALS) {
      if (section !== null && Object.prototype.hasOwnProperty.call(section, key)) continue;
      context.report({
        severity: 'error',
        pointer: `/mal/${key}`,
        message: `\`mal\` has no \`${key}\`: Kometa stops with "mal sub-attribute ${key} not found" and MyAnimeList cannot connect.`,
        hint: `${HOW_TO_GET} ${label} into \`mal.${key}\`.`,
      });
    }
  },
};

function usedBy(context: RuleContext): string | undefined {
  const usages = findMalUsages(context);
  return usages.length > 0 ? describeUsages(usages) : undefined;
}

/**
 * A blank or template-text credential: Kometa only warns and skips MyAnimeList, which breaks everything built
 * from it, so it is an error when the config uses MyAnimeList. Placeholders are filled in before Kometa reads
 * the file and are never judged.
 */
export const blankCredentialRule: LintRule = {
  id: 'mal/blank-credential',
  description: 'mal.client_id and mal.client_secret must be filled in, not blank or template text',
  docsUrl: MAL_DOCS_URL,
  check(context) {
    const section = context.get('/mal');
    if (!isMap(section)) return;
    let usage: string | undefined | null = null;
    for (const { key, label } of CREDENTIALS) {
      if (!Object.prototype.hasOwnProperty.call(section, key)) continue;
      const value = section[key];
      if (context.isPlaceholder(value)) continue;
      if (typeof value === 'object' && value !== null) {
        context.report({ severity: 'error', pointer: `/mal/${key}`, at: 'value', message: `\`mal.${key}\` must be a string, not ${describeType(value)}.` });
        continue;
      }
      const blank = isBlank(value);
      if (!blank && !isTemplateText(value)) continue;
      if (usage === null) usage = usedBy(context);
      const what = blank ? 'is blank' : 'still holds template text instead of a real value';
      context.report({
        severity: usage ? 'error' : 'warning',
        pointer: `/mal/${key}`,
        at: 'value',
        message: `\`mal.${key}\` ${what}${
          usage ? `, so Kometa cannot connect to MyAnimeList and ${usage} fails` : ': Kometa skips MyAnimeList ("My Anime List Connection Failed")'
        }.`,
        hint: `${HOW_TO_GET} ${label}, or remove the \`mal:\` section if you do not use MyAnimeList.`,
      });
    }
  },
};
