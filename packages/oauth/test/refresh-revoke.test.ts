import { OAuthErrorCode, type OAuthClient } from '../src/index';
import { failure, itLeaksNoSecrets, OOB, VERSION, world, type World } from './harness';

/** `GET /users/settings` through the client's own transport, as the Trakt provider verifies tokens. */
async function settings(client: OAuthClient, w: World, accessToken: string, apiKey = w.handle.clientId) {
  return client.transport.request(
    {
      step: 'request',
      method: 'GET',
      url: `${w.url}/users/settings`,
      headers: {
        'Content-Type': 'application/json',
        'trakt-api-key': apiKey,
        'trakt-api-version': '2',
        Authorization: `Bearer ${accessToken}`,
      },
    },
    'idempotent',
  );
}

describe('refresh', () => {
  let w: World;
  afterEach(async () => w.close());

  it('rotates: returns a new pair, the old refresh token is then rejected, the new one works', async () => {
    w = await world();
    const client = w.client();
    const first = w.handle.issueTokens();
    const second = await client.refresh({ refreshToken: first.refresh_token, redirectUri: OOB });
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    const reused = await failure(client.refresh({ refreshToken: first.refresh_token, redirectUri: OOB }));
    expect(reused).toMatchObject({ code: OAuthErrorCode.InvalidGrant, status: 400, grantMayBeConsumed: false });
    const third = await client.refresh({ refreshToken: second.refresh_token, redirectUri: OOB });
    expect(third.refresh_token).not.toBe(second.refresh_token);

    const sent = w.handle.requestsTo('/oauth/token').map((entry) => [entry.body?.['refresh_token'], entry.status]);
    expect(sent).toEqual([
      [first.refresh_token, 200],
      [first.refresh_token, 400],
      [second.refresh_token, 200],
    ]);
    expect(w.handle.requestsTo('/oauth/token')[0]?.body).toEqual({
      refresh_token: first.refresh_token,
      client_id: w.handle.clientId,
      client_secret: w.handle.clientSecret,
      redirect_uri: OOB,
      grant_type: 'refresh_token',
    });
  });

  it('is told off by the mock when it leaves out the redirect_uri Trakt requires', async () => {
    w = await world();
    const error = await failure(w.client().refresh({ refreshToken: w.handle.issueTokens().refresh_token }));
    expect(error).toMatchObject({ code: OAuthErrorCode.InvalidRequest, status: 400 });
    expect(String(error.errorDescription)).toContain('redirect_uri');
  });

  it('does not re-send a refresh after a 502, and says the token may be spent', async () => {
    w = await world();
    w.handle.addFault({ path: '/oauth/token', fault: { kind: 'status', status: 502 } });
    const error = await failure(w.client().refresh({ refreshToken: w.handle.issueTokens().refresh_token, redirectUri: OOB }));
    expect(error).toMatchObject({ code: OAuthErrorCode.ServerError, status: 502, grantMayBeConsumed: true });
    expect(error.message).toContain('may already have used up');
    expect(w.handle.requestsTo('/oauth/token')).toHaveLength(1);
  });
});

describe('revoke and token verification', () => {
  let w: World;
  afterEach(async () => w.close());

  it('verifies a token via /users/settings, revokes it, and the mock then answers 401', async () => {
    w = await world();
    const client = w.client();
    const tokens = w.handle.issueTokens();
    const ok = await settings(client, w, tokens.access_token);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text).user.username).toBe('pmmtester');
    expect(w.handle.requestsTo('/users/settings')[0]?.headers['user-agent']).toBe(`pmm-config/${VERSION}`);
    await client.revoke({ token: tokens.access_token });
    expect(w.handle.requestsTo('/oauth/revoke')[0]?.body).toEqual({
      token: tokens.access_token,
      client_id: w.handle.clientId,
      client_secret: w.handle.clientSecret,
    });
    expect((await settings(client, w, tokens.access_token)).status).toBe(401);
  });

  it.each([410, 423] as const)('passes a %i account state through to the provider', async (outcome) => {
    w = await world({ settingsOutcome: outcome });
    const response = await settings(w.client(), w, w.handle.issueTokens().access_token);
    expect(response.status).toBe(outcome);
  });

  it('retries a revoke after a 503 (revoking twice is harmless)', async () => {
    w = await world();
    w.handle.addFault({ path: '/oauth/revoke', fault: { kind: 'status', status: 503 } });
    await w.client().revoke({ token: w.handle.issueTokens().access_token });
    expect(w.handle.requestsTo('/oauth/revoke').map((entry) => entry.status)).toEqual([503, 200]);
  });

  it('reports a revoke with a wrong secret as OAUTH_INVALID_CLIENT', async () => {
    w = await world({ errorStyle: 'legacy' });
    const error = await failure(w.client({ clientSecret: 'bad-secret-123' }).revoke({ token: w.handle.issueTokens().access_token }));
    expect(error).toMatchObject({ code: OAuthErrorCode.InvalidClient, status: 401 });
  });
});

describe('refresh and revoke secrets', () => {
  itLeaksNoSecrets();
});
