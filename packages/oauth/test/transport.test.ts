import { OAuthErrorCode } from '../src/index';
import { failure, itLeaksNoSecrets, OOB, world, type World } from './harness';

/** Waits (wall time, bounded) for the server side of a request the client already gave up on. */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 50) {
    if (waited > 3000) throw new Error('the server never logged the request');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('transport: retries, Retry-After, timeouts, bad bodies', () => {
  let w: World;
  afterEach(async () => w.close());

  it('retries an idempotent step on 5xx and a dropped connection with jittered, growing backoff', async () => {
    w = await world();
    w.handle.addFault({ path: '/oauth/device/code', fault: { kind: 'status', status: 500 } });
    w.handle.addFault({ path: '/oauth/device/code', fault: { kind: 'drop' } });
    w.handle.addFault({ path: '/oauth/device/code', fault: { kind: 'status', status: 503 } });
    const started = w.clock.now();
    const auth = await w.client().requestDeviceCode();
    expect(auth.userCode).toMatch(/^[0-9A-F]{8}$/);
    expect(w.handle.requestsTo('/oauth/device/code').map((entry) => entry.status)).toEqual([500, 'dropped', 503, 200]);
    expect(w.events.map((event) => [event.attempt, event.reason, event.status])).toEqual([
      [1, 'server_error', 500],
      [2, 'network', undefined],
      [3, 'server_error', 503],
    ]);
    const delays = w.events.map((event) => event.delayMs);
    [1000, 2000, 4000].forEach((ceiling, index) => {
      expect(delays[index]).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delays[index]).toBeLessThanOrEqual(ceiling);
    });
    expect(w.clock.now() - started).toBe(delays.reduce((sum, delay) => sum + delay, 0));
  });

  it('waits for a 503`s Retry-After instead of its own backoff', async () => {
    w = await world();
    w.handle.addFault({ path: '/oauth/revoke', fault: { kind: 'status', status: 503, retryAfter: '3' } });
    w.handle.addFault({ path: '/oauth/revoke', fault: { kind: 'status', status: 503, retryAfter: '3600' } });
    await w.client().revoke({ token: w.handle.issueTokens().access_token });
    const [first, second] = w.events;
    expect([first?.reason, first?.status, first?.delayMs]).toEqual(['server_error', 503, 3000]);
    expect(second?.delayMs).toBeLessThanOrEqual(2000);
  });

  it('gives up after maxRetries with OAUTH_SERVER_ERROR', async () => {
    w = await world();
    w.handle.addFault({ path: '/oauth/device/code', fault: { kind: 'status', status: 502 }, times: 10 });
    const error = await failure(w.client().requestDeviceCode());
    expect(error).toMatchObject({ code: OAuthErrorCode.ServerError, status: 502 });
    expect(w.handle.requestsTo('/oauth/device/code')).toHaveLength(4);
  });

  it('never re-sends a code exchange after a 5xx, a drop or a timeout, and says the PIN may be spent', async () => {
    w = await world();
    const client = w.client();
    w.handle.addFault({ path: '/oauth/token', fault: { kind: 'status', status: 500 } });
    const server = await failure(client.exchangeCode({ code: w.handle.issuePin(), redirectUri: OOB }));
    expect(server).toMatchObject({ code: OAuthErrorCode.ServerError, grantMayBeConsumed: true });

    const dropped = w.handle.issuePin();
    w.handle.addFault({ path: '/oauth/token', fault: { kind: 'drop' }, when: 'after' });
    const network = await failure(client.exchangeCode({ code: dropped, redirectUri: OOB }));
    expect(network).toMatchObject({ code: OAuthErrorCode.Network, grantMayBeConsumed: true });
    expect(network.cause).toMatchObject({ code: OAuthErrorCode.Network });
    // The server did consume it: the PIN is gone, exactly as the error warned.
    expect(await failure(client.exchangeCode({ code: dropped, redirectUri: OOB }))).toMatchObject({ code: OAuthErrorCode.InvalidGrant });

    w.handle.addFault({ path: '/oauth/token', fault: { kind: 'slow', delayMs: 1000 }, when: 'after' });
    const slow = w.handle.issuePin();
    const timeout = await failure(w.client({ tuning: { timeoutMs: 400 } }).exchangeCode({ code: slow, redirectUri: OOB }));
    expect(timeout).toMatchObject({ code: OAuthErrorCode.Timeout, grantMayBeConsumed: true });
    expect(timeout.message).toContain('400 ms');
    await until(() => w.handle.requestsTo('/oauth/token').length === 4);
    expect(await failure(client.exchangeCode({ code: slow, redirectUri: OOB }))).toMatchObject({ code: OAuthErrorCode.InvalidGrant });

    expect(w.handle.requestsTo('/oauth/token').map((entry) => entry.status)).toEqual([500, 'dropped', 400, 200, 400]);
    expect(w.events).toEqual([]);
  });

  it('retries a timed-out idempotent request', async () => {
    w = await world();
    w.handle.addFault({ path: '/oauth/device/code', fault: { kind: 'slow', delayMs: 1500 } });
    await w.client({ tuning: { timeoutMs: 500 } }).requestDeviceCode();
    expect(w.events.map((event) => event.reason)).toEqual(['timeout']);
  });

  it('retries a connection that was refused, even for an exchange, since nothing reached a server', async () => {
    w = await world();
    const closed = await world();
    await closed.close();
    const client = w.client({ endpoints: { tokenUrl: `${closed.url}/oauth/token` } });
    const error = await failure(client.exchangeCode({ code: 'ABCD1234', redirectUri: OOB }));
    expect(error).toMatchObject({ code: OAuthErrorCode.Network, grantMayBeConsumed: false });
    expect(error.message).toContain('ECONNREFUSED');
    expect(w.events.map((event) => event.reason)).toEqual(['network', 'network', 'network']);
  });

  it('honours Retry-After in seconds on 429, measured on the injected clock, even for an exchange', async () => {
    w = await world();
    w.handle.addFault({ path: '/oauth/token', fault: { kind: 'rate-limit', retryAfter: '7' } });
    const started = w.clock.now();
    const tokens = await w.client().exchangeCode({ code: w.handle.issuePin(), redirectUri: OOB });
    expect(tokens.access_token).toMatch(/^[0-9a-f]{64}$/);
    const [limited, ok] = w.handle.requestsTo('/oauth/token');
    expect([limited?.status, ok?.status]).toEqual([429, 200]);
    expect((ok?.at ?? 0) - started).toBe(7000);
    expect(w.events).toEqual([{ type: 'retry', step: 'code_exchange', attempt: 1, delayMs: 7000, reason: 'rate_limited', status: 429 }]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    w = await world();
    const at = new Date(w.clock.now() + 12_000).toUTCString();
    w.handle.addFault({ path: '/oauth/device/code', fault: { kind: 'cloudflare', status: 429, retryAfter: at } });
    await w.client().requestDeviceCode();
    expect(w.events.map((event) => event.delayMs)).toEqual([12_000]);
  });

  it('fails with OAUTH_RATE_LIMITED when Retry-After is beyond the cap', async () => {
    w = await world();
    w.handle.addFault({ path: '/oauth/device/code', fault: { kind: 'cloudflare', status: 429, retryAfter: '300' } });
    const error = await failure(w.client().requestDeviceCode());
    expect(error).toMatchObject({ code: OAuthErrorCode.RateLimited, status: 429, retryAfterMs: 300_000 });
    expect(error.message).toContain('300 s');
    expect(w.handle.requestsTo('/oauth/device/code')).toHaveLength(1);
  });

  it('reports a Cloudflare 403 page as OAUTH_BLOCKED without retrying', async () => {
    w = await world();
    w.handle.addFault({ path: '/oauth/device/code', fault: { kind: 'cloudflare', status: 403 } });
    expect(await failure(w.client().requestDeviceCode())).toMatchObject({ code: OAuthErrorCode.Blocked, status: 403 });
    expect(w.handle.requestsTo('/oauth/device/code')).toHaveLength(1);
  });

  it('turns malformed JSON into OAUTH_BAD_RESPONSE', async () => {
    w = await world();
    w.handle.addFault({ path: '/oauth/token', fault: { kind: 'malformed-json' } });
    expect(await failure(w.client().exchangeCode({ code: w.handle.issuePin(), redirectUri: OOB }))).toMatchObject({
      code: OAuthErrorCode.BadResponse,
      status: 200,
    });
    w.handle.addFault({ path: '/oauth/device/code', fault: { kind: 'malformed-json' } });
    expect(await failure(w.client().requestDeviceCode())).toMatchObject({ code: OAuthErrorCode.BadResponse });
  });

  it('reports a missing endpoint as OAUTH_INVALID_OPTIONS', async () => {
    w = await world();
    const error = await failure(Promise.resolve().then(() => w.client({ endpoints: {} }).revoke({ token: 'abcd1234' })));
    expect(error.code).toBe(OAuthErrorCode.InvalidOptions);
  });

  it('cancels a backoff wait on abort', async () => {
    w = await world();
    w.handle.addFault({ path: '/oauth/device/code', fault: { kind: 'status', status: 503 }, times: 5 });
    const controller = new AbortController();
    const client = w.client({ onEvent: () => controller.abort() });
    expect(await failure(client.requestDeviceCode({ signal: controller.signal }))).toMatchObject({ code: OAuthErrorCode.Aborted });
    expect(w.handle.requestsTo('/oauth/device/code')).toHaveLength(1);
  });
});

describe('transport secrets', () => {
  itLeaksNoSecrets();
});
