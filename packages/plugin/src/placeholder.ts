/**
 * Values filled in before Kometa reads the file: Kometa config secrets `<<NAME>>`, `${VAR}` (envsubst,
 * Flux) and `{{ .X }}` (ExternalSecret templates). Anchored so that text merely containing `$` is judged.
 */
const PLACEHOLDER_PATTERNS: readonly RegExp[] = [/^<<[^<>]+>>$/, /^\$\{[^{}]+\}$/, /^\{\{[^{}]*\}\}$/];

/**
 * Whether a config value is a secret/templating placeholder that must never be judged. The lint engine
 * uses the same definition, so plugins and their tests agree with `validate`.
 */
export function isConfigPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(value.trim()));
}
