import { setTimeout as delay } from 'node:timers/promises';
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { OAuthError, OAuthErrorCode } from './errors';
import { randomUnit } from './random';
import { Redactor } from './redactor';
import { parseRetryAfter } from './retry-after';
import type {
  BodyEncoding,
  FetchLike,
  OAuthEvent,
  OAuthRuntime,
  OAuthStep,
  RandomBytes,
  SleepLike,
  TransportTuning,
} from './types';

/**
 * What may be repeated after a failure whose outcome is unknown:
 * - `idempotent`: repeat on network errors, timeouts, 5xx and 429;
 * - `consumable`: the request spends a single-use grant, so only repeat when the server provably did
 *   not process it (429, or a connection that was never established).
 */
export type RetryPolicy = 'idempotent' | 'consumable';

/** One HTTP request as the flows describe it. */
export interface HttpRequest {
  readonly step: OAuthStep;
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Encoded per `encoding`; `undefined` values are left out. */
  readonly body?: Readonly<Record<string, string | undefined>>;
  readonly encoding?: BodyEncoding;
  readonly signal?: AbortSignal;
}

/** A fully read answer. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

const DEFAULTS: Required<TransportTuning> = {
  timeoutMs: 15_000,
  maxRetries: 3,
  backoffBaseMs: 500,
  backoffMaxMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/** Error codes of a connect that never reached the server, so nothing can have been consumed. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Options of {@link HttpTransport}. */
export interface HttpTransportOptions {
  /** Sent as `User-Agent: pmm-config/<version>`. */
  readonly version: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly runtime?: OAuthRuntime;
  readonly tuning?: TransportTuning;
  readonly onEvent?: (event: OAuthEvent) => void;
  /** Shared with the client so server texts are scrubbed of every secret it has seen. */
  readonly redactor?: Redactor;
}

/**
 * HTTP with a timeout per request, a User-Agent, retries with jittered backoff and `Retry-After`.
 * Exported so providers can call their own API (e.g. Trakt's `/users/settings`) the same way.
 */
export class HttpTransport {
  readonly now: () => number;
  readonly sleep: SleepLike;
  readonly randomBytes: RandomBytes;
  readonly redactor: Redactor;
  private readonly fetch: FetchLike;
  private readonly tuning: Required<TransportTuning>;
  private readonly baseHeaders: Readonly<Record<string, string>>;
  private readonly onEvent: (event: OAuthEvent) => void;

  constructor(options: HttpTransportOptions) {
    const runtime = options.runtime ?? {};
    this.fetch = runtime.fetch ?? ((input, init) => fetch(input, init));
    this.now = runtime.now ?? Date.now;
    this.sleep = runtime.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }));
    this.randomBytes = runtime.randomBytes ?? ((size) => nodeRandomBytes(size));
    this.tuning = { ...DEFAULTS, ...stripUndefined(options.tuning ?? {}) };
    this.baseHeaders = { ...options.headers, 'User-Agent': `pmm-config/${options.version}` };
    this.onEvent = options.onEvent ?? (() => undefined);
    this.redactor = options.redactor ?? new Redactor();
  }

  /**
   * Sends `request`, retrying as `policy` allows, and returns the first answer that is not a
   * retryable failure. 403-with-HTML and 429/5xx that outlast the retries become {@link OAuthError}s;
   * every other status is returned for the caller to interpret.
   */
  async request(request: HttpRequest, policy: RetryPolicy): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      const canRetry = attempt < this.tuning.maxRetries;
      let response: HttpResponse;
      try {
        response = await this.send(request);
      } catch (error) {
        const failure = error as OAuthError;
        const safe = policy === 'idempotent' || neverConnected(failure.cause);
        if (failure.code === OAuthErrorCode.Aborted || !safe || !canRetry) {
          throw safe ? failure : markConsumed(failure, request.step);
        }
        const reason = failure.code === OAuthErrorCode.Timeout ? 'timeout' : 'network';
        await this.backoff(request, attempt + 1, reason, undefined, undefined);
        continue;
      }
      if (response.status === 429) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.now());
        if (!canRetry || (retryAfterMs !== undefined && retryAfterMs > this.tuning.maxRetryAfterMs)) {
          throw rateLimited(request.step, response, retryAfterMs);
        }
        await this.backoff(request, attempt + 1, 'rate_limited', response.status, retryAfterMs);
        continue;
      }
      if (response.status === 403 && looksLikeHtml(response)) throw blocked(request.step, response);
      if (response.status >= 500) {
        if (policy === 'consumable') {
          throw new OAuthError(
            OAuthErrorCode.ServerError,
            `${stepLabel(request.step)} failed with HTTP ${response.status}; the server may already have used up the grant, so it was not re-sent: start the authorization again`,
            { status: response.status, grantMayBeConsumed: true },
          );
        }
        if (!canRetry) {
          throw new OAuthError(
            OAuthErrorCode.ServerError,
            `${stepLabel(request.step)} failed with HTTP ${response.status} after ${attempt + 1} attempts`,
            { status: response.status },
          );
        }
        // A 503 may say when to come back; a longer wait than we allow falls back to our backoff.
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.now());
        const hinted = retryAfterMs !== undefined && retryAfterMs <= this.tuning.maxRetryAfterMs ? retryAfterMs : undefined;
        await this.backoff(request, attempt + 1, 'server_error', response.status, hinted);
        continue;
      }
      return response;
    }
  }

  /** One attempt: no retries, timeout and abort mapped to {@link OAuthError}. */
  async send(request: HttpRequest): Promise<HttpResponse> {
    throwIfAborted(request.signal);
    const timeout = AbortSignal.timeout(this.tuning.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    const headers: Record<string, string> = { Accept: 'application/json', ...this.baseHeaders, ...request.headers };
    let body: string | undefined;
    if (request.body !== undefined) {
      const encoding = request.encoding ?? 'json';
      body = encodeBody(request.body, encoding);
      headers['Content-Type'] =
        encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
    }
    try {
      const response = await this.fetch(request.url, { method: request.method, headers, body, signal, redirect: 'manual' });
      const text = await response.text();
      return { status: response.status, headers: response.headers, text };
    } catch (error) {
      if (request.signal?.aborted) {
        throw new OAuthError(OAuthErrorCode.Aborted, `${stepLabel(request.step)} was cancelled`, { cause: error });
      }
      if (timeout.aborted) {
        throw new OAuthError(
          OAuthErrorCode.Timeout,
          `${stepLabel(request.step)} got no answer within ${this.tuning.timeoutMs} ms`,
          { cause: error },
        );
      }
      throw new OAuthError(
        OAuthErrorCode.Network,
        `${stepLabel(request.step)} failed: could not reach ${originOf(request.url)} (${networkReason(error)})`,
        { cause: error },
      );
    }
  }

  /** Jittered exponential delay for retry number `attempt` (1-based), in ms. */
  backoffDelay(attempt: number): number {
    const ceiling = Math.min(this.tuning.backoffMaxMs, this.tuning.backoffBaseMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (ceiling / 2) * randomUnit(this.randomBytes));
  }

  private async backoff(
    request: HttpRequest,
    attempt: number,
    reason: 'network' | 'timeout' | 'server_error' | 'rate_limited',
    status: number | undefined,
    retryAfterMs: number | undefined,
  ): Promise<void> {
    const delayMs = retryAfterMs ?? this.backoffDelay(attempt);
    this.onEvent({ type: 'retry', step: request.step, attempt, delayMs, reason, ...(status === undefined ? {} : { status }) });
    await abortableSleep(this.sleep, delayMs, request.signal, request.step);
  }
}

/** Sleeps through the injected sleep, turning an abort into `OAUTH_ABORTED`. */
export async function abortableSleep(sleep: SleepLike, ms: number, signal: AbortSignal | undefined, step: OAuthStep): Promise<void> {
  throwIfAborted(signal, step);
  try {
    await sleep(ms, signal);
  } catch (error) {
    throw new OAuthError(OAuthErrorCode.Aborted, `${stepLabel(step)} was cancelled`, { cause: error });
  }
  throwIfAborted(signal, step);
}

/** A human name for a step, used at the start of messages. */
export function stepLabel(step: OAuthStep): string {
  switch (step) {
    case 'device_code':
      return 'Requesting a device code';
    case 'device_token':
      return 'Polling for the device authorization';
    case 'code_exchange':
      return 'Exchanging the authorization code';
    case 'refresh':
      return 'Refreshing the token';
    case 'revoke':
      return 'Revoking the token';
    case 'request':
      return 'The request';
  }
}

function throwIfAborted(signal: AbortSignal | undefined, step: OAuthStep = 'request'): void {
  if (signal?.aborted) {
    throw new OAuthError(OAuthErrorCode.Aborted, `${stepLabel(step)} was cancelled`, { cause: signal.reason });
  }
}

function encodeBody(body: Readonly<Record<string, string | undefined>>, encoding: BodyEncoding): string {
  const entries = Object.entries(body).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return encoding === 'json' ? JSON.stringify(Object.fromEntries(entries)) : new URLSearchParams(entries).toString();
}

function neverConnected(cause: unknown): boolean {
  return errorCodes(cause).some((code) => NOT_CONNECTED.has(code));
}

function networkReason(error: unknown): string {
  return errorCodes(error).find((code) => /^E[A-Z_]+$/.test(code)) ?? 'connection failed';
}

/**
 * The `code`s along a cause chain. Duck-typed on purpose: fetch's errors can come from another
 * realm (e.g. under jest), where `instanceof Error` is false.
 */
function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 5; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') codes.push(code);
    current = cause;
  }
  return codes;
}

function markConsumed(failure: OAuthError, step: OAuthStep): OAuthError {
  return new OAuthError(
    failure.code,
    `${failure.message}; the server may already have used up the grant, so it was not re-sent: start the ${step === 'refresh' ? 'authorization again if the stored refresh token is now rejected' : 'authorization again'}`,
    { grantMayBeConsumed: true, cause: failure },
  );
}

function rateLimited(step: OAuthStep, response: HttpResponse, retryAfterMs: number | undefined): OAuthError {
  const wait = retryAfterMs === undefined ? '' : `; the server asks to wait ${Math.ceil(retryAfterMs / 1000)} s`;
  const edge = looksLikeHtml(response) ? ' by the CDN in front of the server' : '';
  return new OAuthError(OAuthErrorCode.RateLimited, `${stepLabel(step)} was rate limited (HTTP 429)${edge}${wait}`, {
    status: 429,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

function blocked(step: OAuthStep, response: HttpResponse): OAuthError {
  return new OAuthError(
    OAuthErrorCode.Blocked,
    `${stepLabel(step)} was blocked (HTTP 403 with an HTML page, typically Cloudflare): check the client id, the app still exists, and try again later`,
    { status: response.status },
  );
}

/** Whether an answer is an HTML page rather than an API body (CDN error pages). */
export function looksLikeHtml(response: HttpResponse): boolean {
  const type = response.headers.get('content-type') ?? '';
  return type.includes('text/html') || /^\s*<(!doctype|html)/i.test(response.text);
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the server';
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
