/** Escapes one reference token of an RFC 6901 JSON Pointer. */
function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds an RFC 6901 pointer from raw path segments: `pointer('libraries', 'A/B')` is `/libraries/A~1B`. */
export function pointer(...segments: readonly (string | number)[]): string {
  return segments.map((segment) => `/${escapeToken(segment)}`).join('');
}
