import type { MockClock } from '../http/clock';
import { cloudflarePage, type MockReply, type MockRequest } from '../http/reply';
import type { SettingsOutcome, TraktErrorStyle } from './options';
import type { TraktState } from './state';

/** The mock's live configuration; the handle changes it between requests. */
export interface TraktConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
  errorStyle: TraktErrorStyle;
  deviceErrorBodies: boolean;
  codeTtlSeconds: number;
  deviceExpiresIn: number;
  deviceInterval: number;
  enforceInterval: boolean;
  autoApproveAfterPolls: number | undefined;
  accessTokenTtlSeconds: number;
  tokenType: string;
  scope: string;
  requirePkce: boolean;
  verificationUrl: string;
  settingsOutcome: SettingsOutcome;
  username: string;
  /** What the simulated user does on the authorize page. */
  authorizeOutcome: 'approve' | 'deny';
  /** Applied to the next device code created, then cleared. */
  nextDeviceScript: { readonly afterPolls: number; readonly outcome: 'approve' | 'deny' | 'expire' } | undefined;
}

/** What every route gets. */
export interface TraktContext {
  readonly config: TraktConfig;
  readonly state: TraktState;
  readonly clock: MockClock;
  /** The mock's own origin, for the links it hands out. */
  readonly baseUrl: () => string;
}

/**
 * Checks Trakt (and its Cloudflare front) make of every request: a non-empty User-Agent (else the
 * Cloudflare block page) and, for requests with a body or to the API, `Content-Type:
 * application/json` (else 412).
 */
export function checkCommonHeaders(request: MockRequest, requireContentType: boolean): MockReply | undefined {
  const agent = request.headers['user-agent'];
  if (agent === undefined || agent.trim() === '') return cloudflarePage(403);
  if (requireContentType && !(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    return { status: 412, headers: { 'Content-Type': 'text/plain' }, body: 'Precondition Failed: Content-Type must be application/json' };
  }
  return undefined;
}

/** A body field as a non-empty string, or `undefined`. */
export function field(request: MockRequest, key: string): string | undefined {
  const value = request.body?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
