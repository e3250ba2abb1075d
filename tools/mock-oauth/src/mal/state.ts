import { randomBytes, randomUUID } from 'node:crypto';
import type { MockClock } from '../http/clock';

/** An authorization code handed out by the authorize page. */
export interface MalCodeRecord {
  readonly code: string;
  readonly challenge: string;
  /** The `redirect_uri` the authorize request named, which the token request must repeat; undefined when it named none. */
  readonly redirectUri: string | undefined;
  readonly expiresAt: number;
  used: boolean;
}

/** An issued token pair. */
export interface MalTokenRecord {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly issuedAt: number;
  readonly accessExpiresAt: number;
  readonly refreshExpiresAt: number;
  revoked: boolean;
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Everything the MAL mock remembers. Pure bookkeeping; the routes decide what to answer. */
export class MalState {
  readonly codes = new Map<string, MalCodeRecord>();
  readonly tokens: MalTokenRecord[] = [];
  private readonly userId = 1_000_000 + Math.floor(Math.random() * 1_000_000);

  constructor(
    private readonly clock: MockClock,
    private readonly clientId: string,
  ) {}

  /** A new authorization code (MAL's are long opaque strings). */
  issueCode(challenge: string, redirectUri: string | undefined, ttlSeconds: number): MalCodeRecord {
    const record: MalCodeRecord = {
      code: `def502${randomBytes(160).toString('hex')}`,
      challenge,
      redirectUri,
      expiresAt: this.clock.now() + ttlSeconds * 1000,
      used: false,
    };
    this.codes.set(record.code, record);
    return record;
  }

  /**
   * A new token pair. The access token is shaped like MAL's: a JWT whose payload carries `aud` (the client id),
   * `iat`, `nbf`, `exp` and `sub`; the signature is random because nothing verifies it offline.
   */
  issueTokens(accessTtlSeconds: number, refreshTtlSeconds: number): MalTokenRecord {
    const now = Math.floor(this.clock.now() / 1000);
    const header = base64url({ typ: 'JWT', alg: 'RS256', jti: randomBytes(20).toString('hex') });
    const payload = base64url({ aud: this.clientId, jti: randomUUID(), iat: now, nbf: now, exp: now + accessTtlSeconds, sub: String(this.userId), scopes: [] });
    const record: MalTokenRecord = {
      accessToken: `${header}.${payload}.${randomBytes(256).toString('base64url')}`,
      refreshToken: `def502${randomBytes(350).toString('hex')}`,
      issuedAt: now,
      accessExpiresAt: (now + accessTtlSeconds) * 1000,
      refreshExpiresAt: (now + refreshTtlSeconds) * 1000,
      revoked: false,
    };
    this.tokens.push(record);
    return record;
  }

  /** The live record for an access token, if it is valid now. */
  validAccessToken(accessToken: string): MalTokenRecord | undefined {
    const record = this.tokens.find((candidate) => candidate.accessToken === accessToken);
    return record && !record.revoked && this.clock.now() < record.accessExpiresAt ? record : undefined;
  }

  /** The record holding this refresh token, whatever its state. */
  findRefreshToken(refreshToken: string): MalTokenRecord | undefined {
    return this.tokens.find((candidate) => candidate.refreshToken === refreshToken);
  }

  /** The user id behind every token of this mock. */
  get user(): number {
    return this.userId;
  }
}
