import type { LintRule, RuleContext, RuleFix } from '@pmm-config/plugin';
import { escapeToken, parentPointer } from '../pointer';
import type { Deprecation } from '../schema/types';
import { isMapping } from './config-walk';

/** Deprecation paths merged into a trie, so the config is walked once whatever the number of deprecations. */
interface Trie {
  readonly children: Map<string, Trie>;
  star?: Trie;
  readonly here: Deprecation[];
}

const newTrie = (): Trie => ({ children: new Map(), here: [] });

function buildTrie(deprecations: readonly Deprecation[]): Trie {
  const root = newTrie();
  for (const deprecation of deprecations) {
    let node = root;
    for (const segment of deprecation.path) {
      if (segment === '*') node = node.star ??= newTrie();
      else {
        let next = node.children.get(segment);
        if (!next) node.children.set(segment, (next = newTrie()));
        node = next;
      }
    }
    node.here.push(deprecation);
  }
  return root;
}

/** A matched legacy key: where it is and what Kometa does with it. */
interface DeprecatedKey {
  readonly pointer: string;
  readonly deprecation: Deprecation;
}

/** Every key the deprecation paths match; `*` matches any key or list index, the last segment a key only. */
function findDeprecatedKeys(config: unknown, root: Trie): DeprecatedKey[] {
  const found: DeprecatedKey[] = [];
  const stack: { trie: Trie; value: unknown; pointer: string }[] = [{ trie: root, value: config, pointer: '' }];
  const follow = (next: Trie | undefined, child: unknown, childPointer: string, list: boolean): void => {
    if (!next) return;
    if (!list) for (const deprecation of next.here) found.push({ pointer: childPointer, deprecation });
    if (next.children.size > 0 || next.star) stack.push({ trie: next, value: child, pointer: childPointer });
  };
  while (stack.length > 0) {
    const { trie, value, pointer } = stack.pop() as (typeof stack)[number];
    const list = Array.isArray(value);
    if (!list && !isMapping(value)) continue;
    const keys = list ? undefined : Object.keys(value);
    const count = keys ? keys.length : (value as unknown[]).length;
    for (let index = 0; index < count; index++) {
      const key = keys ? keys[index] : String(index);
      const exact = trie.children.get(key);
      // Most keys match no deprecation path: skip them before building their pointer.
      if (!exact && !trie.star) continue;
      const child = (value as Record<string, unknown>)[key];
      const childPointer = `${pointer}/${escapeToken(key)}`;
      follow(exact, child, childPointer, list);
      follow(trie.star, child, childPointer, list);
    }
  }
  return found;
}

/** One trie per deprecation table: the engine creates its rules for every file it lints. */
const tries = new WeakMap<readonly Deprecation[], Trie>();

/** `core/deprecated-key`: legacy keys Kometa migrates or ignores, with the replacement named. */
export function deprecatedKeyRule(deprecations: readonly Deprecation[]): LintRule {
  let trie = tries.get(deprecations);
  if (!trie) tries.set(deprecations, (trie = buildTrie(deprecations)));
  return {
    id: 'core/deprecated-key',
    description: 'Legacy and deprecated keys that Kometa migrates or ignores; names the replacement.',
    check(context) {
      for (const { pointer, deprecation } of findDeprecatedKeys(context.config, trie)) {
        if (pointer.split('/').includes('template_variables') && !deprecation.path.includes('template_variables')) continue;
        const fix = deprecation.renameTo ? renameFix(context, pointer, deprecation.renameTo) : undefined;
        context.report({
          severity: 'warning',
          pointer,
          message: deprecation.message,
          ...(deprecation.replacement ? { hint: `Use \`${deprecation.replacement}\` instead.` } : {}),
          ...(fix ? { fix } : {}),
        });
      }
    },
  };
}

/**
 * Kometa's own migration, written into the file: the key renamed in place (its value, comments and layout
 * kept). Kometa overwrites or skips a new name that is already there, so a taken name is left to the user.
 * With two new names (`metadata_path`) the key becomes the first and a copy of the entry, under the second
 * name, goes on the lines after it, as Kometa copies the value into both.
 */
function renameFix(context: RuleContext, pointer: string, names: readonly string[]): RuleFix | undefined {
  const parent = parentPointer(pointer);
  const free = names.filter((name) => !context.has(`${parent}/${escapeToken(name)}`));
  if (free.length === 0) return undefined;
  const [first, second] = free;
  const changes = free.map((name) => `${parent}/${escapeToken(name)}`);
  if (second === undefined) return { edits: [{ pointer, at: 'key', text: first }], changes };
  const copy = copiedEntry(context, pointer, second);
  return copy ? { edits: [{ pointer, at: 'key', text: first }, copy], changes } : undefined;
}

/** A copy of the block-mapping entry at `pointer` under another key, inserted after the end of its last line. */
function copiedEntry(context: RuleContext, pointer: string, name: string): { start: number; end: number; text: string } | undefined {
  const source = context.source;
  const key = context.span?.(pointer, 'key');
  const value = context.span?.(pointer, 'value');
  if (source === undefined || !key || !value) return undefined;
  const lineStart = source.lastIndexOf('\n', key[0] - 1) + 1;
  const indent = source.slice(lineStart, key[0]);
  // A block value's span runs to the start of the next line: the copy ends where the value's text does.
  const end = key[1] + source.slice(key[1], value[1]).trimEnd().length;
  const entry = source.slice(key[1], end);
  // Only a block entry on its own line can be copied below itself; anchors and aliases would be defined twice.
  if (!/^[ ]*$/.test(indent) || /[&*][\w-]|<</.test(entry)) return undefined;
  const rest = /^[^\r\n]*/.exec(source.slice(end))?.[0] ?? '';
  if (!/^\s*(#.*)?$/.test(rest)) return undefined;
  const at = end + rest.length;
  const newline = source.includes('\r\n') ? '\r\n' : '\n';
  const body = entry.replace(/\r?\n/g, newline);
  return { start: at, end: at, text: `${newline}${indent}${name}${body}` };
}
