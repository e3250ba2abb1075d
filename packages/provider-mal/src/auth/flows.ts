import { parseRedirectUrl } from '@pmm-config/oauth';
import type { OAuthClient, TokenResponse } from '@pmm-config/oauth';
import { AuthError, AuthErrorCode, describeExpiry } from '@pmm-config/plugin';
import type { AuthContext, AuthOutcome } from '@pmm-config/plugin';
import { KOMETA_FIXED_CODE_VERIFIER } from '../constants';
import { isMap } from '../lint/values';
import { checkAccount } from './account';
import { authorizeUrl, createMalClient } from './client';
import { REDIRECT_URL_INPUT } from './declarations';
import { STATE_MISMATCH, toAuthError, type MalStep } from './errors';
import { createState, isOwnState, verifierFor } from './pkce';
import { authorizationUpdate, authorizedOutcome, storedAuthorization } from './tokens';

const NEW_AUTH = 'run `pmm-config auth mal`';

async function guarded<T>(context: AuthContext, step: MalStep, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw toAuthError(error, step, context.urls);
  }
}

function secretOf(context: AuthContext): string {
  const secret = context.credentials['client_secret'];
  if (!secret) throw new AuthError(AuthErrorCode.InputRequired, 'MyAnimeList needs mal.client_secret (or --client-secret / PMM_CONFIG_MAL_CLIENT_SECRET)');
  return secret;
}

/** The code in a pasted redirect URL and the verifier that goes with it. */
interface PastedGrant {
  readonly code: string;
  readonly verifier: string;
  /** Whether Kometa's fixed verifier is used (the URL carried no state). */
  readonly kometaVerifier: boolean;
}

/**
 * Reads a pasted redirect URL. One with our `state` gets the verifier derived from it; one without any `state` can
 * only come from the authorize URL in Kometa's docs, so it gets Kometa's fixed verifier; any other `state` is refused.
 */
function grantFrom(pasted: string, clientSecret: string): PastedGrant {
  const { code, state } = parseRedirectUrl(pasted);
  if (state === undefined) return { code, verifier: KOMETA_FIXED_CODE_VERIFIER, kometaVerifier: true };
  if (!isOwnState(state, clientSecret)) throw new AuthError(AuthErrorCode.InvalidInput, STATE_MISMATCH);
  return { code, verifier: verifierFor(state, clientSecret), kometaVerifier: false };
}

function localhostUrlOf(section: unknown): string | undefined {
  const value = isMap(section) ? section['localhost_url'] : undefined;
  return typeof value === 'string' && /code=[^&]/.test(value) ? value.trim() : undefined;
}

/** Verifies a brand-new token before anything is saved; a token MyAnimeList will not accept is never written. */
async function verifiedOutcome(client: OAuthClient, context: AuthContext, tokens: TokenResponse, blankLocalhostUrl: boolean): Promise<AuthOutcome> {
  const account = await guarded(context, 'check', () => checkAccount(client, context, tokens.access_token));
  if (!account.valid) throw new AuthError(AuthErrorCode.Refused, `MyAnimeList issued a token but ${account.reason}; nothing was saved`);
  return authorizedOutcome('Authorized', account.username, tokens, context.now(), blankLocalhostUrl);
}

async function exchange(client: OAuthClient, context: AuthContext, grant: PastedGrant, step: MalStep): Promise<TokenResponse> {
  return guarded(context, step, () => client.exchangeCode({ code: grant.code, codeVerifier: grant.verifier, signal: context.signal }));
}

/**
 * `mal.localhost_url`, Kometa's way: its code is exchanged with the verifier that produced it, which for a URL from
 * Kometa's docs is Kometa's fixed one. A spent or foreign code is reported and the normal authorization follows.
 */
async function tryLocalhostUrl(client: OAuthClient, context: AuthContext, localhostUrl: string, secret: string): Promise<TokenResponse | undefined> {
  context.print('mal.localhost_url holds an authorization code. A code can only be exchanged with the verifier that produced it,');
  context.print("so, as Kometa does, it is tried with Kometa's fixed verifier (it works only if the URL came from the authorize link in Kometa's docs, within minutes, once).");
  try {
    const grant = grantFrom(localhostUrl, secret);
    return await exchange(client, context, grant, 'localhost_url');
  } catch (error) {
    const reason = toAuthError(error, 'localhost_url', context.urls);
    if (reason.code === AuthErrorCode.Cancelled || reason.code === AuthErrorCode.Unavailable) throw reason;
    context.print(`The code in mal.localhost_url could not be used: ${reason.message}. Starting a new authorization instead.`);
    return undefined;
  }
}

/**
 * Authorize: exchange `--url` if given; else `mal.localhost_url` if it holds a code; else print (and open) a fresh
 * authorize URL and ask for the address the browser lands on. Without a terminal the URL is printed and the run
 * stops, to be repeated with `--url`.
 */
export async function runAuthorizeFlow(context: AuthContext): Promise<AuthOutcome> {
  const secret = secretOf(context);
  const client = createMalClient(context);
  const given = context.inputs[REDIRECT_URL_INPUT]?.trim();
  const localhostUrl = localhostUrlOf(context.section);
  if (given) {
    const grant = await guarded(context, 'authorize', async () => grantFrom(given, secret));
    if (grant.kometaVerifier) context.print("The URL carries no state, so it is exchanged with Kometa's fixed verifier (for URLs from the authorize link in Kometa's docs).");
    return verifiedOutcome(client, context, await exchange(client, context, grant, 'authorize'), localhostUrl !== undefined);
  }
  if (localhostUrl) {
    const tokens = await tryLocalhostUrl(client, context, localhostUrl, secret);
    if (tokens) return verifiedOutcome(client, context, tokens, true);
  }
  const state = createState(secret);
  const url = authorizeUrl(context, verifierFor(state, secret), state);
  context.print('Open this page, log in to MyAnimeList and click "Allow":');
  context.print(`  ${url}`);
  context.print('The browser then lands on an http://localhost/?code=… page that will not load; that is expected. Copy its address.');
  if (context.isTTY && (await context.openUrl(url))) context.print('  Opened it in your browser.');
  if (!context.isTTY) context.print('Then run this command again with --url "<that address>" (the link stays usable; each code works once, for a few minutes).');
  const pasted = (await context.prompt({ message: 'Address you landed on (http://localhost/?code=…)', secret: true, flag: 'url', env: 'PMM_CONFIG_MAL_REDIRECT_URL' })).trim();
  if (!pasted) throw new AuthError(AuthErrorCode.InvalidInput, 'no URL entered');
  const grant = await guarded(context, 'authorize', async () => grantFrom(pasted, secret));
  return verifiedOutcome(client, context, await exchange(client, context, grant, 'authorize'), localhostUrl !== undefined);
}

/**
 * Refresh. The old refresh token is spent the moment MyAnimeList answers, so the new pair is returned for saving
 * even when the verification that follows fails.
 */
export async function runRefreshFlow(context: AuthContext): Promise<AuthOutcome> {
  const stored = storedAuthorization(context.section);
  const refreshToken = stored.refreshToken;
  if (!refreshToken) throw new AuthError(AuthErrorCode.InvalidInput, `mal.authorization has no refresh_token to refresh with; ${NEW_AUTH} to authorize again`);
  const client = createMalClient(context);
  const tokens = await guarded(context, 'refresh', () => client.refresh({ refreshToken, signal: context.signal }));
  const spent = 'the new pair is saved because the old refresh token is spent';
  let account: Awaited<ReturnType<typeof checkAccount>>;
  try {
    account = await checkAccount(client, context, tokens.access_token);
  } catch (error) {
    return { ok: false, summary: `Refreshed the token but could not verify it (${toAuthError(error, 'check', context.urls).message}); ${spent}`, update: authorizationUpdate(tokens, false) };
  }
  if (!account.valid) return { ok: false, summary: `Refreshed the token but ${account.reason}; ${spent}`, update: authorizationUpdate(tokens, false) };
  return authorizedOutcome('Refreshed the token of', account.username, tokens, context.now(), false);
}

/** Check: ask MyAnimeList whether the stored token works, and report the account and expiry. */
export async function runCheckFlow(context: AuthContext): Promise<AuthOutcome> {
  const stored = storedAuthorization(context.section);
  const accessToken = stored.accessToken;
  if (!accessToken) return { ok: false, summary: `No MyAnimeList access token is stored in mal.authorization; ${NEW_AUTH}` };
  const client = createMalClient(context);
  const account = await guarded(context, 'check', () => checkAccount(client, context, accessToken));
  const now = context.now();
  const expiry = stored.expiresAt ? describeExpiry(stored.expiresAt, now) : 'of unknown expiry (MAL stores no created_at and the token carries no exp)';
  const expires = stored.expiresAt ? { expiresAt: stored.expiresAt } : {};
  if (account.valid) return { ok: true, summary: `The token works for MyAnimeList account ${account.username}; it is ${expiry}`, account: account.username, ...expires };
  const fix = account.status === 401 && stored.refreshToken ? 'run `pmm-config auth mal --refresh`' : NEW_AUTH;
  return { ok: false, summary: `${account.reason}; the stored token is ${expiry}; ${fix}`, ...expires };
}
