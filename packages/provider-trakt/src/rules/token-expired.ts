import { authCommand, type LintRule } from '@pmm-config/plugin';
import { TRAKT_DOCS_URL } from './links';
import { isBlank, isMapping } from './values';

/**
 * `created_at + expires_in` is in the past. Kometa then depends on the single-use refresh token, and
 * tokens issued before Trakt's July 2026 auth migration can no longer be refreshed at all.
 */
export const tokenExpiredRule: LintRule = {
  id: 'trakt/token-expired',
  description: 'the stored Trakt access token has expired',
  docsUrl: TRAKT_DOCS_URL,
  check(context) {
    const block = context.get('/trakt/authorization');
    if (!isMapping(block) || isBlank(block['access_token']) || context.isPlaceholder(block['access_token'])) return;
    const createdAt = block['created_at'];
    const expiresIn = block['expires_in'];
    if (typeof createdAt !== 'number' || typeof expiresIn !== 'number' || !Number.isFinite(createdAt + expiresIn)) return;
    const expiry = new Date((createdAt + expiresIn) * 1000);
    if (Number.isNaN(expiry.getTime()) || expiry.getTime() > context.now().getTime()) return;
    const canRefresh = typeof block['refresh_token'] === 'string' && !isBlank(block['refresh_token']);
    context.report({
      severity: 'warning',
      pointer: '/trakt/authorization/created_at',
      at: 'value',
      message: `The Trakt access token expired on ${expiry.toISOString().slice(0, 10)} (created_at + expires_in)${
        canRefresh ? '; Kometa can only continue if the single-use refresh token still works' : ' and there is no refresh token to renew it'
      }.`,
      hint: canRefresh
        ? `Run \`${authCommand('trakt', context.file, '--refresh')}\`, or \`${authCommand('trakt', context.file)}\` for a new token.`
        : `Run \`${authCommand('trakt', context.file)}\` for a new token.`,
    });
  },
};
