import { authCommand, type LintRule } from '@pmm-config/plugin';
import { MAL_DOCS_URL } from '../constants';
import { readJwtTimes } from '../token/jwt';
import { isBlank, isMap, isTemplateText } from './values';

const DAY_MS = 24 * 60 * 60 * 1000;

function whenExpires(authorization: Record<string, unknown>): number | undefined {
  const token = authorization['access_token'];
  if (typeof token === 'string') {
    const times = readJwtTimes(token);
    if (times?.expiresAt !== undefined) return times.expiresAt * 1000;
  }
  // Some hand-made blocks carry Trakt's created_at; with expires_in that dates the token too.
  const createdAt = authorization['created_at'];
  const expiresIn = authorization['expires_in'];
  if (typeof createdAt === 'number' && typeof expiresIn === 'number') return (createdAt + expiresIn) * 1000;
  return undefined;
}

function age(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  if (days >= 1) return `${days} day${days === 1 ? '' : 's'}`;
  const hours = Math.max(1, Math.floor(ms / (60 * 60 * 1000)));
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

/**
 * Warns about an expired MyAnimeList access token when its expiry can be read (MAL access tokens are JWTs with
 * an `exp` claim), and says so when it cannot: Kometa stores no `created_at` for MAL.
 */
export const tokenExpiryRule: LintRule = {
  id: 'mal/token-expiry',
  description: 'The stored MyAnimeList access token has not expired (or says that its age is unknown)',
  docsUrl: MAL_DOCS_URL,
  check(context) {
    const authorization = context.get('/mal/authorization');
    if (!isMap(authorization)) return;
    const token = authorization['access_token'];
    if (isBlank(token) || typeof token !== 'string' || context.isPlaceholder(token) || isTemplateText(token)) return;
    const expiresAt = whenExpires(authorization);
    if (expiresAt === undefined) {
      context.report({
        severity: 'info',
        pointer: '/mal/authorization/access_token',
        message: "Cannot tell whether the MyAnimeList access token has expired: MAL stores no `created_at` and this token carries no expiry.",
        hint: `Run \`${authCommand('mal', context.file, '--check')}\` to ask MyAnimeList.`,
      });
      return;
    }
    const now = context.now().getTime();
    if (expiresAt > now) return;
    const canRefresh = !isBlank(authorization['refresh_token']);
    context.report({
      severity: 'warning',
      pointer: '/mal/authorization/access_token',
      message: `The MyAnimeList access token expired ${age(now - expiresAt)} ago (${new Date(expiresAt).toISOString()})${
        canRefresh ? ': Kometa has to refresh it, which fails if the refresh token has expired too or the config is not writable' : ' and there is no refresh_token: Kometa has to authorize again'
      }.`,
      hint: canRefresh ? `Run \`${authCommand('mal', context.file, '--refresh')}\` to renew it now.` : `Run \`${authCommand('mal', context.file)}\` to authorize again.`,
    });
  },
};
