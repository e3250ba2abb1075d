import { isSecretKey, type LintRule, type RuleContext } from '@pmm-config/plugin';
import { configScalars, dottedPath } from './config-walk';

export const UNQUOTED_SECRET_RULE = 'core/unquoted-secret';

/** Secret keys beyond the shared list that the schema types as text (SIMKL's `user_token`). */
const SCHEMA_SECRET_KEYS: ReadonlySet<string> = new Set(['user_token']);

const isCredentialKey = (key: string): boolean => isSecretKey(key) || SCHEMA_SECRET_KEYS.has(key.toLowerCase());

/** Every credential value that YAML loaded as a number or true/false. */
function findTypedCredentials(config: unknown): { readonly pointer: string; readonly value: number | boolean }[] {
  return configScalars(config).flatMap(({ pointer, key, value }) =>
    key !== undefined && isCredentialKey(key) && (typeof value === 'number' || typeof value === 'boolean') ? [{ pointer, value }] : [],
  );
}

/**
 * The quoting fix: two insertions around the written value, so the fix itself never spells out the secret
 * (json and SARIF print edits). Offered only for a plain scalar written at its own place.
 */
function quoteFix(context: RuleContext, pointer: string): { written: string; fix?: { edits: { start: number; end: number; text: string }[] } } | undefined {
  const span = context.span?.(pointer, 'value');
  if (!span || context.source === undefined) return undefined;
  const written = context.source.slice(span[0], span[1]);
  if (context.scalarStyle(pointer) !== 'plain' || !/^[\w.+-]+$/.test(written)) return { written };
  return { written, fix: { edits: [{ start: span[0], end: span[0], text: '"' }, { start: span[1], end: span[1], text: '"' }] } };
}

/**
 * `core/unquoted-secret`: a token, API key, client id or PIN written without quotes that YAML loads as a number
 * or true/false. Kometa turns it back into text, and that text is not always what was written: `0123` becomes
 * `123`, `1e5` a float, 64 digits lose their tail, `true` becomes `True`. Where the text changes, the credential
 * is wrong (error); where it survives (`pin: 12345678`) it still depends on how YAML reads it (warning).
 */
export const unquotedSecretRule: LintRule = {
  id: UNQUOTED_SECRET_RULE,
  description: 'A token, API key, client id or PIN must be quoted when YAML would read it as a number or true/false.',
  check(context) {
    for (const { pointer, value } of findTypedCredentials(context.config)) {
      const quoted = quoteFix(context, pointer);
      // Without the written text (an alias, a merged key) it cannot be told whether the text survives.
      const survives = quoted !== undefined && typeof value === 'number' && String(value) === quoted.written;
      const kind = typeof value === 'boolean' ? 'true/false' : 'a number';
      context.report({
        severity: survives ? 'warning' : 'error',
        pointer,
        at: 'value',
        message: survives
          ? `\`${dottedPath(pointer)}\` is not quoted, so YAML reads it as ${kind}; Kometa turns it back into the same text here, but only by luck of its digits.`
          : `\`${dottedPath(pointer)}\` is not quoted, so YAML reads it as ${kind} and Kometa gets different text than is written (a leading zero, an exponent, a long run of digits or true/false change): the credential is wrong.`,
        hint: 'Put the value in quotes ("…").',
        ...(quoted?.fix ? { fix: quoted.fix } : {}),
      });
    }
  },
};
