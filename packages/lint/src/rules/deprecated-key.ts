import type { LintRule } from '@pmm-config/plugin';
import { escapeToken } from '../pointer';
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
  while (stack.length > 0) {
    const { trie, value, pointer } = stack.pop() as (typeof stack)[number];
    const list = Array.isArray(value);
    const entries: [string, unknown][] = list ? value.map((child, index) => [String(index), child]) : isMapping(value) ? Object.entries(value) : [];
    for (const [key, child] of entries) {
      const childPointer = `${pointer}/${escapeToken(key)}`;
      for (const next of [trie.children.get(key), trie.star]) {
        if (!next) continue;
        if (!list) for (const deprecation of next.here) found.push({ pointer: childPointer, deprecation });
        if (next.children.size > 0 || next.star) stack.push({ trie: next, value: child, pointer: childPointer });
      }
    }
  }
  return found;
}

/** `core/deprecated-key`: legacy keys Kometa migrates or ignores, with the replacement named. */
export function deprecatedKeyRule(deprecations: readonly Deprecation[]): LintRule {
  const trie = buildTrie(deprecations);
  return {
    id: 'core/deprecated-key',
    description: 'Legacy and deprecated keys that Kometa migrates or ignores; names the replacement.',
    check(context) {
      for (const { pointer, deprecation } of findDeprecatedKeys(context.config, trie)) {
        if (pointer.split('/').includes('template_variables') && !deprecation.path.includes('template_variables')) continue;
        context.report({
          severity: 'warning',
          pointer,
          message: deprecation.message,
          ...(deprecation.replacement ? { hint: `Use \`${deprecation.replacement}\` instead.` } : {}),
        });
      }
    },
  };
}
