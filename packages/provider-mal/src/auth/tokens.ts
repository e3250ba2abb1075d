import type { TokenResponse } from '@pmm-config/oauth';
import { describeExpiry } from '@pmm-config/plugin';
import type { AuthOutcome, SectionUpdate } from '@pmm-config/plugin';
import { isBlank, isMap } from '../lint/values';
import { readJwtTimes } from '../token/jwt';

/** The stored `mal.authorization` values the flows need. */
export interface StoredAuthorization {
  readonly accessToken?: string;
  readonly refreshToken?: string;
  /** From the access token's JWT `exp`; MAL stores no `created_at`. */
  readonly expiresAt?: Date;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && !isBlank(value) ? value.trim() : undefined;
}

/** When an access token expires, read from its JWT `exp` claim. */
export function jwtExpiry(accessToken: string): Date | undefined {
  const expiresAt = readJwtTimes(accessToken)?.expiresAt;
  return expiresAt === undefined ? undefined : new Date(expiresAt * 1000);
}

/** Reads the stored block from the config section, ignoring blanks. */
export function storedAuthorization(section: unknown): StoredAuthorization {
  const block = isMap(section) && isMap(section['authorization']) ? section['authorization'] : {};
  const accessToken = text(block['access_token']);
  const refreshToken = text(block['refresh_token']);
  const expiresAt = accessToken ? jwtExpiry(accessToken) : undefined;
  return { ...(accessToken ? { accessToken } : {}), ...(refreshToken ? { refreshToken } : {}), ...(expiresAt ? { expiresAt } : {}) };
}

/** The four keys Kometa writes under `mal.authorization`, in its order; a spent `localhost_url` code is blanked. */
export function authorizationUpdate(tokens: TokenResponse, blankLocalhostUrl: boolean): SectionUpdate {
  return {
    authorization: [
      ['access_token', tokens.access_token],
      ['token_type', tokens.token_type],
      ['expires_in', tokens.expires_in],
      ['refresh_token', tokens.refresh_token],
    ],
    ...(blankLocalhostUrl ? { blank: ['localhost_url'] } : {}),
  };
}

/** When a new token expires: its JWT `exp`, else now plus `expires_in`. */
export function tokenExpiry(tokens: TokenResponse, nowMs: number): Date {
  return jwtExpiry(tokens.access_token) ?? new Date(nowMs + tokens.expires_in * 1000);
}

/** A successful new-token outcome naming the account. */
export function authorizedOutcome(verb: string, username: string, tokens: TokenResponse, nowMs: number, blankLocalhostUrl: boolean): AuthOutcome {
  const expiresAt = tokenExpiry(tokens, nowMs);
  return {
    ok: true,
    summary: `${verb} MyAnimeList account ${username}; the token is ${describeExpiry(expiresAt, nowMs)}`,
    account: username,
    expiresAt,
    update: authorizationUpdate(tokens, blankLocalhostUrl),
  };
}
