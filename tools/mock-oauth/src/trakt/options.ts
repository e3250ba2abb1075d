import type { MockClock } from '../http/clock';
import type { RequestLogEntry } from '../http/request-log';

/** How `/oauth/token` and friends report errors: before or after Trakt's July 2026 auth migration. */
export type TraktErrorStyle = 'legacy' | '2026';

/** What `GET /users/settings` answers for a valid token. */
export type SettingsOutcome = 200 | 401 | 410 | 423;

/** Options of `startTraktMock`. Every default follows `trakt-mal-oauth.md`. */
export interface TraktMockOptions {
  /** Default: a random 64-hex id. */
  readonly clientId?: string;
  /** Default: a random 64-hex secret. */
  readonly clientSecret?: string;
  /** Redirect URIs registered on the app, compared exactly (default: the OOB URN). */
  readonly redirectUris?: readonly string[];
  /** Default: the wall clock. Share a `ManualClock` with the client to test TTLs without waiting. */
  readonly clock?: MockClock;
  /** Default `2026`: 400 + JSON. `legacy`: 401 + `WWW-Authenticate` for grant/client errors. */
  readonly errorStyle?: TraktErrorStyle;
  /** Also put RFC 8628 JSON `error` values in device-poll answers (UNCONFIRMED on real Trakt; default false). */
  readonly deviceErrorBodies?: boolean;
  /** Lifetime of PINs and authorization codes in seconds (default 600). */
  readonly codeTtlSeconds?: number;
  /** Device code `expires_in` (default 600). */
  readonly deviceExpiresIn?: number;
  /** Device code `interval` (default 5). */
  readonly deviceInterval?: number;
  /** Answer 429 to a poll sooner than `interval` after the previous one or the code's creation (default true). */
  readonly enforceInterval?: boolean;
  /** Approve every new device code after this many polls (default: never by itself). */
  readonly autoApproveAfterPolls?: number;
  /** Access token `expires_in` (default 604800, the documented 7 days). */
  readonly accessTokenTtlSeconds?: number;
  /** `token_type` (default `bearer` as in the docs; real configs show `Bearer`). */
  readonly tokenType?: string;
  /** `scope` in token answers (default `public`). */
  readonly scope?: string;
  /** Require PKCE on the authorize page like post-migration Trakt (default true). */
  readonly requirePkce?: boolean;
  /** `verification_url` in device code answers (default `<mock url>/activate`). */
  readonly verificationUrl?: string;
  /** Initial `/users/settings` outcome (default 200). */
  readonly settingsOutcome?: SettingsOutcome;
  /** Username in `/users/settings` (default `pmmtester`). */
  readonly username?: string;
  /** Port on 127.0.0.1 (default 0: a free one). */
  readonly port?: number;
  /** Called after each request is answered (the command-line mock prints a masked line). */
  readonly onRequest?: (entry: RequestLogEntry) => void;
}
