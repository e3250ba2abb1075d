/**
 * Stable error codes. Callers branch on these, never on message text, so they never change meaning.
 */
export const OAuthErrorCode = {
  /** The code, PIN or refresh token was rejected: invalid, expired, already used or revoked. */
  InvalidGrant: 'OAUTH_INVALID_GRANT',
  /** The client id or secret was rejected (wrong secret, deleted app). */
  InvalidClient: 'OAUTH_INVALID_CLIENT',
  /** The server says the request was malformed (missing parameter, redirect URI mismatch). */
  InvalidRequest: 'OAUTH_INVALID_REQUEST',
  /** Any other OAuth `error` value (e.g. `unsupported_grant_type`, `invalid_scope`). */
  ProviderError: 'OAUTH_PROVIDER_ERROR',
  /** The user refused the authorization. */
  AccessDenied: 'OAUTH_ACCESS_DENIED',
  /** The server says the device code expired. */
  DeviceExpired: 'OAUTH_DEVICE_EXPIRED',
  /** The local `expires_in` deadline of a device code passed without an approval. */
  DeviceDeadline: 'OAUTH_DEVICE_DEADLINE',
  /** The server does not know the device code. */
  DeviceInvalid: 'OAUTH_DEVICE_INVALID',
  /** The device code was already approved and exchanged. */
  DeviceAlreadyUsed: 'OAUTH_DEVICE_ALREADY_USED',
  /** 429, with no `Retry-After` we are willing to wait for, or still 429 after the retries. */
  RateLimited: 'OAUTH_RATE_LIMITED',
  /** 403 with an HTML body: a CDN/WAF (Cloudflare) blocked the request before it reached the API. */
  Blocked: 'OAUTH_BLOCKED',
  /** 5xx that outlasted the retries, or on a step that must not be retried. */
  ServerError: 'OAUTH_SERVER_ERROR',
  /** Any other unexpected HTTP status. */
  HttpError: 'OAUTH_HTTP_ERROR',
  /** The connection failed or was dropped. */
  Network: 'OAUTH_NETWORK',
  /** A request did not answer within the per-request timeout. */
  Timeout: 'OAUTH_TIMEOUT',
  /** The caller's AbortSignal fired. */
  Aborted: 'OAUTH_ABORTED',
  /** The server answered 2xx with a body that is not what the protocol promises. */
  BadResponse: 'OAUTH_BAD_RESPONSE',
  /** A pasted redirect URL carries a `state` other than the one we sent. */
  StateMismatch: 'OAUTH_STATE_MISMATCH',
  /** A pasted redirect URL is not a URL or carries no `code`. */
  InvalidRedirect: 'OAUTH_INVALID_REDIRECT',
  /** The caller passed options that cannot work (e.g. a flow without its endpoint). */
  InvalidOptions: 'OAUTH_INVALID_OPTIONS',
} as const;

/** One of the {@link OAuthErrorCode} values. */
export type OAuthErrorCode = (typeof OAuthErrorCode)[keyof typeof OAuthErrorCode];

/** Everything an {@link OAuthError} can carry besides its code and message. */
export interface OAuthErrorDetails {
  /** HTTP status of the answer that caused the error, if there was one. */
  readonly status?: number;
  /** The server's OAuth `error` value, if it sent one. */
  readonly error?: string;
  /** The server's `error_description` (or MAL's `message`), if it sent one. */
  readonly errorDescription?: string;
  /** MyAnimeList's `hint`, the specific reason behind its generic `message`, if it sent one. */
  readonly errorHint?: string;
  /** Milliseconds the server asked us to wait (`Retry-After`), for rate limits. */
  readonly retryAfterMs?: number;
  /**
   * True when a single-use grant (code, PIN, refresh token, approved device code) may have been
   * consumed by the server although we never saw its answer: do not reuse it, start over.
   */
  readonly grantMayBeConsumed?: boolean;
  readonly cause?: unknown;
}

/**
 * The only error type this package throws. Messages and properties never contain secrets: server
 * texts are scrubbed of every secret the client knows before they are stored.
 */
export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  readonly code: OAuthErrorCode;
  readonly status?: number;
  readonly error?: string;
  readonly errorDescription?: string;
  readonly errorHint?: string;
  readonly retryAfterMs?: number;
  readonly grantMayBeConsumed: boolean;

  constructor(code: OAuthErrorCode, message: string, details: OAuthErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.status !== undefined) this.status = details.status;
    if (details.error !== undefined) this.error = details.error;
    if (details.errorDescription !== undefined) this.errorDescription = details.errorDescription;
    if (details.errorHint !== undefined) this.errorHint = details.errorHint;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    this.grantMayBeConsumed = details.grantMayBeConsumed ?? false;
  }
}

/** Narrowing helper that survives duplicate module copies (checks the shape, not the prototype). */
export function isOAuthError(value: unknown): value is OAuthError {
  return (
    value instanceof Error &&
    value.name === 'OAuthError' &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}
