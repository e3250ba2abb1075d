/** Splits an RFC 6901 pointer into its unescaped segments: `/a~1b/0` -> `['a/b', '0']`. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new TypeError(`not a JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Joins segments into an RFC 6901 pointer, escaping `~` and `/`. */
export function joinPointer(...segments: readonly (string | number)[]): string {
  return segments.map((segment) => '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** The value at a pointer in plain parsed data, with `found: false` when any segment is absent. */
export function resolvePointer(data: unknown, pointer: string): { found: boolean; value: unknown } {
  let current: unknown = data;
  for (const segment of parsePointer(pointer)) {
    if (Array.isArray(current)) {
      const index = /^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : -1;
      if (index < 0 || index >= current.length) return { found: false, value: undefined };
      current = current[index];
    } else if (current !== null && typeof current === 'object' && Object.prototype.hasOwnProperty.call(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      return { found: false, value: undefined };
    }
  }
  return { found: true, value: current };
}
