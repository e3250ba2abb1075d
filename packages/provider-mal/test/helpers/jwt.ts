function segment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A JWT-shaped token with the given claims, like the access tokens MyAnimeList issues (unsigned: nobody verifies it here). */
export function makeJwt(claims: Record<string, unknown>): string {
  return `${segment({ typ: 'JWT', alg: 'RS256' })}.${segment(claims)}.${Buffer.from('signature').toString('base64url')}`;
}
