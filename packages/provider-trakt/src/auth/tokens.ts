import type { TokenResponse } from '@pmm-config/oauth';
import { describeExpiry } from '@pmm-config/plugin';
import type { AuthOutcome, SectionUpdate } from '@pmm-config/plugin';
import { isMapping } from '../rules/values';

/** The stored `trakt.authorization` values the flows need. */
export interface StoredAuthorization {
  readonly accessToken?: string;
  readonly refreshToken?: string;
  readonly expiresAt?: Date;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Reads the stored block from the config section, ignoring blanks. */
export function storedAuthorization(section: unknown): StoredAuthorization {
  const block = isMapping(section) && isMapping(section['authorization']) ? section['authorization'] : {};
  const createdAt = block['created_at'];
  const expiresIn = block['expires_in'];
  const expiry = typeof createdAt === 'number' && typeof expiresIn === 'number' ? new Date((createdAt + expiresIn) * 1000) : undefined;
  const accessToken = text(block['access_token']);
  const refreshToken = text(block['refresh_token']);
  return {
    ...(accessToken ? { accessToken } : {}),
    ...(refreshToken ? { refreshToken } : {}),
    ...(expiry && !Number.isNaN(expiry.getTime()) ? { expiresAt: expiry } : {}),
  };
}

/** When a token answer expires: `created_at` (or now, when Trakt left it out) plus `expires_in`. */
export function tokenExpiry(tokens: TokenResponse, nowMs: number): Date {
  const createdAt = tokens.created_at ?? Math.floor(nowMs / 1000);
  return new Date((createdAt + tokens.expires_in) * 1000);
}

/** The six keys Kometa reads, in its order, and the spent `pin` blanked. */
export function authorizationUpdate(tokens: TokenResponse, nowMs: number): SectionUpdate {
  return {
    authorization: [
      ['access_token', tokens.access_token],
      ['token_type', tokens.token_type],
      ['expires_in', tokens.expires_in],
      ['refresh_token', tokens.refresh_token],
      ['scope', tokens.scope ?? null],
      ['created_at', tokens.created_at ?? Math.floor(nowMs / 1000)],
    ],
    blank: ['pin'],
  };
}

/** A revoked token is useless: keep the keys so Kometa's layout stays, but blank every value. */
export const CLEARED_AUTHORIZATION: SectionUpdate = {
  authorization: [
    ['access_token', null],
    ['token_type', null],
    ['expires_in', null],
    ['refresh_token', null],
    ['scope', null],
    ['created_at', null],
  ],
};

/** A successful new-token outcome naming the account. */
export function authorizedOutcome(verb: string, username: string, tokens: TokenResponse, nowMs: number): AuthOutcome {
  const expiresAt = tokenExpiry(tokens, nowMs);
  return {
    ok: true,
    summary: `${verb} Trakt account ${username}; the token is ${describeExpiry(expiresAt, nowMs)}`,
    account: username,
    expiresAt,
    update: authorizationUpdate(tokens, nowMs),
  };
}
