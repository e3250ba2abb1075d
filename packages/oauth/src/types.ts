/** A `fetch` compatible function; the global one in production, any stand-in in tests. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Sleeps `ms` milliseconds; must reject (with anything) promptly when `signal` aborts. */
export type SleepLike = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Returns `size` cryptographically random bytes. */
export type RandomBytes = (size: number) => Uint8Array;

/** How request bodies are encoded: Trakt wants JSON, MyAnimeList wants a form. */
export type BodyEncoding = 'json' | 'form';

/** The IO the client needs, all injectable so tests control time and randomness. */
export interface OAuthRuntime {
  /** Defaults to the global `fetch`. */
  readonly fetch?: FetchLike;
  /** Milliseconds since the epoch. Defaults to `Date.now`. */
  readonly now?: () => number;
  /** Defaults to a timer-based sleep. */
  readonly sleep?: SleepLike;
  /** Defaults to `crypto.randomBytes`. */
  readonly randomBytes?: RandomBytes;
}

/** Retry and timeout tuning. The defaults suit an interactive CLI. */
export interface TransportTuning {
  /** Per-request timeout in ms (default 15000). */
  readonly timeoutMs?: number;
  /** Retries after the first attempt, for steps that are safe to repeat (default 3). */
  readonly maxRetries?: number;
  /** First backoff delay in ms; doubles each retry, with jitter (default 500). */
  readonly backoffBaseMs?: number;
  /** Longest backoff delay in ms (default 8000). */
  readonly backoffMaxMs?: number;
  /** Longest `Retry-After` we wait for; a longer one fails with `OAUTH_RATE_LIMITED` (default 60000). */
  readonly maxRetryAfterMs?: number;
}

/** The endpoints of one provider. Only the ones for the flows you call are needed. */
export interface OAuthEndpoints {
  /** Authorization page (authorization code flow). */
  readonly authorizeUrl?: string;
  /** Token endpoint (code exchange and refresh). */
  readonly tokenUrl?: string;
  /** Device authorization endpoint (RFC 8628 §3.1). */
  readonly deviceCodeUrl?: string;
  /** Device token endpoint that is polled (RFC 8628 §3.4); Trakt has its own path for it. */
  readonly deviceTokenUrl?: string;
  /** Token revocation endpoint. */
  readonly revokeUrl?: string;
}

/** Outcome of one device-token poll. */
export type DevicePollOutcome =
  | 'pending'
  | 'slow_down'
  | 'denied'
  | 'expired'
  | 'invalid'
  | 'already_used';

/**
 * How a provider's device flow differs from RFC 8628. The client knows no provider by name: every
 * quirk is set here. See {@link RFC8628_DEVICE_DIALECT} and the Trakt example in the README.
 */
export interface DeviceDialect {
  /** Body key that carries the device code when polling: RFC `device_code`, Trakt `code`. */
  readonly pollCodeKey: string;
  /** Response field naming the verification page: RFC `verification_uri`, Trakt `verification_url`. */
  readonly verificationField: string;
  /** `grant_type` sent when polling; RFC requires one, Trakt sends none (`undefined`). */
  readonly pollGrantType?: string;
  /**
   * Meaning of HTTP statuses when the answer carries no JSON `error` (Trakt: 400 pending, 429 slow
   * down, 404 invalid, 409 already used, 410 expired, 418 denied). A JSON `error` wins, except on 429,
   * which always means slow down.
   */
  readonly statusOutcomes?: Readonly<Partial<Record<number, DevicePollOutcome>>>;
  /** Seconds added to the interval on each slow-down (RFC 8628 §3.5: 5). */
  readonly slowDownStepSeconds?: number;
}

/** Static configuration of a client for one provider and one app. */
export interface OAuthClientOptions {
  readonly endpoints: OAuthEndpoints;
  readonly clientId: string;
  /** Omit for public clients. Sent in the request body (Trakt's auth host rejects HTTP Basic). */
  readonly clientSecret?: string;
  /** Request body encoding for every POST. */
  readonly bodyEncoding: BodyEncoding;
  /** Our version; requests send `User-Agent: pmm-config/<version>`. */
  readonly version: string;
  /** Extra headers for every request (never put secrets here: they are not redacted). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Device flow quirks; defaults to {@link RFC8628_DEVICE_DIALECT}. */
  readonly device?: DeviceDialect;
  readonly runtime?: OAuthRuntime;
  readonly tuning?: TransportTuning;
  /** Receives retry/backoff notices (for a spinner or `--debug`); never secrets. */
  readonly onEvent?: (event: OAuthEvent) => void;
}

/** A request step, named for events and error messages. */
export type OAuthStep = 'device_code' | 'device_token' | 'code_exchange' | 'refresh' | 'revoke' | 'request';

/** Something the transport did that a user may want to see. */
export type OAuthEvent =
  | {
      readonly type: 'retry';
      readonly step: OAuthStep;
      /** 1 for the first retry. */
      readonly attempt: number;
      readonly delayMs: number;
      /** Why: `network`, `timeout`, `server_error` (5xx) or `rate_limited` (429). */
      readonly reason: 'network' | 'timeout' | 'server_error' | 'rate_limited';
      readonly status?: number;
    };

/**
 * A token answer, wire field names kept so it can be written into config as is. Every field listed
 * as required has been checked to exist with the right type.
 */
export interface TokenResponse {
  readonly access_token: string;
  readonly token_type: string;
  /** Seconds from `created_at` (or from receipt, if absent). */
  readonly expires_in: number;
  /** Always the new one: refresh tokens may be single-use, store it right away. */
  readonly refresh_token: string;
  /** Present when the server sent it (Trakt does, MyAnimeList does not). */
  readonly scope?: string;
  /** Unix seconds; present when the server sent it (Trakt does, MyAnimeList does not). */
  readonly created_at?: number;
}

/** The device authorization answer, wire field names kept. */
export interface DeviceCodeResponse {
  /** Secret: used only for polling, never shown. */
  readonly device_code: string;
  /** Shown to the user. */
  readonly user_code: string;
  readonly expires_in: number;
  readonly interval: number;
  readonly verification_uri_complete?: string;
  /** Any other fields as received, e.g. `verification_url` or `verification_uri`. */
  readonly [field: string]: unknown;
}

/** A started device authorization: what to show the user and what polling needs. */
export interface DeviceAuthorization {
  readonly response: DeviceCodeResponse;
  /** The page the user opens, read from the dialect's verification field. */
  readonly verificationUrl: string;
  /** `verification_uri_complete` when the server sent one. */
  readonly verificationUrlComplete?: string;
  readonly userCode: string;
  /** Local deadline, ms since the epoch by the injected clock, from `expires_in`. */
  readonly expiresAt: number;
  /** Poll interval in seconds as the server asked. */
  readonly intervalSeconds: number;
}

/** Progress of a device poll, for a spinner. */
export interface DevicePollProgress {
  /** `waiting`: about to sleep before a poll; `slow_down`: the interval grew; `retry`: a poll failed transiently. */
  readonly type: 'waiting' | 'slow_down' | 'retry';
  /** Polls sent so far. */
  readonly polls: number;
  /** Seconds until the device code expires, rounded down, never negative. */
  readonly secondsLeft: number;
  readonly intervalSeconds: number;
}

/** Options for one device poll run. */
export interface DevicePollOptions {
  /** Cancels the poll; the promise then rejects with `OAUTH_ABORTED`. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DevicePollProgress) => void;
}

/** PKCE method: Trakt (2026) uses S256, MyAnimeList accepts only plain. */
export type PkceMethod = 'S256' | 'plain';

/** Input for building the authorization URL. */
export interface AuthorizationUrlOptions {
  /** E.g. `urn:ietf:wg:oauth:2.0:oob` (PIN) or `http://localhost/` (MyAnimeList). */
  readonly redirectUri?: string;
  readonly scope?: string;
  /** PKCE method, or `false` for none (default `S256`). */
  readonly pkce?: PkceMethod | false;
  /** Length of a generated code verifier, 43..128 (default 64). */
  readonly verifierLength?: number;
  /** Extra query parameters, e.g. `{ signup: 'true' }`. */
  readonly extraParams?: Readonly<Record<string, string>>;
}

/** A built authorization request. Keep `state` and `codeVerifier` until the exchange. */
export interface AuthorizationRequest {
  /** Open this in a browser. It carries the client id, which is as public as the app. */
  readonly url: string;
  readonly state: string;
  /** Secret: send it with the exchange, never show it. */
  readonly codeVerifier?: string;
  readonly codeChallengeMethod?: PkceMethod;
  readonly redirectUri?: string;
}

/** Input for exchanging an authorization code or PIN. */
export interface CodeExchangeOptions {
  readonly code: string;
  readonly redirectUri?: string;
  readonly codeVerifier?: string;
  readonly signal?: AbortSignal;
}

/** Input for a refresh. */
export interface RefreshOptions {
  readonly refreshToken: string;
  /** Trakt requires the app's redirect URI on refresh; MyAnimeList does not. */
  readonly redirectUri?: string;
  readonly signal?: AbortSignal;
}

/** Input for revocation. */
export interface RevokeOptions {
  readonly token: string;
  /** RFC 7009 `token_type_hint`; omitted when absent. */
  readonly tokenTypeHint?: 'access_token' | 'refresh_token';
  readonly signal?: AbortSignal;
}
