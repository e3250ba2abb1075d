import { ManualClock, startTraktMock, type TraktMockHandle, type TraktMockOptions } from '@pmm-config/mock-oauth';
import { OAuthClient, type DeviceDialect, type OAuthClientOptions, type OAuthEvent, type DevicePollProgress } from '../src/index';

/** Trakt's device quirks, as the Trakt provider configures them. */
export const TRAKT_DIALECT: DeviceDialect = {
  pollCodeKey: 'code',
  verificationField: 'verification_url',
  statusOutcomes: { 400: 'pending', 429: 'slow_down', 404: 'invalid', 409: 'already_used', 410: 'expired', 418: 'denied' },
};

export const OOB = 'urn:ietf:wg:oauth:2.0:oob';
export const VERSION = '9.9.9-test';

/** Everything observable the runs produced, for the secret scan at the end. */
export const observed = {
  errors: [] as unknown[],
  lines: [] as string[],
  secrets: new Set<string>(),
};

/** Remembers every secret-bearing value a mock saw or handed out. */
export function harvestSecrets(handle: TraktMockHandle): void {
  observed.secrets.add(handle.clientId);
  observed.secrets.add(handle.clientSecret);
  for (const entry of handle.requests) {
    for (const key of ['code', 'device_code', 'client_id', 'client_secret', 'refresh_token', 'token', 'code_verifier']) {
      const value = entry.body?.[key];
      if (typeof value === 'string' && value.length >= 4) observed.secrets.add(value);
    }
    const bearer = entry.headers['authorization'];
    if (typeof bearer === 'string') observed.secrets.add(bearer.replace(/^Bearer /i, ''));
  }
}

/** Captures the error a promise rejects with (and records it for the scan). */
export async function failure(promise: Promise<unknown>): Promise<Record<string, unknown> & Error> {
  try {
    await promise;
  } catch (error) {
    observed.errors.push(error);
    return error as Record<string, unknown> & Error;
  }
  throw new Error('expected the call to fail');
}

const ISSUED_SECRET_FIELDS = ['access_token', 'refresh_token', 'device_code'];

/** The global fetch, also remembering every token and device code a server hands out. */
async function harvestingFetch(input: string, init: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  const text = await response.clone().text();
  try {
    const body: unknown = JSON.parse(text);
    for (const key of ISSUED_SECRET_FIELDS) {
      const value = (body as Record<string, unknown> | null)?.[key];
      if (typeof value === 'string') observed.secrets.add(value);
    }
  } catch {
    // Not JSON: nothing issued.
  }
  return response;
}

/** One test's world: a manual clock shared by the mock and the client, and recorders. */
export interface World {
  readonly clock: ManualClock;
  readonly url: string;
  readonly handle: TraktMockHandle;
  readonly events: OAuthEvent[];
  readonly progress: DevicePollProgress[];
  client(overrides?: Partial<OAuthClientOptions>): OAuthClient;
  close(): Promise<void>;
}

export async function world(options: TraktMockOptions = {}): Promise<World> {
  const clock = new ManualClock();
  const { url, handle } = await startTraktMock({ clock, ...options });
  const events: OAuthEvent[] = [];
  const progress: DevicePollProgress[] = [];
  return {
    clock,
    url,
    handle,
    events,
    progress,
    client: (overrides = {}) =>
      new OAuthClient({
        endpoints: {
          authorizeUrl: `${url}/oauth/authorize`,
          tokenUrl: `${url}/oauth/token`,
          deviceCodeUrl: `${url}/oauth/device/code`,
          deviceTokenUrl: `${url}/oauth/device/token`,
          revokeUrl: `${url}/oauth/revoke`,
        },
        clientId: handle.clientId,
        clientSecret: handle.clientSecret,
        bodyEncoding: 'json',
        version: VERSION,
        device: TRAKT_DIALECT,
        runtime: { now: () => clock.now(), sleep: clock.sleep, fetch: harvestingFetch },
        tuning: { timeoutMs: 2000, maxRetries: 3, backoffBaseMs: 1000, backoffMaxMs: 8000, maxRetryAfterMs: 60_000 },
        onEvent: (event) => {
          events.push(event);
          observed.lines.push(JSON.stringify(event));
        },
        ...overrides,
      }),
    close: async () => {
      harvestSecrets(handle);
      await handle.close();
    },
  };
}

/** A progress recorder that also feeds the secret scan. */
export function recordProgress(target: DevicePollProgress[]): (progress: DevicePollProgress) => void {
  return (progress) => {
    target.push(progress);
    observed.lines.push(JSON.stringify(progress));
  };
}

/** Every string reachable from an error: message, stack, enumerable properties, the cause chain. */
export function textsOf(value: unknown, depth = 0): string[] {
  if (depth > 6 || value === null || value === undefined) return [];
  if (typeof value !== 'object') return [String(value)];
  // Duck-typed: errors from fetch live in another realm under jest, where instanceof Error fails.
  const { message, stack, cause } = value as { message?: unknown; stack?: unknown; cause?: unknown };
  const texts: string[] = [String(message ?? ''), String(stack ?? '')];
  for (const key of Object.keys(value)) texts.push(key, ...textsOf((value as Record<string, unknown>)[key], depth + 1));
  if (cause !== undefined && !Object.keys(value).includes('cause')) texts.push(...textsOf(cause, depth + 1));
  return texts;
}

/** Secrets found in `texts`, masked to their first characters for the failure message. */
export function leakedSecrets(texts: readonly string[], secrets: Iterable<string>): string[] {
  const haystack = texts.join('\n').toLowerCase();
  return [...secrets].filter((secret) => haystack.includes(secret.toLowerCase())).map((secret) => `${secret.slice(0, 3)}…(${secret.length} chars)`);
}

/**
 * The closing test of each end-to-end file: no error (message, properties, cause chain), event or
 * progress line produced in that file's runs contains a secret any mock saw or issued.
 */
export function itLeaksNoSecrets(): void {
  it('never puts a client id/secret, code, PIN, device code, verifier or token into errors, events or progress', () => {
    expect(observed.errors.length).toBeGreaterThan(0);
    expect(observed.secrets.size).toBeGreaterThan(0);
    const texts = [...observed.errors.flatMap((error) => textsOf(error)), ...observed.lines];
    expect(leakedSecrets(texts, observed.secrets)).toEqual([]);
  });
}
