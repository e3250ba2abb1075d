import { escapeToken } from '../pointer';

/**
 * Whether two loaded documents are deep-equal everywhere except at (and below) the given pointers: the proof
 * that a fix changed only what it said it would. A pointer present on one side only is skipped on that side,
 * so a renamed key (`/a/old` -> `/a/new`, both listed) compares equal.
 */
export function sameDataOutside(before: unknown, after: unknown, pointers: readonly string[]): boolean {
  const skip = new Set(pointers);
  const stack: [unknown, unknown, string][] = [[before, after, '']];
  while (stack.length > 0) {
    const [a, b, pointer] = stack.pop() as [unknown, unknown, string];
    if (skip.has(pointer)) continue;
    if (Array.isArray(a) || Array.isArray(b)) {
      if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
      a.forEach((item, index) => stack.push([item, b[index], `${pointer}/${index}`]));
      continue;
    }
    if (isObject(a) || isObject(b)) {
      if (!isObject(a) || !isObject(b)) return false;
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const key of keys) {
        const child = `${pointer}/${escapeToken(key)}`;
        if (skip.has(child)) continue;
        if (!Object.hasOwn(a, key) || !Object.hasOwn(b, key)) return false;
        stack.push([a[key], b[key], child]);
      }
      continue;
    }
    if (!Object.is(a, b)) return false;
  }
  return true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
