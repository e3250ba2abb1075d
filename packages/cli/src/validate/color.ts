/** What decides whether output gets ANSI colour. */
export interface ColorInputs {
  /** `--color` / `--no-color`; wins over everything else when given. */
  readonly flag?: boolean;
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Colour only on a terminal, unless overridden. `FORCE_COLOR` beats `NO_COLOR` (as in Node itself), and
 * `FORCE_COLOR=0`/`false` turns colour off; `NO_COLOR` counts only when non-empty (no-color.org).
 */
export function shouldUseColor({ flag, isTTY, env }: ColorInputs): boolean {
  if (flag !== undefined) return flag;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env['NO_COLOR']) return false;
  return isTTY && env['TERM'] !== 'dumb';
}
