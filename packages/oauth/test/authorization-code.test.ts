import { OAuthErrorCode, parseRedirectUrl, type OAuthClient } from '../src/index';
import { failure, itLeaksNoSecrets, observed, OOB, world, type World } from './harness';

/** Opens the authorize URL like a browser that does not follow redirects; returns `Location`. */
async function visit(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'manual', headers: { 'User-Agent': 'test-browser/1.0' } });
  expect(response.status).toBe(302);
  return response.headers.get('location') ?? '';
}

describe('authorization code: PIN / OOB', () => {
  let w: World;
  let client: OAuthClient;
  afterEach(async () => w.close());

  it('exchanges a PIN once, then rejects its reuse with OAUTH_INVALID_GRANT (2026: 400 JSON)', async () => {
    w = await world();
    client = w.client();
    const pin = w.handle.issuePin();
    observed.secrets.add(pin);
    const tokens = await client.exchangeCode({ code: pin, redirectUri: OOB });
    expect(tokens.expires_in).toBe(604800);
    expect(tokens.created_at).toBe(Math.floor(w.clock.now() / 1000));
    expect(w.handle.requestsTo('/oauth/token')[0]?.body).toEqual({
      code: pin,
      client_id: w.handle.clientId,
      client_secret: w.handle.clientSecret,
      redirect_uri: OOB,
      grant_type: 'authorization_code',
    });
    const reused = await failure(client.exchangeCode({ code: pin, redirectUri: OOB }));
    expect(reused).toMatchObject({ code: OAuthErrorCode.InvalidGrant, status: 400, error: 'invalid_grant', grantMayBeConsumed: false });
    expect(reused.message).toContain('already used');
  });

  it('reads the legacy 401 + WWW-Authenticate shape', async () => {
    w = await world({ errorStyle: 'legacy' });
    client = w.client();
    const pin = w.handle.issuePin();
    await client.exchangeCode({ code: pin.toLowerCase(), redirectUri: OOB });
    const reused = await failure(client.exchangeCode({ code: pin, redirectUri: OOB }));
    expect(reused).toMatchObject({ code: OAuthErrorCode.InvalidGrant, status: 401, error: 'invalid_grant' });
    expect(String(reused.errorDescription)).toContain('authorization grant is invalid');
  });

  it('rejects a PIN after its TTL', async () => {
    w = await world({ codeTtlSeconds: 600 });
    client = w.client();
    const pin = w.handle.issuePin();
    w.clock.advance(600_000);
    expect(await failure(client.exchangeCode({ code: pin, redirectUri: OOB }))).toMatchObject({ code: OAuthErrorCode.InvalidGrant });
  });

  it('reports a wrong client secret as OAUTH_INVALID_CLIENT', async () => {
    w = await world();
    client = w.client({ clientSecret: 'not-the-secret' });
    observed.secrets.add('not-the-secret');
    const error = await failure(client.exchangeCode({ code: w.handle.issuePin(), redirectUri: OOB }));
    expect(error).toMatchObject({ code: OAuthErrorCode.InvalidClient, status: 400, error: 'invalid_client' });
  });

  it('is told off with 412 when it sends a form body to Trakt', async () => {
    w = await world();
    client = w.client({ bodyEncoding: 'form' });
    const error = await failure(client.exchangeCode({ code: w.handle.issuePin(), redirectUri: OOB }));
    expect(error).toMatchObject({ code: OAuthErrorCode.HttpError, status: 412 });
  });
});

describe('authorization code: authorize page with PKCE', () => {
  let w: World;
  let client: OAuthClient;
  afterEach(async () => w.close());

  it('S256: the mock verifies the verifier; a wrong or missing one is invalid_grant', async () => {
    w = await world();
    client = w.client();
    const first = client.createAuthorizationRequest({ redirectUri: OOB });
    expect(first.codeChallengeMethod).toBe('S256');
    const landing = await visit(first.url);
    expect(landing.startsWith(`${w.url}/oauth/authorize/native?`)).toBe(true);
    const { code } = parseRedirectUrl(landing, first.state);
    observed.secrets.add(code);
    observed.secrets.add(first.codeVerifier ?? '');
    const noVerifier = await failure(client.exchangeCode({ code, redirectUri: OOB }));
    expect(noVerifier).toMatchObject({ code: OAuthErrorCode.InvalidGrant });
    const second = client.createAuthorizationRequest({ redirectUri: OOB });
    const wrong = await failure(client.exchangeCode({ code, redirectUri: OOB, codeVerifier: second.codeVerifier ?? '' }));
    expect(wrong).toMatchObject({ code: OAuthErrorCode.InvalidGrant, errorDescription: 'code_verifier does not match the code_challenge' });
    const tokens = await client.exchangeCode({ code, redirectUri: OOB, codeVerifier: first.codeVerifier ?? '' });
    expect(tokens.access_token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('plain PKCE and a pasted http://localhost redirect URL, as MyAnimeList users do', async () => {
    w = await world({ redirectUris: ['http://localhost/'] });
    client = w.client();
    const request = client.createAuthorizationRequest({ redirectUri: 'http://localhost/', pkce: 'plain', verifierLength: 128 });
    expect(request.codeVerifier).toHaveLength(128);
    expect(new URL(request.url).searchParams.get('code_challenge')).toBe(request.codeVerifier);
    const landing = await visit(request.url);
    expect(landing.startsWith('http://localhost/?code=')).toBe(true);
    const { code } = parseRedirectUrl(`  "${landing}"  `, request.state);
    const tokens = await client.exchangeCode({ code, redirectUri: 'http://localhost/', codeVerifier: request.codeVerifier ?? '' });
    expect(tokens.refresh_token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('without PKCE, the server-made challenge makes the code unusable (post-migration Trakt)', async () => {
    w = await world();
    client = w.client();
    const request = client.createAuthorizationRequest({ redirectUri: OOB, pkce: false });
    expect(request.codeVerifier).toBeUndefined();
    const { code } = parseRedirectUrl(await visit(request.url), request.state);
    expect(await failure(client.exchangeCode({ code, redirectUri: OOB }))).toMatchObject({ code: OAuthErrorCode.InvalidGrant });
  });

  it('offline_access without PKCE comes back as an error redirect', async () => {
    w = await world();
    client = w.client();
    const request = client.createAuthorizationRequest({ redirectUri: OOB, pkce: false, scope: 'public offline_access' });
    const error = await failure(Promise.resolve().then(async () => parseRedirectUrl(await visit(request.url), request.state)));
    expect(error).toMatchObject({ code: OAuthErrorCode.InvalidRequest, error: 'invalid_request' });
  });

  it('a denial and a foreign state are typed errors', async () => {
    w = await world();
    client = w.client();
    const request = client.createAuthorizationRequest({ redirectUri: OOB });
    const landing = await visit(request.url);
    const other = client.createAuthorizationRequest({ redirectUri: OOB });
    expect(await failure(Promise.resolve().then(() => parseRedirectUrl(landing, other.state)))).toMatchObject({ code: OAuthErrorCode.StateMismatch });
    w.handle.setAuthorizeOutcome('deny');
    const denied = await visit(client.createAuthorizationRequest({ redirectUri: OOB }).url);
    expect(await failure(Promise.resolve().then(() => parseRedirectUrl(denied)))).toMatchObject({ code: OAuthErrorCode.AccessDenied });
  });
});

describe('authorization code secrets', () => {
  itLeaksNoSecrets();
});
