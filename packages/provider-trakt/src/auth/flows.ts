import { OOB_REDIRECT_URI } from '@pmm-config/oauth';
import type { OAuthClient, TokenResponse } from '@pmm-config/oauth';
import { AuthError, AuthErrorCode, describeExpiry } from '@pmm-config/plugin';
import type { AuthContext, AuthOutcome } from '@pmm-config/plugin';
import { checkAccount } from './account';
import { createTraktClient } from './client';
import { toAuthError } from './errors';
import type { TraktStep } from './errors';
import { pinPkce } from './pin-verifier';
import { authorizationUpdate, authorizedOutcome, CLEARED_AUTHORIZATION, storedAuthorization } from './tokens';

const NEW_AUTH = 'run `pmm-config auth trakt`';

async function guarded<T>(context: AuthContext, step: TraktStep, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw toAuthError(error, step, context.urls);
  }
}

function minutesSeconds(totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** Verifies a brand-new token before anything is saved; a token Trakt will not accept is never written. */
async function verifiedOutcome(client: OAuthClient, context: AuthContext, step: TraktStep, tokens: TokenResponse): Promise<AuthOutcome> {
  const account = await guarded(context, step, () => checkAccount(client, context, tokens.access_token));
  if (!account.valid) throw new AuthError(AuthErrorCode.Refused, `Trakt issued a token but ${account.reason}; nothing was saved`);
  return authorizedOutcome('Authorized', account.username, tokens, context.now());
}

/** Device flow: show the code (and a QR code on a terminal), poll with a countdown, verify. */
export async function runDeviceFlow(context: AuthContext): Promise<AuthOutcome> {
  const client = createTraktClient(context);
  const device = await guarded(context, 'device', () => client.requestDeviceCode({ signal: context.signal }));
  const page = device.verificationUrl.replace(/\/+$/, '');
  const prefilled = `${page}/${encodeURIComponent(device.userCode)}`;
  context.print(`To authorize pmm-config, open ${page} and enter the code ${device.userCode}`);
  context.print(`  (or open ${prefilled} to skip typing it)`);
  if (context.isTTY) {
    context.showQrCode(prefilled);
    if (await context.openUrl(prefilled)) context.print('  Opened it in your browser.');
  }
  const status = context.status('Waiting for you to approve on Trakt…');
  try {
    const tokens = await guarded(context, 'device', () =>
      client.pollDeviceToken(device, {
        signal: context.signal,
        onProgress: (progress) => status.update(`Waiting for you to approve on Trakt… ${minutesSeconds(progress.secondsLeft)} left`),
      }),
    );
    status.stop('Approved on Trakt.');
    return await verifiedOutcome(client, context, 'device', tokens);
  } finally {
    status.stop();
  }
}

/**
 * PIN flow. A PIN given up front (`--pin`, `trakt.pin`) is exchanged out of band with pmm-config's verifier (see
 * {@link pinPkce}; a PIN from a request without a challenge is exchanged all the same). Without one the authorize
 * page for such a PIN is printed: on a terminal it is opened and the PIN asked for; without one the run stops
 * there, to be repeated with `--pin`.
 */
export async function runPinFlow(context: AuthContext): Promise<AuthOutcome> {
  const client = createTraktClient(context);
  const pkce = pinPkce(context.credentials['client_secret'] ?? '');
  const exchange = (pin: string): Promise<TokenResponse> =>
    guarded(context, 'pin', () => client.exchangeCode({ code: pin, redirectUri: OOB_REDIRECT_URI, codeVerifier: pkce.verifier, signal: context.signal }));
  const given = context.inputs['pin']?.trim();
  if (given) return verifiedOutcome(client, context, 'pin', await exchange(given));
  const request = client.createAuthorizationRequest({ redirectUri: OOB_REDIRECT_URI, pkce: false, extraParams: { code_challenge: pkce.challenge, code_challenge_method: 'S256' } });
  context.print(`Open this page, approve pmm-config, and copy the PIN Trakt shows:\n  ${request.url}`);
  if (!context.isTTY) {
    throw new AuthError(
      AuthErrorCode.InputRequired,
      'no terminal to type the PIN into: run this command again with --pin <PIN> (a PIN works once, for about 10 minutes), or drop --flow pin to use the device flow',
    );
  }
  await context.openUrl(request.url);
  const pin = (await context.prompt({ message: 'Trakt PIN', secret: true, flag: 'pin' })).trim();
  if (!pin) throw new AuthError(AuthErrorCode.InvalidInput, 'no PIN entered');
  return verifiedOutcome(client, context, 'pin', await exchange(pin));
}

/**
 * Refresh. The old refresh token is spent the moment Trakt answers, so the new pair is returned for saving
 * even when the verification that follows fails or is interrupted.
 */
export async function runRefreshFlow(context: AuthContext): Promise<AuthOutcome> {
  const stored = storedAuthorization(context.section);
  if (!stored.refreshToken) {
    throw new AuthError(AuthErrorCode.InvalidInput, `trakt.authorization has no refresh_token to refresh with; ${NEW_AUTH} to authorize again`);
  }
  const client = createTraktClient(context);
  const refreshToken = stored.refreshToken;
  const tokens = await guarded(context, 'refresh', () => client.refresh({ refreshToken, redirectUri: OOB_REDIRECT_URI, signal: context.signal }));
  const now = context.now();
  let account: Awaited<ReturnType<typeof checkAccount>>;
  try {
    account = await checkAccount(client, context, tokens.access_token);
  } catch (error) {
    const reason = toAuthError(error, 'check', context.urls).message;
    return { ok: false, summary: `Refreshed the token but could not verify it (${reason}); the new pair is saved because the old refresh token is spent`, update: authorizationUpdate(tokens, now) };
  }
  if (!account.valid) {
    return { ok: false, summary: `Refreshed the token but ${account.reason}; the new pair is saved because the old refresh token is spent`, update: authorizationUpdate(tokens, now) };
  }
  return authorizedOutcome('Refreshed the token of', account.username, tokens, now);
}

/** Check: ask Trakt whether the stored token works, and report the account and expiry. */
export async function runCheckFlow(context: AuthContext): Promise<AuthOutcome> {
  const stored = storedAuthorization(context.section);
  if (!stored.accessToken) return { ok: false, summary: `No Trakt access token is stored in trakt.authorization; ${NEW_AUTH}` };
  const client = createTraktClient(context);
  const accessToken = stored.accessToken;
  const account = await guarded(context, 'check', () => checkAccount(client, context, accessToken));
  const now = context.now();
  const expiry = stored.expiresAt ? describeExpiry(stored.expiresAt, now) : 'of unknown expiry (no created_at/expires_in stored)';
  if (account.valid) {
    const expired = stored.expiresAt !== undefined && stored.expiresAt.getTime() <= now;
    if (expired && !stored.refreshToken) {
      return {
        ok: false,
        summary: `Trakt still accepts the token of ${account.username}, but it is ${expiry} and there is no refresh token to renew it; ${NEW_AUTH}`,
        account: account.username,
        ...(stored.expiresAt ? { expiresAt: stored.expiresAt } : {}),
      };
    }
    const stale = expired ? ', though Trakt still accepts it' : '';
    return {
      ok: true,
      summary: `The token works for Trakt account ${account.username}; it is ${expiry}${stale}`,
      account: account.username,
      ...(stored.expiresAt ? { expiresAt: stored.expiresAt } : {}),
    };
  }
  const fix = account.status === 401 && stored.refreshToken ? 'run `pmm-config auth trakt --refresh`' : NEW_AUTH;
  return { ok: false, summary: `${account.reason[0].toUpperCase()}${account.reason.slice(1)}; the stored token is ${expiry}; ${fix}`, ...(stored.expiresAt ? { expiresAt: stored.expiresAt } : {}) };
}

/** Revoke: end the token at Trakt, then blank it in the config. */
export async function runRevokeFlow(context: AuthContext): Promise<AuthOutcome> {
  const stored = storedAuthorization(context.section);
  if (!stored.accessToken) throw new AuthError(AuthErrorCode.InvalidInput, 'trakt.authorization holds no access_token to revoke');
  const client = createTraktClient(context);
  const accessToken = stored.accessToken;
  await guarded(context, 'revoke', () => client.revoke({ token: accessToken, signal: context.signal }));
  return { ok: true, summary: 'Revoked the Trakt token and cleared trakt.authorization', update: CLEARED_AUTHORIZATION };
}
