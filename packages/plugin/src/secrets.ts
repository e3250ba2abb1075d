/**
 * Keys whose values are credentials. Matching is on the last key segment, case-insensitive, so
 * `trakt.authorization.access_token`, `plex.token` and `anidb.password` are all covered.
 */
const SECRET_KEYS: ReadonlySet<string> = new Set([
  'access_token',
  'apikey',
  'api_key',
  'client_id',
  'client_secret',
  'code',
  'code_verifier',
  'device_code',
  'localhost_url',
  'password',
  'pin',
  'refresh_token',
  'token',
]);

/** Whether the value stored under this key must never be printed. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase());
}

/**
 * A printable stand-in for a secret: its length class only, never any of its characters, so that
 * two different tokens cannot be told apart from output and nothing can be brute-forced from it.
 */
export function maskSecret(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(blank)';
  return '********';
}
