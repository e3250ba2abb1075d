import type { LintRule } from '@pmm-config/plugin';
import { escapeToken } from '../pointer';
import type { Deprecation } from '../schema/types';
import { isMapping } from './config-walk';

interface Found {
  readonly pointer: string;
  readonly parent: unknown;
}

/** Pointers of the keys a deprecation path matches; `*` matches any key or list index. */
export function matchDeprecation(config: unknown, path: readonly string[]): string[] {
  let frontier: Found[] = [{ pointer: '', parent: config }];
  path.forEach((segment, index) => {
    const last = index === path.length - 1;
    const next: Found[] = [];
    for (const { pointer, parent } of frontier) {
      const children: [string, unknown][] = Array.isArray(parent)
        ? parent.map((value, i) => [String(i), value])
        : isMapping(parent)
          ? Object.entries(parent)
          : [];
      for (const [key, value] of children) {
        if (segment !== '*' && segment !== key) continue;
        if (last && Array.isArray(parent)) continue;
        next.push({ pointer: `${pointer}/${escapeToken(key)}`, parent: value });
      }
    }
    frontier = next;
  });
  return frontier.map((found) => found.pointer);
}

/** `core/deprecated-key`: legacy keys Kometa migrates or ignores, with the replacement named. */
export function deprecatedKeyRule(deprecations: readonly Deprecation[]): LintRule {
  return {
    id: 'core/deprecated-key',
    description: 'Legacy and deprecated keys that Kometa migrates or ignores; names the replacement.',
    check(context) {
      for (const deprecation of deprecations) {
        for (const pointer of matchDeprecation(context.config, deprecation.path)) {
          if (pointer.split('/').includes('template_variables') && !deprecation.path.includes('template_variables')) continue;
          context.report({
            severity: 'warning',
            pointer,
            message: deprecation.message,
            ...(deprecation.replacement ? { hint: `Use \`${deprecation.replacement}\` instead.` } : {}),
          });
        }
      }
    },
  };
}
