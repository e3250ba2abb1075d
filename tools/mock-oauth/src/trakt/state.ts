import { randomBytes } from 'node:crypto';
import type { MockClock } from '../http/clock';

/** A PIN / authorization code. */
export interface AuthCodeRecord {
  readonly code: string;
  readonly redirectUri: string;
  readonly challenge?: string;
  readonly challengeMethod?: 'S256' | 'plain';
  readonly expiresAt: number;
  used: boolean;
}

/** Where a device code stands. */
export type DeviceStatus = 'pending' | 'approved' | 'denied' | 'expired' | 'used';

/** A device code. */
export interface DeviceCodeRecord {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  status: DeviceStatus;
  polls: number;
  lastPollAt?: number;
  /** Scripted ending: applied once `polls` reaches `afterPolls`. */
  script?: { readonly afterPolls: number; readonly outcome: 'approve' | 'deny' | 'expire' };
}

/** An issued token pair. */
export interface TokenRecord {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly createdAt: number;
  readonly expiresIn: number;
  refreshUsed: boolean;
  revoked: boolean;
}

/** Everything the mock remembers. Pure bookkeeping; the routes decide what to answer. */
export class TraktState {
  readonly codes = new Map<string, AuthCodeRecord>();
  readonly devices = new Map<string, DeviceCodeRecord>();
  readonly tokens: TokenRecord[] = [];

  constructor(private readonly clock: MockClock) {}

  /** A new PIN: 8 upper-case hex characters, like the ones Trakt shows. */
  issueCode(input: Omit<AuthCodeRecord, 'code' | 'used' | 'expiresAt'>, ttlSeconds: number): AuthCodeRecord {
    const record: AuthCodeRecord = { ...input, code: hex(4).toUpperCase(), expiresAt: this.clock.now() + ttlSeconds * 1000, used: false };
    this.codes.set(record.code, record);
    return record;
  }

  /** Looks a PIN up case-insensitively (Trakt shows upper case, URLs carry lower case). */
  findCode(code: string): AuthCodeRecord | undefined {
    return this.codes.get(code.toUpperCase());
  }

  /** A new device code pair. */
  issueDeviceCode(expiresIn: number): DeviceCodeRecord {
    const now = this.clock.now();
    const record: DeviceCodeRecord = {
      deviceCode: hex(32),
      userCode: hex(4).toUpperCase(),
      createdAt: now,
      expiresAt: now + expiresIn * 1000,
      status: 'pending',
      polls: 0,
    };
    this.devices.set(record.deviceCode, record);
    return record;
  }

  /** Finds a device code by the user code shown to the user. */
  findDeviceByUserCode(userCode: string): DeviceCodeRecord | undefined {
    for (const record of this.devices.values()) if (record.userCode === userCode.toUpperCase()) return record;
    return undefined;
  }

  /** A new token pair. */
  issueTokens(expiresIn: number): TokenRecord {
    const record: TokenRecord = {
      accessToken: hex(32),
      refreshToken: hex(32),
      createdAt: Math.floor(this.clock.now() / 1000),
      expiresIn,
      refreshUsed: false,
      revoked: false,
    };
    this.tokens.push(record);
    return record;
  }

  /** The live record for an access token, if it is valid now. */
  validAccessToken(accessToken: string): TokenRecord | undefined {
    const record = this.tokens.find((candidate) => candidate.accessToken === accessToken);
    if (record === undefined || record.revoked) return undefined;
    return this.clock.now() < (record.createdAt + record.expiresIn) * 1000 ? record : undefined;
  }
}

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}
