import type { MockClock } from '../http/clock';
import type { RequestLogEntry } from '../http/request-log';

/** Options of `startMalMock`. Every default follows `trakt-mal-oauth.md` §6. */
export interface MalMockOptions {
  /** Default: a random 32-hex id (the length MAL issues). */
  readonly clientId?: string;
  /** Default: a random 64-hex secret. */
  readonly clientSecret?: string;
  /** App Redirect URLs, compared exactly; the first is used when the client sends none (default `http://localhost/`). */
  readonly redirectUris?: readonly string[];
  /** Default: the wall clock. Share a `ManualClock` with the client to test TTLs without waiting. */
  readonly clock?: MockClock;
  /** Lifetime of an authorization code in seconds (default 600; MAL's real value is not documented). */
  readonly codeTtlSeconds?: number;
  /** Access token `expires_in` (default 2678400, the 31 days real responses carry). */
  readonly accessTokenTtlSeconds?: number;
  /** Refresh token lifetime in seconds (default 2678400: "one month" per MAL's docs). */
  readonly refreshTokenTtlSeconds?: number;
  /** Invalidate the old refresh and access tokens when a refresh token is used (default true). */
  readonly rotateRefreshTokens?: boolean;
  /** What the authorize page does: approve at once (default) or act as if the user clicked "Cancel". */
  readonly authorizeOutcome?: 'approve' | 'deny';
  /** `name` in `GET /v2/users/@me` (default `pmmtester`). */
  readonly username?: string;
  /** Port on 127.0.0.1 (default 0: a free one). */
  readonly port?: number;
  /** Called after every request is answered (the command-line mock prints it). */
  readonly onRequest?: (entry: RequestLogEntry) => void;
}
