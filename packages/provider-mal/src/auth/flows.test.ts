import { startMalMock, type MalMock } from '@pmm-config/mock-oauth';
import type { AuthOutcome } from '@pmm-config/plugin';
import { createAuthTestContext, type AuthTestContext } from '@pmm-config/plugin/testing';
import { KOMETA_FIXED_CODE_VERIFIER } from '../constants';
import { malAuthProvider } from './provider';

const CLIENT_ID = '00112233445566778899aabbccddeeff';
const CLIENT_SECRET = 'ab'.repeat(32);
const credentials = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET };

let mock: MalMock;
beforeEach(async () => {
  mock = await startMalMock({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
});
afterEach(() => mock.close());

function printedAuthorizeUrl(context: AuthTestContext): string {
  const line = context.output.map((text) => text.trim()).find((text) => text.includes('/v1/oauth2/authorize?'));
  if (line === undefined) throw new Error('no authorize URL printed');
  return line;
}

function context(flow: string, options: { section?: unknown; url?: string; tty?: boolean; paste?: (ctx: AuthTestContext) => Promise<string> } = {}) {
  return createAuthTestContext({
    flow,
    urls: { auth: mock.authUrl, api: mock.apiUrl },
    credentials,
    inputs: options.url === undefined ? {} : { url: options.url },
    section: options.section,
    isTTY: options.tty ?? true,
    ...(options.paste ? { answer: (_request, ctx) => (options.paste as (c: AuthTestContext) => Promise<string>)(ctx) } : {}),
  });
}

const keysOf = (outcome: AuthOutcome) => (outcome.update?.authorization ?? []).map(([key]) => key);
const valueOf = (outcome: AuthOutcome, key: string) => Object.fromEntries(outcome.update?.authorization ?? [])[key];

describe('authorize flow', () => {
  it('builds a plain-PKCE authorize URL with a 128-character challenge and a state, and saves four keys in Kometa order', async () => {
    const ctx = context('authorize', { paste: (c) => mock.approve(printedAuthorizeUrl(c)) });
    const outcome = await malAuthProvider.run(ctx);
    const url = new URL(printedAuthorizeUrl(ctx));
    expect(url.searchParams.get('code_challenge_method')).toBe('plain');
    expect(url.searchParams.get('code_challenge')).toHaveLength(128);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(ctx.opened).toEqual([url.toString()]);
    expect(outcome).toMatchObject({ ok: true, account: 'pmmtester' });
    expect(keysOf(outcome)).toEqual(['access_token', 'token_type', 'expires_in', 'refresh_token']);
    expect(outcome.update?.blank).toBeUndefined();
    const exchange = mock.log.find((entry) => entry.path === '/v1/oauth2/token');
    expect(exchange?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(exchange?.body).toMatchObject({ grant_type: 'authorization_code', code_verifier: url.searchParams.get('code_challenge') });
  });

  it('exchanges a --url from an earlier (headless) run without any stored state', async () => {
    const first = context('authorize', { tty: false });
    await expect(malAuthProvider.run(first)).rejects.toMatchObject({ code: 'AUTH_INPUT_REQUIRED' });
    expect(first.output.join('\n')).toContain('--url');
    expect(first.opened).toEqual([]);
    const redirect = await mock.approve(printedAuthorizeUrl(first));
    const outcome = await malAuthProvider.run(context('authorize', { tty: false, url: redirect }));
    expect(outcome.ok).toBe(true);
  });

  it('refuses a URL whose state pmm-config did not make, before spending the code', async () => {
    const ctx = context('authorize', { tty: false });
    await expect(malAuthProvider.run(ctx)).rejects.toMatchObject({ code: 'AUTH_INPUT_REQUIRED' });
    const redirect = new URL(await mock.approve(printedAuthorizeUrl(ctx)));
    redirect.searchParams.set('state', 'forged.state');
    await expect(malAuthProvider.run(context('authorize', { url: redirect.toString() }))).rejects.toMatchObject({ code: 'AUTH_INVALID_INPUT', message: expect.stringContaining('state mismatch') });
    expect(mock.log.filter((entry) => entry.path === '/v1/oauth2/token')).toEqual([]);
  });

  it('reports a reused code as refused', async () => {
    const ctx = context('authorize', { tty: false });
    await expect(malAuthProvider.run(ctx)).rejects.toThrow();
    const redirect = await mock.approve(printedAuthorizeUrl(ctx));
    await malAuthProvider.run(context('authorize', { url: redirect }));
    await expect(malAuthProvider.run(context('authorize', { url: redirect }))).rejects.toMatchObject({
      code: 'AUTH_REFUSED',
      message: expect.stringContaining('(MyAnimeList said: Authorization code has been revoked)'),
    });
  });

  it("names MAL's reason when the code was made for another verifier", async () => {
    const ctx = context('authorize', { tty: false });
    await expect(malAuthProvider.run(ctx)).rejects.toThrow();
    const state = new URL(await mock.approve(printedAuthorizeUrl(ctx))).searchParams.get('state') ?? '';
    const foreign = `http://localhost/?code=${mock.issueCode('q'.repeat(64))}&state=${state}`;
    const error = (await malAuthProvider.run(context('authorize', { url: foreign })).catch((caught: unknown) => caught)) as Error & { code: string };
    expect(error.code).toBe('AUTH_REFUSED');
    expect(error.message).toContain('Failed to verify `code_verifier`.');
    expect(error.message).not.toContain('q'.repeat(64));
  });

  it('reports a cancelled authorization and a URL without a code', async () => {
    mock.setAuthorizeOutcome('deny');
    await expect(malAuthProvider.run(context('authorize', { paste: (c) => mock.approve(printedAuthorizeUrl(c)) }))).rejects.toMatchObject({ code: 'AUTH_REFUSED', message: expect.stringContaining('Allow') });
    await expect(malAuthProvider.run(context('authorize', { url: 'http://localhost/?state=x' }))).rejects.toMatchObject({ code: 'AUTH_INVALID_INPUT' });
  });

  it("exchanges mal.localhost_url with Kometa's fixed verifier, explains why, and blanks the spent code", async () => {
    const localhostUrl = `http://localhost/?code=${mock.issueCode(KOMETA_FIXED_CODE_VERIFIER)}`;
    const ctx = context('authorize', { section: { ...credentials, localhost_url: localhostUrl } });
    const outcome = await malAuthProvider.run(ctx);
    expect(outcome.ok).toBe(true);
    expect(outcome.update?.blank).toEqual(['localhost_url']);
    expect(ctx.output.join('\n')).toContain('verifier that produced it');
    expect(mock.log.find((entry) => entry.path === '/v1/oauth2/token')?.body).toMatchObject({ code_verifier: KOMETA_FIXED_CODE_VERIFIER });
    expect(ctx.prompts).toEqual([]);
  });

  it('falls back to a fresh authorization when mal.localhost_url holds a code from another verifier', async () => {
    const foreign = `http://localhost/?code=${mock.issueCode('z'.repeat(64))}`;
    const ctx = context('authorize', { section: { ...credentials, localhost_url: foreign }, paste: (c) => mock.approve(printedAuthorizeUrl(c)) });
    const outcome = await malAuthProvider.run(ctx);
    expect(outcome.ok).toBe(true);
    expect(outcome.update?.blank).toEqual(['localhost_url']);
    expect(ctx.output.join('\n')).toContain('could not be used');
  });

  it('gives up at once when the service is down instead of prompting', async () => {
    const localhostUrl = `http://localhost/?code=${mock.issueCode(KOMETA_FIXED_CODE_VERIFIER)}`;
    mock.faults.add({ fault: { kind: 'status', status: 503 }, path: '/v1/oauth2/token' });
    const ctx = context('authorize', { section: { localhost_url: localhostUrl } });
    await expect(malAuthProvider.run(ctx)).rejects.toMatchObject({ code: 'AUTH_UNAVAILABLE', message: expect.stringContaining('used up') });
    expect(ctx.prompts).toEqual([]);
  });

  it('refuses wrong client credentials without echoing them', async () => {
    const ctx = createAuthTestContext({
      flow: 'authorize',
      urls: { auth: mock.authUrl, api: mock.apiUrl },
      credentials: { client_id: CLIENT_ID, client_secret: 'cd'.repeat(32) },
      isTTY: true,
      answer: (_request, c) => mock.approve(printedAuthorizeUrl(c)),
    });
    const error = (await malAuthProvider.run(ctx).catch((caught: unknown) => caught)) as Error & { code: string };
    expect(error.code).toBe('AUTH_REFUSED');
    expect(error.message).toContain('client_secret');
    expect(error.message).not.toContain('cd'.repeat(32));
  });
});

describe('refresh and check flows', () => {
  const stored = () => {
    const tokens = mock.issueTokens();
    return { ...credentials, authorization: { access_token: tokens.access_token, token_type: 'Bearer', expires_in: 2678400, refresh_token: tokens.refresh_token } };
  };

  it('refreshes into a new pair and the old refresh token is then spent', async () => {
    const section = stored();
    const outcome = await malAuthProvider.run(context('refresh', { section }));
    expect(outcome.ok).toBe(true);
    expect(valueOf(outcome, 'refresh_token')).not.toBe(section.authorization.refresh_token);
    await expect(malAuthProvider.run(context('refresh', { section }))).rejects.toMatchObject({ code: 'AUTH_REFUSED', message: expect.stringContaining('refresh token') });
  });

  it('checks a stored token, reading the expiry from its JWT', async () => {
    const outcome = await malAuthProvider.run(context('check', { section: stored() }));
    expect(outcome).toMatchObject({ ok: true, account: 'pmmtester', expiresAt: expect.any(Date) });
    expect(outcome.summary).toContain('valid until');
    expect(outcome.update).toBeUndefined();
  });

  it('says how to fix a rejected or missing token', async () => {
    const section = stored();
    await malAuthProvider.run(context('refresh', { section }));
    const rejected = await malAuthProvider.run(context('check', { section }));
    expect(rejected.ok).toBe(false);
    expect(rejected.summary).toContain('--refresh');
    expect((await malAuthProvider.run(context('check', { section: credentials }))).ok).toBe(false);
    await expect(malAuthProvider.run(context('refresh', { section: credentials }))).rejects.toMatchObject({ code: 'AUTH_INVALID_INPUT' });
  });

  it('refuses an unknown flow', async () => {
    await expect(malAuthProvider.run(context('revoke'))).rejects.toMatchObject({ code: 'AUTH_INVALID_INPUT' });
  });
});
