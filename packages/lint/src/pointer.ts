/** RFC 6901 helpers. Pointers are the stable address of a node in both the data and the source map. */
import { isSecretKey, parsePointer } from '@pmm-config/plugin';

export { parsePointer, resolvePointer } from '@pmm-config/plugin';

/** Escapes one reference token (`~` -> `~0`, `/` -> `~1`). */
export function escapeToken(token: string | number): string {
  const text = String(token);
  // Most tokens need no escaping; skipping the two replaces matters when every key of a config is escaped.
  return text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text;
}

/** The pointer of the parent node; the root's parent is the root. */
export function parentPointer(pointer: string): string {
  const cut = pointer.lastIndexOf('/');
  return cut <= 0 ? '' : pointer.slice(0, cut);
}

/** The last unescaped token, or `''` for the root. */
export function lastToken(pointer: string): string {
  const tokens = parsePointer(pointer);
  return tokens.length === 0 ? '' : tokens[tokens.length - 1];
}

/** Whether `pointer` is `ancestor` or lies below it. */
export function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(ancestor + '/');
}


/**
 * The pointer cut just after its first secret key (`/tmdb/apikey/…` -> `/tmdb/apikey`). Below a secret key
 * nothing is the user's structure: a parse error can turn part of the secret value into a "key", and a
 * pointer is printed verbatim by every formatter.
 */
export function secretSafePointer(pointer: string): string {
  if (!pointer.startsWith('/')) return pointer;
  const tokens = parsePointer(pointer);
  const secret = tokens.findIndex((token) => isSecretKey(token));
  if (secret === -1 || secret === tokens.length - 1) return pointer;
  return '/' + tokens.slice(0, secret + 1).map(escapeToken).join('/');
}
