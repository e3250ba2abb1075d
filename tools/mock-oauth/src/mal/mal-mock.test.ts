import { ManualClock } from '../http/clock';
import { startMalMock, type MalMock } from './index';

const VERIFIER = 'v'.repeat(20) + '-._~' + 'A1'.repeat(20);

function authorizeUrl(mock: MalMock, params: Record<string, string>): string {
  const url = new URL('/v1/oauth2/authorize', mock.authUrl);
  for (const [key, value] of Object.entries({ response_type: 'code', client_id: mock.clientId, code_challenge: VERIFIER, state: 'st4te', ...params })) {
    if (value !== '') url.searchParams.set(key, value);
  }
  return url.toString();
}

function postToken(mock: MalMock, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${mock.authUrl}/v1/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

async function codeFrom(mock: MalMock, params: Record<string, string> = {}): Promise<string> {
  const redirect = new URL(await mock.approve(authorizeUrl(mock, params)));
  return redirect.searchParams.get('code') ?? '';
}

function exchange(mock: MalMock, code: string, verifier = VERIFIER): Promise<Response> {
  return postToken(mock, { client_id: mock.clientId, client_secret: mock.clientSecret, code, code_verifier: verifier, grant_type: 'authorization_code' });
}

function payloadOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('MAL mock', () => {
  let clock: ManualClock;
  let mock: MalMock;
  beforeEach(async () => {
    clock = new ManualClock();
    mock = await startMalMock({ clock });
  });
  afterEach(() => mock.close());

  describe('authorize page', () => {
    it('redirects to the registered http://localhost/ with a code and the state', async () => {
      const redirect = new URL(await mock.approve(authorizeUrl(mock, {})));
      expect(`${redirect.origin}${redirect.pathname}`).toBe('http://localhost/');
      expect(redirect.searchParams.get('state')).toBe('st4te');
      expect(redirect.searchParams.get('code')).toMatch(/^def502[0-9a-f]+$/);
    });

    it('accepts code_challenge_method=plain and refuses S256, a short challenge and no challenge', async () => {
      expect(await codeFrom(mock, { code_challenge_method: 'plain' })).not.toBe('');
      const refused: Record<string, string>[] = [{ code_challenge_method: 'S256' }, { code_challenge: 'short' }, { code_challenge: '' }];
      for (const params of refused) {
        const response = await fetch(authorizeUrl(mock, params), { redirect: 'manual' });
        expect(response.status).toBe(400);
        const body = (await response.json()) as Record<string, string>;
        expect(body).toEqual({ error: 'invalid_request', message: expect.any(String), hint: expect.stringMatching(/code_challenge|Code challenge/) });
      }
    });

    it('refuses an unknown client and an unregistered redirect_uri', async () => {
      expect((await fetch(authorizeUrl(mock, { client_id: 'nope' }), { redirect: 'manual' })).status).toBe(401);
      expect((await fetch(authorizeUrl(mock, { redirect_uri: 'http://localhost:8080/' }), { redirect: 'manual' })).status).toBe(400);
    });

    it('redirects with access_denied when the user cancels', async () => {
      const denying = await startMalMock({ authorizeOutcome: 'deny' });
      try {
        const redirect = new URL(await denying.approve(authorizeUrl(denying, {})));
        expect(redirect.searchParams.get('error')).toBe('access_denied');
        expect(redirect.searchParams.get('state')).toBe('st4te');
      } finally {
        await denying.close();
      }
      mock.setAuthorizeOutcome('deny');
      expect(new URL(await mock.approve(authorizeUrl(mock, {}))).searchParams.get('error')).toBe('access_denied');
    });
  });

  describe('token endpoint', () => {
    it('exchanges a code with the matching plain verifier for Bearer tokens with a JWT access token', async () => {
      const response = await exchange(mock, await codeFrom(mock));
      expect(response.status).toBe(200);
      const body = (await response.json()) as Record<string, unknown>;
      expect(Object.keys(body)).toEqual(['token_type', 'expires_in', 'access_token', 'refresh_token']);
      expect(body['token_type']).toBe('Bearer');
      expect(body['expires_in']).toBe(2678400);
      const claims = payloadOf(String(body['access_token']));
      expect(claims['aud']).toBe(mock.clientId);
      expect(claims['exp']).toBe(Math.floor(clock.now() / 1000) + 2678400);
    });

    it('refuses a wrong verifier with MAL error shape and hint', async () => {
      const response = await exchange(mock, await codeFrom(mock), 'w'.repeat(64));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: 'invalid_grant', message: expect.stringContaining('authorization grant'), hint: 'Failed to verify `code_verifier`.' });
    });

    it('makes codes single-use and expiring', async () => {
      const code = await codeFrom(mock);
      expect((await exchange(mock, code)).status).toBe(200);
      const reused = await exchange(mock, code);
      expect(reused.status).toBe(400);
      expect(await reused.json()).toMatchObject({ error: 'invalid_grant', hint: 'Authorization code has been revoked' });
      const late = await codeFrom(mock);
      clock.advance(601_000);
      expect(await (await exchange(mock, late)).json()).toMatchObject({ error: 'invalid_grant', hint: 'Authorization code has expired' });
    });

    it('does not burn a code on a wrong verifier', async () => {
      const code = await codeFrom(mock);
      expect((await exchange(mock, code, 'w'.repeat(64))).status).toBe(400);
      expect((await exchange(mock, code)).status).toBe(200);
    });

    it('needs a form body and the right client credentials (body or HTTP Basic)', async () => {
      const json = await fetch(`${mock.authUrl}/v1/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ client_id: mock.clientId, client_secret: mock.clientSecret, code: 'x', code_verifier: VERIFIER, grant_type: 'authorization_code' }),
      });
      expect(json.status).toBe(400);
      expect(await json.json()).toMatchObject({ error: 'unsupported_grant_type' });
      const wrongSecret = await postToken(mock, { client_id: mock.clientId, client_secret: 'nope', code: await codeFrom(mock), code_verifier: VERIFIER, grant_type: 'authorization_code' });
      expect(wrongSecret.status).toBe(401);
      expect(await wrongSecret.json()).toMatchObject({ error: 'invalid_client' });
      const basic = Buffer.from(`${mock.clientId}:${mock.clientSecret}`).toString('base64');
      const viaBasic = await postToken(mock, { code: await codeFrom(mock), code_verifier: VERIFIER, grant_type: 'authorization_code' }, { Authorization: `Basic ${basic}` });
      expect(viaBasic.status).toBe(200);
    });

    it('requires the redirect_uri again when the authorize request named one', async () => {
      const code = await codeFrom(mock, { redirect_uri: 'http://localhost/' });
      expect((await exchange(mock, code)).status).toBe(400);
      const ok = await postToken(mock, { client_id: mock.clientId, client_secret: mock.clientSecret, code, code_verifier: VERIFIER, grant_type: 'authorization_code', redirect_uri: 'http://localhost/' });
      expect(ok.status).toBe(200);
    });

    it('rotates refresh tokens: the old refresh and access tokens stop working', async () => {
      const first = (await (await exchange(mock, await codeFrom(mock))).json()) as Record<string, string>;
      const refresh = (form: Record<string, string>) => postToken(mock, { client_id: mock.clientId, client_secret: mock.clientSecret, grant_type: 'refresh_token', ...form });
      const second = await refresh({ refresh_token: first['refresh_token'] ?? '' });
      expect(second.status).toBe(200);
      const renewed = (await second.json()) as Record<string, string>;
      expect(renewed['refresh_token']).not.toBe(first['refresh_token']);
      expect(await (await refresh({ refresh_token: first['refresh_token'] ?? '' })).json()).toMatchObject({ error: 'invalid_grant', hint: 'Token has been revoked' });
      expect((await fetch(`${mock.apiUrl}/v2/users/@me`, { headers: { Authorization: `Bearer ${first['access_token']}` } })).status).toBe(401);
      expect((await fetch(`${mock.apiUrl}/v2/users/@me`, { headers: { Authorization: `Bearer ${renewed['access_token']}` } })).status).toBe(200);
    });
  });

  describe('API', () => {
    it('answers /v2/users/@me and /v2/anime/suggestions for a valid Bearer token only', async () => {
      const tokens = (await (await exchange(mock, await codeFrom(mock))).json()) as Record<string, string>;
      const me = await fetch(`${mock.apiUrl}/v2/users/@me`, { headers: { Authorization: `Bearer ${tokens['access_token']}` } });
      expect(await me.json()).toMatchObject({ name: 'pmmtester' });
      const suggestions = await fetch(`${mock.apiUrl}/v2/anime/suggestions`, { headers: { Authorization: `Bearer ${tokens['access_token']}` } });
      expect(await suggestions.json()).toMatchObject({ data: expect.any(Array) });
      const anonymous = await fetch(`${mock.apiUrl}/v2/anime/suggestions`);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toEqual({ error: 'invalid_token' });
      clock.advance(2_678_400_000);
      expect((await fetch(`${mock.apiUrl}/v2/users/@me`, { headers: { Authorization: `Bearer ${tokens['access_token']}` } })).status).toBe(401);
    });
  });

  it('issues working tokens directly', async () => {
    const tokens = mock.issueTokens();
    expect((await fetch(`${mock.apiUrl}/v2/users/@me`, { headers: { Authorization: `Bearer ${tokens.access_token}` } })).status).toBe(200);
  });

  it('issues codes for a known challenge, applies faults and logs every request', async () => {
    const code = mock.issueCode(VERIFIER);
    mock.faults.add({ fault: { kind: 'status', status: 503 }, path: '/v1/oauth2/token' });
    expect((await exchange(mock, code)).status).toBe(503);
    expect((await exchange(mock, code)).status).toBe(200);
    expect(mock.log.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual(['POST /v1/oauth2/token 503', 'POST /v1/oauth2/token 200']);
    expect(mock.log[1]?.body).toMatchObject({ grant_type: 'authorization_code', code_verifier: VERIFIER });
  });
});
