/**
 * The name Kometa runs a definition attribute under (`Plex.split`): lower-cased, the last `.modifier` cut off.
 * Aliases are applied by the catalogue when it is available.
 */
export function runName(key: string): string {
  const lower = key.trim().toLowerCase();
  const dot = lower.lastIndexOf('.');
  return dot > 0 ? lower.slice(0, dot) : lower;
}
