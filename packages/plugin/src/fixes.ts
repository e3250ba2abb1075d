import { joinPointer, parsePointer } from './pointer';
import type { RuleContext, RuleFix, RuleSuggestion } from './rule';

/**
 * The fix for a key that Kometa reads under another name (a legacy key, an alias such as `collection_level` for
 * `builder_level`): the key is renamed where it is written, its value, comments and layout kept. `undefined`
 * when the new name is already taken in the same mapping, since then the change is not certain (Kometa keeps
 * one of the two), so rules report the finding without a fix.
 */
export function renameKeyFix(context: Pick<RuleContext, 'has'>, pointer: string, to: string): RuleFix | undefined {
  const segments = parsePointer(pointer);
  if (segments.length === 0) return undefined;
  const target = joinPointer(...segments.slice(0, -1), to);
  if (context.has(target)) return undefined;
  return { edits: [{ pointer, at: 'key', text: to }], changes: [target] };
}

/** Words YAML 1.2 loads as something other than text when written plain. */
const NOT_TEXT_WHEN_PLAIN = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.?\d[\d_.eE+-]*|0[xob][\da-fA-F_]+|\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN)$/;

/**
 * How to write `text` so that YAML loads exactly that text: plain when it is safe to (names such as
 * `cache_expiration`), otherwise double-quoted (JSON's escapes are YAML's).
 */
export function yamlText(text: string): string {
  const plainSafe = /^[A-Za-z_][\w./-]*(?: [\w./-]+)*$/.test(text) && !NOT_TEXT_WHEN_PLAIN.test(text);
  return plainSafe ? text : JSON.stringify(text);
}

/**
 * A "did you mean" as an edit: rename the key to the closest known name. A suggestion, never a fix: the closest
 * name is a guess that a person confirms (an editor offers it, `--fix` leaves it alone).
 */
export function renameKeySuggestion(pointer: string, to: string): RuleSuggestion {
  return { message: `Rename to \`${to}\``, edits: [{ pointer, at: 'key', text: yamlText(to) }] };
}

/** A "did you mean" for a value: replace it with the closest allowed one (a suggestion, for the same reason). */
export function replaceValueSuggestion(pointer: string, to: string): RuleSuggestion {
  return { message: `Change to \`${to}\``, edits: [{ pointer, at: 'value', text: yamlText(to) }] };
}
