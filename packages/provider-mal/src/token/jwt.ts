/** The time claims of a JWT access token, in Unix seconds. */
export interface JwtTimes {
  readonly issuedAt?: number;
  readonly expiresAt?: number;
}

function decodeSegment(segment: string): unknown {
  const json = Buffer.from(segment.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  return JSON.parse(json);
}

/**
 * Reads `iat` and `exp` from a JWT without verifying it. MyAnimeList access tokens are JWTs, which is the only
 * way to tell a MAL token's age: Kometa stores no `created_at`. Returns `undefined` for anything that is not a
 * JWT with numeric time claims.
 */
export function readJwtTimes(token: string): JwtTimes | undefined {
  const parts = token.trim().split('.');
  const body = parts[1];
  if (parts.length !== 3 || body === undefined || !/^[A-Za-z0-9_-]+$/.test(body)) return undefined;
  try {
    const payload = decodeSegment(body);
    if (typeof payload !== 'object' || payload === null) return undefined;
    const { iat, exp } = payload as Record<string, unknown>;
    const times: JwtTimes = {
      ...(typeof iat === 'number' ? { issuedAt: iat } : {}),
      ...(typeof exp === 'number' ? { expiresAt: exp } : {}),
    };
    return times.expiresAt === undefined && times.issuedAt === undefined ? undefined : times;
  } catch {
    return undefined;
  }
}
