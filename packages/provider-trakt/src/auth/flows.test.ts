import { createHash } from 'node:crypto';
import { OAuthError, OAuthErrorCode } from '@pmm-config/oauth';
import { startTraktMock } from '@pmm-config/mock-oauth';
import type { TraktMockHandle, TraktMockOptions } from '@pmm-config/mock-oauth';
import type { AuthOutcome } from '@pmm-config/plugin';
import { createAuthTestContext } from '@pmm-config/plugin/testing';
import type { AuthTestContextOptions } from '@pmm-config/plugin/testing';
import { toAuthError } from './errors';
import { pinPkce } from './pin-verifier';
import { traktAuthProvider } from './provider';

jest.setTimeout(20_000);

const CLIENT_ID = '1d'.repeat(32);
const CLIENT_SECRET = '5e'.repeat(32);
const fastSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    setTimeout(resolve, Math.min(ms, 5));
  });

let mock: { url: string; handle: TraktMockHandle };
let running = false;

async function start(options: TraktMockOptions = {}): Promise<void> {
  running = true;
  mock = await startTraktMock({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, enforceInterval: false, autoApproveAfterPolls: 1, ...options });
}
afterEach(async () => {
  if (running) await mock.handle.close();
  running = false;
});

function context(flow: string, extra: Partial<AuthTestContextOptions> = {}) {
  return createAuthTestContext({
    flow,
    urls: { auth: mock.url, api: mock.url },
    credentials: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET },
    sleep: fastSleep,
    ...extra,
  });
}

function run(flow: string, extra: Partial<AuthTestContextOptions> = {}): Promise<AuthOutcome> {
  return traktAuthProvider.run(context(flow, extra));
}

const storedSection = (tokens: { access_token: string; refresh_token: string }, createdAt = 1_700_000_000) => ({
  client_id: CLIENT_ID,
  authorization: { ...tokens, token_type: 'bearer', expires_in: 604800, scope: 'public', created_at: createdAt },
});

describe('device flow', () => {
  it('returns the six keys in Kometa order, blanks pin and names the account', async () => {
    await start();
    const ctx = context('device', { isTTY: true });
    const outcome = await traktAuthProvider.run(ctx);
    expect(outcome.ok).toBe(true);
    expect(outcome.account).toBe('pmmtester');
    expect(outcome.update?.authorization.map(([key]) => key)).toEqual(['access_token', 'token_type', 'expires_in', 'refresh_token', 'scope', 'created_at']);
    expect(outcome.update?.blank).toEqual(['pin']);
    expect(ctx.output.some((line) => /^\[QR code of http:\/\/127\.0\.0\.1:\d+\/activate\/[0-9A-F]{8}\]$/.test(line))).toBe(true);
    expect(ctx.opened).toHaveLength(1);
    expect(mock.handle.requestsTo('/users/settings')).toHaveLength(1);
  });

  it('keeps polling, slower, through a 429 that carries {"error":"rate_limited"}', async () => {
    await start({ autoApproveAfterPolls: 1 });
    mock.handle.addFault({ path: '/oauth/device/token', fault: { kind: 'rate-limit' }, times: 2 });
    const waits: number[] = [];
    const outcome = await run('device', { sleep: (ms, signal) => (waits.push(ms), fastSleep(ms, signal)) });
    expect(outcome.ok).toBe(true);
    expect(mock.handle.requestsTo('/oauth/device/token').map((entry) => entry.status)).toEqual([429, 429, 200]);
    expect(waits.slice(0, 3)).toEqual([5000, 10_000, 15_000]);
  });

  it('shows no QR code and opens nothing without a terminal', async () => {
    await start();
    const ctx = context('device');
    await traktAuthProvider.run(ctx);
    expect(ctx.output.some((line) => line.startsWith('[QR'))).toBe(false);
    expect(ctx.opened).toEqual([]);
  });

  it('refuses to save a token for a locked account', async () => {
    await start({ settingsOutcome: 423 });
    await expect(run('device')).rejects.toMatchObject({ code: 'AUTH_REFUSED', message: expect.stringContaining('locked (423)') });
  });

  it('reports denial and expiry as refusals with what to do', async () => {
    await start({ autoApproveAfterPolls: undefined });
    mock.handle.scriptNextDevice(1, 'deny');
    await expect(run('device')).rejects.toMatchObject({ code: 'AUTH_REFUSED', message: expect.stringContaining('denied') });
    mock.handle.scriptNextDevice(1, 'expire');
    await expect(run('device')).rejects.toMatchObject({ code: 'AUTH_REFUSED', message: expect.stringContaining('run `pmm-config auth trakt` for a new device code') });
  });

  it('names a deleted or wrong client', async () => {
    await start();
    await expect(run('device', { credentials: { client_id: 'ff'.repeat(32), client_secret: CLIENT_SECRET } })).rejects.toMatchObject({
      code: 'AUTH_REFUSED',
      message: expect.stringContaining('Trakt refused the client: check client_id/client_secret; since July 2026 new API apps need Trakt VIP'),
    });
  });

  it('stops with AUTH_CANCELLED when Ctrl-C fires while waiting', async () => {
    await start({ autoApproveAfterPolls: undefined });
    const controller = new AbortController();
    const pending = run('device', { signal: controller.signal, sleep: (ms, signal) => new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, 20);
      signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
    }) });
    setTimeout(() => controller.abort(), 60);
    await expect(pending).rejects.toMatchObject({ code: 'AUTH_CANCELLED' });
  });
});

describe('pin flow', () => {
  it('exchanges a given PIN out of band with pmm-config’s verifier, also one issued without a challenge', async () => {
    await start();
    const pin = mock.handle.issuePin();
    const outcome = await run('pin', { inputs: { pin } });
    expect(outcome.ok).toBe(true);
    expect(mock.handle.requestsTo('/oauth/token')[0]?.body).toMatchObject({
      grant_type: 'authorization_code',
      redirect_uri: 'urn:ietf:wg:oauth:2.0:oob',
      code_verifier: pinPkce(CLIENT_SECRET).verifier,
    });
  });

  it('says a reused PIN is single-use', async () => {
    await start();
    const pin = mock.handle.issuePin();
    await run('pin', { inputs: { pin } });
    await expect(run('pin', { inputs: { pin } })).rejects.toMatchObject({
      code: 'AUTH_REFUSED',
      message: 'the PIN was already used or expired (PINs are single-use and last about 10 minutes): run `pmm-config auth trakt` for a new device code',
    });
  });

  it('on a terminal opens the authorize page with S256 PKCE and exchanges the PIN it shows', async () => {
    await start();
    const outcome = await run('pin', {
      isTTY: true,
      async answer(_request, ctx) {
        const page = await fetch(ctx.opened[0], { redirect: 'follow' });
        return /<code id="pin">([^<]+)<\/code>/.exec(await page.text())?.[1] ?? '';
      },
    });
    expect(outcome.ok).toBe(true);
    expect(mock.handle.requestsTo('/oauth/authorize')[0]?.query).toMatchObject({ code_challenge_method: 'S256', code_challenge: pinPkce(CLIENT_SECRET).challenge, redirect_uri: 'urn:ietf:wg:oauth:2.0:oob' });
    expect(mock.handle.requestsTo('/oauth/token')[0]?.body).toHaveProperty('code_verifier');
  });

  it('without a terminal prints the page for a PIN and stops; a later run with that PIN finishes, as Trakt wants PKCE', async () => {
    await start({ requirePkce: true });
    const headless = context('pin');
    await expect(traktAuthProvider.run(headless)).rejects.toMatchObject({ code: 'AUTH_INPUT_REQUIRED', message: expect.stringContaining('run this command again with --pin <PIN>') });
    const url = headless.output.join('\n').match(/https?:\/\/\S+\/oauth\/authorize\?\S+/)?.[0];
    expect(url).toBeDefined();
    expect(mock.handle.requests).toHaveLength(0);
    expect(headless.output.join('\n')).not.toContain(pinPkce(CLIENT_SECRET).verifier);
    const page = await fetch(url as string, { redirect: 'follow' });
    const pin = /<code id="pin">([^<]+)<\/code>/.exec(await page.text())?.[1];
    expect(pin).toBeDefined();
    const outcome = await run('pin', { inputs: { pin } });
    expect(outcome.ok).toBe(true);
  });

  it('the derived verifier is what PKCE needs: 43 URL-safe characters, its S256 hash as the challenge, one per client secret', () => {
    const pair = pinPkce(CLIENT_SECRET);
    expect(pair.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pair.challenge).toBe(createHash('sha256').update(pair.verifier).digest('base64url'));
    expect(pinPkce('another secret').verifier).not.toBe(pair.verifier);
    expect(pinPkce(CLIENT_SECRET)).toEqual(pair);
  });
});

describe('refresh, check and revoke', () => {
  it('refresh returns the new pair even when verification fails afterwards', async () => {
    await start();
    const tokens = mock.handle.issueTokens();
    mock.handle.setSettingsOutcome(410);
    const outcome = await run('refresh', { section: storedSection(tokens) });
    expect(outcome.ok).toBe(false);
    expect(outcome.summary).toContain('deactivated (410)');
    expect(outcome.summary).toContain('the new pair is saved because the old refresh token is spent');
    const refreshed = Object.fromEntries(outcome.update?.authorization ?? []);
    expect(refreshed['refresh_token']).not.toBe(tokens.refresh_token);
  });

  it('refresh without a stored refresh token says what to do', async () => {
    await start();
    await expect(run('refresh', { section: { authorization: { access_token: 'x' } } })).rejects.toMatchObject({ code: 'AUTH_INVALID_INPUT', message: expect.stringContaining('no refresh_token') });
  });

  it('check reports account and expiry, and the fix when invalid', async () => {
    await start();
    const tokens = mock.handle.issueTokens();
    const now = Math.floor(Date.now() / 1000);
    const valid = await run('check', { section: storedSection(tokens, now) });
    expect(valid).toMatchObject({ ok: true, account: 'pmmtester' });
    expect(valid.summary).toMatch(/valid until \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    const invalid = await run('check', { section: storedSection({ access_token: 'nope', refresh_token: 'r' }) });
    expect(invalid.ok).toBe(false);
    expect(invalid.summary).toContain('run `pmm-config auth trakt --refresh`');
    const expiredNoRefresh = await run('check', { section: { authorization: { access_token: tokens.access_token, expires_in: 10, created_at: 1_000 } } });
    expect(expiredNoRefresh).toMatchObject({ ok: false, summary: expect.stringContaining('there is no refresh token to renew it') });
    const empty = await run('check', { section: { authorization: null } });
    expect(empty).toMatchObject({ ok: false, summary: expect.stringContaining('No Trakt access token is stored') });
  });

  it('revoke blanks all six keys', async () => {
    await start();
    const outcome = await run('revoke', { section: storedSection(mock.handle.issueTokens()) });
    expect(outcome.update?.authorization.every(([, value]) => value === null)).toBe(true);
    expect(outcome.update?.authorization).toHaveLength(6);
  });
});

describe('toAuthError', () => {
  const hosts = { auth: 'https://auth.trakt.tv', api: 'https://api.trakt.tv' };
  it.each([
    [OAuthErrorCode.RateLimited, 'AUTH_UNAVAILABLE', 'rate limiting'],
    [OAuthErrorCode.Blocked, 'AUTH_UNAVAILABLE', 'Cloudflare'],
    [OAuthErrorCode.Network, 'AUTH_UNAVAILABLE', 'could not reach Trakt at https://auth.trakt.tv'],
    [OAuthErrorCode.ServerError, 'AUTH_UNAVAILABLE', 'server errors'],
    [OAuthErrorCode.Aborted, 'AUTH_CANCELLED', 'cancelled'],
    [OAuthErrorCode.InvalidClient, 'AUTH_REFUSED', 'Trakt VIP'],
  ])('maps %s to %s', (code, expected, text) => {
    const error = toAuthError(new OAuthError(code, 'low level'), 'device', hosts);
    expect(error.code).toBe(expected);
    expect(error.message).toContain(text);
    expect(error.cause).toBeInstanceOf(OAuthError);
  });
  it('warns that a lost refresh answer may have spent the token', () => {
    const error = toAuthError(new OAuthError(OAuthErrorCode.Timeout, 'x', { grantMayBeConsumed: true }), 'refresh', hosts);
    expect(error.message).toContain('The refresh token may have been used up by the lost request');
  });
});
