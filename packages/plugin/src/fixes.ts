import { joinPointer, parsePointer } from './pointer';
import type { RuleContext, RuleFix } from './rule';

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
