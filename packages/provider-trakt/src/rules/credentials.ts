import type { LintRule } from '@pmm-config/plugin';
import { TRAKT_APPS_URL, TRAKT_DOCS_URL } from './links';
import { findTraktUsage } from './trakt-usage';
import { isBlank, isMapping, isTemplateText } from './values';

const CREDENTIALS = [
  { key: 'client_id', label: 'Client ID' },
  { key: 'client_secret', label: 'Client Secret' },
] as const;

const HOW_TO_GET = `Create a Trakt API app at ${TRAKT_APPS_URL} (Trakt VIP is required since July 2026) and copy its`;

/** `trakt:` present without a `client_id` or `client_secret` key: Kometa reports "sub-attribute not found" and Trakt cannot work. */
export const missingAttributeRule: LintRule = {
  id: 'trakt/missing-attribute',
  description: 'trakt: must have client_id and client_secret keys',
  docsUrl: TRAKT_DOCS_URL,
  check(context) {
    if (!context.has('/trakt')) return;
    const section = context.get('/trakt');
    if (section !== null && !isMapping(section)) return;
    for (const { key, label } of CREDENTIALS) {
      if (section !== null && Object.prototype.hasOwnProperty.call(section, key)) continue;
      context.report({
        severity: 'error',
        pointer: `/trakt/${key}`,
        message: `\`trakt\` has no \`${key}\`: Kometa stops with "trakt sub-attribute ${key} not found" and Trakt cannot connect.`,
        hint: `${HOW_TO_GET} ${label} into \`trakt.${key}\`.`,
      });
    }
  },
};

/**
 * A blank or template-text credential: Kometa only warns and skips Trakt, which breaks every Trakt-based
 * collection, so it is an error when the config has any.
 */
export const blankCredentialRule: LintRule = {
  id: 'trakt/blank-credential',
  description: 'trakt.client_id and trakt.client_secret must be filled in, not blank or template text',
  docsUrl: TRAKT_DOCS_URL,
  check(context) {
    const section = context.get('/trakt');
    if (!isMapping(section)) return;
    let usage: ReturnType<typeof findTraktUsage> | null = null;
    for (const { key, label } of CREDENTIALS) {
      if (!Object.prototype.hasOwnProperty.call(section, key)) continue;
      const value = section[key];
      if (context.isPlaceholder(value)) continue;
      const blank = isBlank(value);
      if (!blank && !isTemplateText(value)) continue;
      if (usage === null) usage = findTraktUsage(context);
      const what = blank ? 'is blank' : 'still holds template text instead of a real value';
      const consequence = usage
        ? `, so Kometa cannot connect to Trakt and ${usage.description} (at ${usage.pointer}) fails`
        : ': Kometa skips Trakt ("Trakt Connection Failed")';
      context.report({
        severity: usage ? 'error' : 'warning',
        pointer: `/trakt/${key}`,
        at: 'value',
        message: `\`trakt.${key}\` ${what}${consequence}.`,
        hint: `${HOW_TO_GET} ${label}, or remove the \`trakt:\` section if you do not use Trakt.`,
      });
    }
  },
};
