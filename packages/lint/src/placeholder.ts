/**
 * Values filled in before Kometa reads them: Kometa config secrets `<<NAME>>`, envsubst/Flux `${VAR}` and
 * ExternalSecret/Go templates `{{ .X }}`. They are unknown values, so no rule may judge them.
 */
const PLACEHOLDER = /<<[^<>\s]+>>|\$\{[^}]+\}|\{\{[^}]*\}\}/;

/** Whether a value contains a placeholder anywhere (Kometa substitutes inside longer strings too). */
export function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && PLACEHOLDER.test(value);
}

/** Kometa reads the literal `env` (any case) in `plex.url`/`plex.token` from its run flags or environment. */
export function isEnvReference(pointer: string, value: unknown): boolean {
  return typeof value === 'string' && value.toLowerCase() === 'env' && /\/plex\/(url|token)$/.test(pointer);
}
