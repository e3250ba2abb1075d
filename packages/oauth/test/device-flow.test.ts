import { OAuthErrorCode, type DeviceAuthorization } from '../src/index';
import { failure, itLeaksNoSecrets, observed, recordProgress, VERSION, world, type World } from './harness';

describe('device flow against the Trakt mock', () => {
  let w: World;
  afterEach(async () => w.close());

  it('requests codes, polls at the interval with `code` in the body, and returns checked tokens', async () => {
    w = await world({ autoApproveAfterPolls: 3 });
    const client = w.client();
    const started = w.clock.now();
    const auth = await client.requestDeviceCode();
    expect(auth.verificationUrl).toBe(`${w.url}/activate`);
    expect(auth.userCode).toMatch(/^[0-9A-F]{8}$/);
    expect(auth.intervalSeconds).toBe(5);
    expect(auth.expiresAt).toBe(started + 600_000);
    observed.secrets.add(auth.response.device_code);

    const tokens = await client.pollDeviceToken(auth, { onProgress: recordProgress(w.progress) });
    expect(tokens).toEqual({
      access_token: expect.stringMatching(/^[0-9a-f]{64}$/),
      token_type: 'bearer',
      expires_in: 604800,
      refresh_token: expect.stringMatching(/^[0-9a-f]{64}$/),
      scope: 'public',
      created_at: Math.floor(w.clock.now() / 1000),
    });
    const polls = w.handle.requestsTo('/oauth/device/token');
    expect(polls.map((entry) => entry.status)).toEqual([400, 400, 200]);
    expect(polls.map((entry) => entry.at - started)).toEqual([5000, 10_000, 15_000]);
    expect(polls[0]?.body).toEqual({ code: auth.response.device_code, client_id: w.handle.clientId, client_secret: w.handle.clientSecret });
    expect(polls[0]?.headers['user-agent']).toBe(`pmm-config/${VERSION}`);
    expect(w.progress.filter((p) => p.type === 'waiting').map((p) => p.secondsLeft)).toEqual([600, 595, 590]);
  });

  it.each([
    ['deny', 418, OAuthErrorCode.AccessDenied],
    ['expire', 410, OAuthErrorCode.DeviceExpired],
  ] as const)('ends with its own error when the user/server says %s', async (outcome, status, code) => {
    w = await world();
    w.handle.scriptNextDevice(2, outcome);
    const client = w.client();
    const error = await failure(client.pollDeviceToken(await client.requestDeviceCode()));
    expect(error).toMatchObject({ code, status });
    expect(w.handle.requestsTo('/oauth/device/token').map((entry) => entry.status)).toEqual([400, status]);
  });

  it('stops at the local expires_in deadline without another poll', async () => {
    w = await world({ deviceExpiresIn: 12 });
    const client = w.client();
    const error = await failure(client.pollDeviceToken(await client.requestDeviceCode()));
    expect(error.code).toBe(OAuthErrorCode.DeviceDeadline);
    expect(w.handle.requestsTo('/oauth/device/token')).toHaveLength(2);
  });

  it('reports an unknown device code (404) and an already used one (409)', async () => {
    w = await world({ autoApproveAfterPolls: 1 });
    const client = w.client();
    const auth = await client.requestDeviceCode();
    const forged: DeviceAuthorization = { ...auth, response: { ...auth.response, device_code: 'f'.repeat(64) } };
    expect(await failure(client.pollDeviceToken(forged))).toMatchObject({ code: OAuthErrorCode.DeviceInvalid, status: 404 });
    await client.pollDeviceToken(auth);
    const reused = await failure(client.pollDeviceToken(auth));
    expect(reused).toMatchObject({ code: OAuthErrorCode.DeviceAlreadyUsed, status: 409, grantMayBeConsumed: false });
  });

  it('slows down on 429 by growing the interval, then succeeds', async () => {
    w = await world({ autoApproveAfterPolls: 1 });
    const client = w.client();
    const auth = await client.requestDeviceCode();
    const tooFast: DeviceAuthorization = { ...auth, intervalSeconds: 2 };
    await client.pollDeviceToken(tooFast, { onProgress: recordProgress(w.progress) });
    const polls = w.handle.requestsTo('/oauth/device/token');
    expect(polls.map((entry) => entry.status)).toEqual([429, 200]);
    expect((polls[1]?.at ?? 0) - (polls[0]?.at ?? 0)).toBe(7000);
    expect(w.progress.find((p) => p.type === 'slow_down')?.intervalSeconds).toBe(7);
  });

  it('waits out a Cloudflare 429 Retry-After while polling, and gives up on one beyond the cap', async () => {
    w = await world({ autoApproveAfterPolls: 1 });
    w.handle.addFault({ path: '/oauth/device/token', fault: { kind: 'cloudflare', status: 429, retryAfter: '20' } });
    const client = w.client();
    await client.pollDeviceToken(await client.requestDeviceCode());
    const [limited, ok] = w.handle.requestsTo('/oauth/device/token');
    expect([limited?.status, ok?.status]).toEqual([429, 200]);
    expect((ok?.at ?? 0) - (limited?.at ?? 0)).toBe(20_000);
    w.handle.addFault({ path: '/oauth/device/token', fault: { kind: 'cloudflare', status: 429, retryAfter: '300' } });
    const error = await failure(client.pollDeviceToken(await client.requestDeviceCode()));
    expect(error).toMatchObject({ code: OAuthErrorCode.RateLimited, retryAfterMs: 300_000 });
  });

  it('slows down, not stops, on a 429 whose JSON body says rate_limited', async () => {
    w = await world({ autoApproveAfterPolls: 1 });
    w.handle.addFault({ path: '/oauth/device/token', fault: { kind: 'rate-limit' } });
    w.handle.addFault({ path: '/oauth/device/token', fault: { kind: 'rate-limit', retryAfter: '30' } });
    const client = w.client();
    await client.pollDeviceToken(await client.requestDeviceCode(), { onProgress: recordProgress(w.progress) });
    const polls = w.handle.requestsTo('/oauth/device/token');
    expect(polls.map((entry) => entry.status)).toEqual([429, 429, 200]);
    expect(polls.map((entry) => entry.at - (polls[0]?.at ?? 0))).toEqual([0, 10_000, 40_000]);
    expect(w.progress.filter((p) => p.type === 'slow_down').map((p) => p.intervalSeconds)).toEqual([10, 30]);
  });

  it('slows down on an RFC slow_down JSON body', async () => {
    w = await world({ autoApproveAfterPolls: 1, deviceErrorBodies: true, enforceInterval: true });
    const client = w.client();
    const auth = await client.requestDeviceCode();
    await client.pollDeviceToken({ ...auth, intervalSeconds: 1 }, { onProgress: recordProgress(w.progress) });
    const polls = w.handle.requestsTo('/oauth/device/token');
    expect(polls.map((entry) => entry.status)).toEqual([429, 200]);
    expect(w.progress.find((p) => p.type === 'slow_down')?.intervalSeconds).toBe(6);
  });

  it('reads RFC 8628 JSON error bodies when the server sends them', async () => {
    w = await world({ deviceErrorBodies: true });
    w.handle.scriptNextDevice(3, 'deny');
    const rfcLike = w.client({ device: { pollCodeKey: 'code', verificationField: 'verification_url' } });
    const error = await failure(rfcLike.pollDeviceToken(await rfcLike.requestDeviceCode()));
    expect(error).toMatchObject({ code: OAuthErrorCode.AccessDenied, status: 418, error: 'access_denied' });
    expect(w.handle.requestsTo('/oauth/device/token')).toHaveLength(3);
  });

  it('is told off by the mock when polling with the RFC body key instead of Trakt`s `code`', async () => {
    w = await world();
    const wrong = w.client({ device: { pollCodeKey: 'device_code', verificationField: 'verification_url', statusOutcomes: { 400: 'pending' } } });
    const error = await failure(wrong.pollDeviceToken(await wrong.requestDeviceCode()));
    expect(error).toMatchObject({ code: OAuthErrorCode.InvalidRequest, status: 400, error: 'invalid_request' });
    expect(String(error.errorDescription)).toContain('`code`, not `device_code`');
  });

  it('rejects a code response whose verification field has the other spelling', async () => {
    w = await world();
    const rfc = w.client({ device: { pollCodeKey: 'code', verificationField: 'verification_uri' } });
    const error = await failure(rfc.requestDeviceCode());
    expect(error.code).toBe(OAuthErrorCode.BadResponse);
    expect(error.message).toContain('verification_uri');
  });

  it('cancels cleanly on abort, without further polls', async () => {
    w = await world();
    const client = w.client();
    const controller = new AbortController();
    const auth = await client.requestDeviceCode();
    const error = await failure(
      client.pollDeviceToken(auth, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.polls === 2) controller.abort();
        },
      }),
    );
    expect(error.code).toBe(OAuthErrorCode.Aborted);
    expect(w.handle.requestsTo('/oauth/device/token')).toHaveLength(2);
  });

  it('keeps polling through a 503 and a dropped connection', async () => {
    w = await world({ autoApproveAfterPolls: 2 });
    w.handle.addFault({ path: '/oauth/device/token', fault: { kind: 'status', status: 503 } });
    w.handle.addFault({ path: '/oauth/device/token', fault: { kind: 'drop' } });
    const client = w.client();
    const tokens = await client.pollDeviceToken(await client.requestDeviceCode(), { onProgress: recordProgress(w.progress) });
    expect(tokens.access_token).toMatch(/^[0-9a-f]{64}$/);
    expect(w.handle.requestsTo('/oauth/device/token').map((entry) => entry.status)).toEqual([503, 'dropped', 400, 200]);
    expect(w.progress.filter((p) => p.type === 'retry')).toHaveLength(2);
  });

  it('says the approval was probably consumed when the success answer was lost', async () => {
    w = await world({ autoApproveAfterPolls: 1 });
    w.handle.addFault({ path: '/oauth/device/token', fault: { kind: 'drop' }, when: 'after' });
    const client = w.client();
    const error = await failure(client.pollDeviceToken(await client.requestDeviceCode()));
    expect(error).toMatchObject({ code: OAuthErrorCode.DeviceAlreadyUsed, status: 409, grantMayBeConsumed: true });
    expect(error.message).toContain('lost');
  });

  it('gives up after too many transport failures in a row', async () => {
    w = await world();
    w.handle.addFault({ path: '/oauth/device/token', fault: { kind: 'status', status: 502 }, times: 4 });
    const client = w.client();
    const error = await failure(client.pollDeviceToken(await client.requestDeviceCode()));
    expect(error).toMatchObject({ code: OAuthErrorCode.ServerError, status: 502 });
    expect(w.handle.requestsTo('/oauth/device/token')).toHaveLength(4);
  });

  it('surfaces invalid_client for a wrong secret in both error styles', async () => {
    w = await world({ errorStyle: 'legacy' });
    const client = w.client({ clientSecret: 'wrong-secret-value' });
    observed.secrets.add('wrong-secret-value');
    const error = await failure(client.pollDeviceToken(await client.requestDeviceCode()));
    expect(error).toMatchObject({ code: OAuthErrorCode.InvalidClient, status: 401, error: 'invalid_client' });
    w.handle.setErrorStyle('2026');
    const again = await failure(client.pollDeviceToken(await client.requestDeviceCode()));
    expect(again).toMatchObject({ code: OAuthErrorCode.InvalidClient, status: 400 });
  });

});

describe('device flow secrets', () => {
  itLeaksNoSecrets();
});
