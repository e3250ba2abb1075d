/** RFC 6901 helpers. Pointers are the stable address of a node in both the data and the source map. */
import { parsePointer } from '@pmm-config/plugin';

export { parsePointer, resolvePointer } from '@pmm-config/plugin';

/** Escapes one reference token (`~` -> `~0`, `/` -> `~1`). */
export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
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

