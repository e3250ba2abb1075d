import type { LintRule } from '@pmm-config/plugin';
import { escapeToken } from '../pointer';
import type { Deprecation } from '../schema/types';
import { isMapping } from './config-walk';
import { moveFix, renameFix } from './deprecated-key-fixes';

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

/** A replacement as code names: `a and b` as `a` and `b`, `a with k: v` as `a` with `k: v`, never one span over both. */
function codeNames(replacement: string): string {
  // A split with a capture group keeps the joining words, at the odd indexes.
  return replacement
    .split(/ (and|with) /)
    .map((part, index) => (index % 2 === 1 ? ` ${part} ` : `\`${part}\``))
    .join('');
}

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
        const fix = deprecation.renameTo
          ? renameFix(context, pointer, deprecation.renameTo)
          : deprecation.moveTo
            ? moveFix(context, pointer, deprecation.moveTo)
            : undefined;
        context.report({
          severity: 'warning',
          pointer,
          message: deprecation.message,
          ...(deprecation.replacement ? { hint: `Use ${codeNames(deprecation.replacement)} instead.` } : {}),
          ...(fix ? { fix } : {}),
        });
      }
    },
  };
}
