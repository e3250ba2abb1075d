import { isConfigPlaceholder, isSecretKey, maskSecret, type Diagnostic, type TextEdit } from '@pmm-config/plugin';
import { escapeToken, parsePointer, secretSafePointer } from './pointer';

/**
 * Every secret value in the config (values of secret keys), longest first. A whole placeholder (`<<TRAKT_CLIENT_ID>>`)
 * is a name, not a secret: messages may show it. Iterative: depth is user-controlled.
 */
export function collectSecrets(data: unknown): string[] {
  const secrets = new Set<string>();
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (isSecretKey(key) && (typeof value === 'string' || typeof value === 'number')) {
          if (isConfigPlaceholder(value)) continue;
          const text = String(value);
          // Very short values ("env", "1") would mask ordinary words; they carry no secret either.
          if (text.length >= 4) secrets.add(text);
        } else stack.push(value);
      }
    }
  }
  return [...secrets].sort((a, b) => b.length - a.length);
}

/**
 * A last line of defence: removes any secret value that a rule (core or plugin) put into a message or hint,
 * and cuts a pointer that reaches below a secret key or spells out a secret value.
 */
export function scrubDiagnostic(diagnostic: Diagnostic, secrets: readonly string[]): Diagnostic {
  const clean = (text: string): string => secrets.reduce((out, secret) => out.split(secret).join(maskSecret(secret)), text);
  const message = clean(diagnostic.message);
  const hint = diagnostic.hint === undefined ? undefined : clean(diagnostic.hint);
  const pointer = scrubPointer(diagnostic.pointer, secrets);
  // Edits are printed by the json and SARIF formats: one that spells out a secret is not offered at all.
  const leaks = (edits: readonly TextEdit[]): boolean => edits.some((edit) => secrets.some((secret) => edit.text.includes(secret)));
  const fixLeaks = diagnostic.fix !== undefined && leaks(diagnostic.fix.edits);
  const suggestions = diagnostic.suggestions?.filter((suggestion) => !leaks(suggestion.edits) && clean(suggestion.message) === suggestion.message);
  const suggestionsLeak = suggestions !== undefined && suggestions.length !== diagnostic.suggestions?.length;
  if (message === diagnostic.message && hint === diagnostic.hint && pointer === diagnostic.pointer && !fixLeaks && !suggestionsLeak) return diagnostic;
  const out: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = { ...diagnostic, message, pointer };
  if (hint !== undefined) out.hint = hint;
  if (fixLeaks) delete out.fix;
  if (suggestions && suggestions.length > 0) out.suggestions = suggestions;
  else delete out.suggestions;
  return out;
}

/** The pointer up to (not including) the first segment that holds a secret value, and never below a secret key. */
function scrubPointer(pointer: string, secrets: readonly string[]): string {
  const safe = secretSafePointer(pointer);
  if (!secrets.some((secret) => safe.includes(secret))) return safe;
  if (!safe.startsWith('/')) return '';
  const tokens = parsePointer(safe);
  const leak = tokens.findIndex((token) => secrets.some((secret) => token.includes(secret)));
  return tokens.slice(0, leak).map((token) => '/' + escapeToken(token)).join('');
}
