import { createHash } from 'node:crypto';
import { ManualClock, startTraktMock, type TraktMockHandle, type TraktMockOptions } from '../src/index';

const OOB = 'urn:ietf:wg:oauth:2.0:oob';
const JSON_HEADERS = { 'Content-Type': 'application/json', 'User-Agent': 'spec-test/1.0' };

interface Mock {
  readonly url: string;
  readonly handle: TraktMockHandle;
  readonly clock: ManualClock;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
}

let current: Mock | undefined;
afterEach(async () => {
  await current?.handle.close();
  current = undefined;
});

async function mock(options: TraktMockOptions = {}): Promise<Mock> {
  const clock = new ManualClock();
  const { url, handle } = await startTraktMock({ clock, ...options });
  const post = (path: string, body: unknown, headers: Record<string, string> = JSON_HEADERS) =>
    fetch(`${url}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  current = { url, handle, clock, post };
  return current;
}

function creds(m: Mock): { client_id: string; client_secret: string } {
  return { client_id: m.handle.clientId, client_secret: m.handle.clientSecret };
}

describe('Trakt mock: request validation', () => {
  it('answers 412 to a body that is not JSON and a Cloudflare 403 page without User-Agent', async () => {
    const m = await mock();
    const form = await m.post('/oauth/device/code', `client_id=${m.handle.clientId}`, { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'x/1' });
    expect(form.status).toBe(412);
    const noAgent = await m.post('/oauth/device/code', { client_id: m.handle.clientId }, { 'Content-Type': 'application/json', 'User-Agent': '' });
    expect(noAgent.status).toBe(403);
    expect(noAgent.headers.get('server')).toBe('cloudflare');
    expect(await noAgent.text()).toContain('you have been blocked');
  });

  it('rejects an unknown client on device/code and a wrong secret on /oauth/token', async () => {
    const m = await mock();
    expect(await (await m.post('/oauth/device/code', { client_id: 'nope' })).json()).toMatchObject({ error: 'invalid_client' });
    const pin = m.handle.issuePin();
    const response = await m.post('/oauth/token', { code: pin, client_id: m.handle.clientId, client_secret: 'wrong', redirect_uri: OOB, grant_type: 'authorization_code' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('answers 404 for unknown paths and 405 for a known path with the wrong method', async () => {
    const m = await mock();
    expect((await fetch(`${m.url}/nope`, { headers: JSON_HEADERS })).status).toBe(404);
    expect((await fetch(`${m.url}/oauth/token`, { headers: JSON_HEADERS })).status).toBe(405);
  });
});

describe('Trakt mock: device flow by status code', () => {
  it('walks 429 (too fast) -> 400 (pending, no body) -> 200 -> 409, with the `code` key', async () => {
    const m = await mock({ autoApproveAfterPolls: 2 });
    const codes = await (await m.post('/oauth/device/code', { client_id: m.handle.clientId })).json();
    expect(codes).toEqual({ device_code: expect.stringMatching(/^[0-9a-f]{64}$/), user_code: expect.stringMatching(/^[0-9A-F]{8}$/), verification_url: `${m.url}/activate`, expires_in: 600, interval: 5 });
    const poll = () => m.post('/oauth/device/token', { code: codes.device_code, ...creds(m) });
    expect((await poll()).status).toBe(429);
    m.clock.advance(5000);
    const pending = await poll();
    expect(pending.status).toBe(400);
    expect(await pending.text()).toBe('');
    m.clock.advance(5000);
    const ok = await poll();
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ token_type: 'bearer', expires_in: 604800, scope: 'public', created_at: Math.floor(m.clock.now() / 1000) });
    m.clock.advance(5000);
    expect((await poll()).status).toBe(409);
    expect(m.handle.deviceCodes()).toEqual([{ userCode: codes.user_code, status: 'used', polls: 2 }]);
  });

  it('answers 418 denied, 410 expired (by handle and by TTL), 404 unknown', async () => {
    const m = await mock({ deviceExpiresIn: 30 });
    const start = async () => (await m.post('/oauth/device/code', { client_id: m.handle.clientId })).json();
    const denied = await start();
    const expired = await start();
    const timedOut = await start();
    m.handle.denyDevice(denied.user_code);
    m.handle.expireDevice(expired.user_code);
    m.clock.advance(30_000);
    const status = async (code: string) => (await m.post('/oauth/device/token', { code, ...creds(m) })).status;
    expect(await status(denied.device_code)).toBe(418);
    expect(await status(expired.device_code)).toBe(410);
    expect(await status(timedOut.device_code)).toBe(410);
    expect(await status('0'.repeat(64))).toBe(404);
  });

  it('says `code`, not `device_code`, when a client sends the RFC key', async () => {
    const m = await mock();
    const response = await m.post('/oauth/device/token', { device_code: 'x', ...creds(m) });
    expect(response.status).toBe(400);
    expect((await response.json()).error_description).toContain('not `device_code`');
  });

  it('optionally adds RFC 8628 error bodies', async () => {
    const m = await mock({ deviceErrorBodies: true, enforceInterval: false });
    const codes = await (await m.post('/oauth/device/code', { client_id: m.handle.clientId })).json();
    expect(await (await m.post('/oauth/device/token', { code: codes.device_code, ...creds(m) })).json()).toEqual({ error: 'authorization_pending' });
  });
});

describe('Trakt mock: PIN, PKCE, refresh, revoke', () => {
  const exchange = (m: Mock, extra: Record<string, string>) =>
    m.post('/oauth/token', { ...creds(m), redirect_uri: OOB, grant_type: 'authorization_code', ...extra });

  it('accepts a PIN once, in either case, within its TTL', async () => {
    const m = await mock({ codeTtlSeconds: 60 });
    const pin = m.handle.issuePin();
    expect((await exchange(m, { code: pin.toLowerCase() })).status).toBe(200);
    expect((await exchange(m, { code: pin })).status).toBe(400);
    const late = m.handle.issuePin();
    m.clock.advance(60_000);
    expect((await exchange(m, { code: late })).status).toBe(400);
  });

  it('requires all five fields, then checks redirect_uri against the code', async () => {
    const m = await mock();
    const missing = await m.post('/oauth/token', { code: m.handle.issuePin(), ...creds(m), grant_type: 'authorization_code' });
    expect(await missing.json()).toMatchObject({ error: 'invalid_request', error_description: 'missing required parameter: redirect_uri' });
    const other = await exchange(m, { code: m.handle.issuePin(), redirect_uri: 'http://localhost/' });
    expect(await other.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('verifies S256 and plain PKCE', async () => {
    const m = await mock();
    const verifier = 'v'.repeat(50);
    const s256 = m.handle.issuePin({ codeChallenge: createHash('sha256').update(verifier).digest('base64url'), codeChallengeMethod: 'S256' });
    expect((await exchange(m, { code: s256, code_verifier: 'w'.repeat(50) })).status).toBe(400);
    expect((await exchange(m, { code: s256, code_verifier: verifier })).status).toBe(200);
    const plain = m.handle.issuePin({ codeChallenge: verifier, codeChallengeMethod: 'plain' });
    expect((await exchange(m, { code: plain })).status).toBe(400);
    expect((await exchange(m, { code: plain, code_verifier: verifier })).status).toBe(200);
  });

  it('legacy style: 401 with a Doorkeeper WWW-Authenticate header', async () => {
    const m = await mock({ errorStyle: 'legacy' });
    const response = await exchange(m, { code: 'FFFFFFFF' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('realm="Doorkeeper", error="invalid_grant"');
  });

  it('rotates refresh tokens and rejects reuse; revoke kills the access token', async () => {
    const m = await mock();
    const first = m.handle.issueTokens();
    const refresh = (token: string) => m.post('/oauth/token', { refresh_token: token, ...creds(m), redirect_uri: OOB, grant_type: 'refresh_token' });
    const next = await (await refresh(first.refresh_token)).json();
    expect(next.refresh_token).not.toBe(first.refresh_token);
    expect(await (await refresh(first.refresh_token)).json()).toMatchObject({ error: 'invalid_grant' });
    const revoke = await m.post('/oauth/revoke', { token: next.access_token, ...creds(m) });
    expect([revoke.status, await revoke.text()]).toEqual([200, '']);
    expect(await (await refresh(next.refresh_token)).json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('authorize: exact redirect URI match, code + state on the redirect', async () => {
    const m = await mock({ redirectUris: ['http://localhost/'] });
    const base = `${m.url}/oauth/authorize?response_type=code&client_id=${m.handle.clientId}&state=xyz&code_challenge=${'c'.repeat(43)}&code_challenge_method=plain`;
    const get = (url: string) => fetch(url, { redirect: 'manual', headers: { 'User-Agent': 'browser/1' } });
    expect((await get(`${base}&redirect_uri=${encodeURIComponent('http://LOCALHOST/')}`)).status).toBe(400);
    const ok = await get(`${base}&redirect_uri=${encodeURIComponent('http://localhost/')}`);
    expect(ok.status).toBe(302);
    const location = new URL(ok.headers.get('location') ?? '');
    expect(location.origin).toBe('http://localhost');
    expect(location.searchParams.get('state')).toBe('xyz');
    const code = location.searchParams.get('code') ?? '';
    const exchanged = await m.post('/oauth/token', { code, ...creds(m), redirect_uri: 'http://localhost/', grant_type: 'authorization_code', code_verifier: 'c'.repeat(43) });
    expect(exchanged.status).toBe(200);
  });
});

describe('Trakt mock: /users/settings', () => {
  const headers = (m: Mock, token: string, overrides: Record<string, string> = {}) => ({
    ...JSON_HEADERS,
    'trakt-api-key': m.handle.clientId,
    'trakt-api-version': '2',
    Authorization: `Bearer ${token}`,
    ...overrides,
  });

  it('checks the API headers and the bearer token', async () => {
    const m = await mock();
    const { access_token } = m.handle.issueTokens();
    const get = async (h: Record<string, string>) => (await fetch(`${m.url}/users/settings`, { headers: h })).status;
    expect(await get(headers(m, access_token))).toBe(200);
    expect(await get(headers(m, access_token, { 'trakt-api-version': '1' }))).toBe(400);
    expect(await get(headers(m, access_token, { 'trakt-api-key': 'other' }))).toBe(403);
    expect(await get(headers(m, 'f'.repeat(64)))).toBe(401);
    expect(await get(headers(m, access_token, { 'Content-Type': 'text/plain' }))).toBe(412);
  });

  it('expires access tokens after expires_in', async () => {
    const m = await mock({ accessTokenTtlSeconds: 86400 });
    const { access_token } = m.handle.issueTokens();
    m.clock.advance(86_400_000);
    expect((await fetch(`${m.url}/users/settings`, { headers: headers(m, access_token) })).status).toBe(401);
  });

  it.each([
    [401, {}],
    [410, { 'x-account-deactivated': 'true' }],
    [423, { 'x-account-locked': 'true' }],
  ] as const)('answers the scripted %i', async (outcome, expectedHeaders) => {
    const m = await mock();
    m.handle.setSettingsOutcome(outcome);
    const response = await fetch(`${m.url}/users/settings`, { headers: headers(m, m.handle.issueTokens().access_token) });
    expect(response.status).toBe(outcome);
    for (const [name, value] of Object.entries(expectedHeaders)) expect(response.headers.get(name)).toBe(value);
  });
});
