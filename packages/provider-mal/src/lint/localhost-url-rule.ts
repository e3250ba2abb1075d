import { authCommand, type LintRule } from '@pmm-config/plugin';
import { MAL_DOCS_URL } from '../constants';
import { describeType, isBlank, isMap, isTemplateText } from './values';

function hasStoredAccessToken(authorization: unknown): boolean {
  return isMap(authorization) && !isBlank(authorization['access_token']);
}

/**
 * `mal.localhost_url` is the URL the browser landed on after "Allow". Kometa pulls `code=` out of it and exchanges
 * the code with its fixed verifier, so it must contain `code=`, and it only works when it came from the
 * authorize URL in Kometa's docs (the one with Kometa's fixed `code_challenge`).
 */
export const localhostUrlRule: LintRule = {
  id: 'mal/localhost-url',
  description: 'mal.localhost_url is the redirect URL with a code= parameter',
  docsUrl: MAL_DOCS_URL,
  check(context) {
    const section = context.get('/mal');
    if (!isMap(section) || !('localhost_url' in section)) return;
    const value = section['localhost_url'];
    if (isBlank(value) || context.isPlaceholder(value) || isTemplateText(value)) return;
    const authorized = hasStoredAccessToken(section['authorization']);
    if (typeof value !== 'string') {
      context.report({ severity: 'error', pointer: '/mal/localhost_url', at: 'value', message: `\`mal.localhost_url\` must be a URL string, not ${describeType(value)}.` });
      return;
    }
    if (!/code=[^&]/.test(value)) {
      context.report({
        severity: authorized ? 'warning' : 'error',
        pointer: '/mal/localhost_url',
        at: 'value',
        message: `\`mal.localhost_url\` has no \`code=\` parameter: when Kometa needs to authorize it stops with "MyAnimeList Error: Invalid URL".`,
        hint: `Paste the whole URL the browser was sent to after "Allow" (http://localhost/?code=...), or leave it blank and run \`${authCommand('mal', context.file)}\`.`,
      });
      return;
    }
    context.report({
      severity: 'info',
      pointer: '/mal/localhost_url',
      at: 'value',
      message: authorized
        ? '`mal.localhost_url` holds an authorization code next to a stored token: codes are single-use and short-lived, so Kometa only gets "Invalid code" if it ever falls back to it.'
        : "`mal.localhost_url` can only be exchanged with the verifier that produced it: Kometa uses its fixed verifier, so the code must come from the authorize URL in Kometa's MyAnimeList docs, within minutes, and only once.",
      hint: authorized
        ? 'Clear `localhost_url` once `authorization` is filled in.'
        : `\`${authCommand('mal', context.file)}\` exchanges it the same way, or runs a fresh authorization with its own verifier.`,
    });
  },
};
