import type { RuleContext } from '@pmm-config/plugin';

/** Where the config first relies on Trakt, for messages and for escalating blank credentials. */
export interface TraktUsage {
  /** Pointer in the config to report at: the builder itself, or the entry linking the file that holds it. */
  readonly pointer: string;
  /** Human description, e.g. "`default: trakt`" or "`trakt_list` in config/movies.yml". */
  readonly description: string;
}

/** Kometa's default collection files that are built from Trakt charts. */
const TRAKT_DEFAULTS: ReadonlySet<string> = new Set(['trakt']);
/** PMM 1.x pulled the same defaults from the repo path `PMM/chart/trakt`. */
const LEGACY_TRAKT_FILE = /(^|\/)chart\/trakt(\.ya?ml)?$/i;
/** Operations take sources like `mass_user_rating_update: trakt_user`. */
const TRAKT_SOURCE = /^trakt(_|$)/;

function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function findIn(data: unknown, base: string): { pointer: string; description: string } | undefined {
  const seen = new Set<object>();
  const walk = (value: unknown, pointer: string, insideOperations: boolean): { pointer: string; description: string } | undefined => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return undefined;
    seen.add(value);
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : Object.entries(value as Record<string, unknown>);
    for (const [key, child] of entries) {
      const childPointer = `${pointer}/${escapeSegment(key)}`;
      if (!Array.isArray(value)) {
        if (key.startsWith('trakt_')) return { pointer: childPointer, description: `\`${key}\`` };
        if ((key === 'default' || key === 'pmm') && typeof child === 'string' && TRAKT_DEFAULTS.has(child.trim()))
          return { pointer: childPointer, description: `\`${key}: ${child.trim()}\`` };
        if (key === 'git' && typeof child === 'string' && LEGACY_TRAKT_FILE.test(child.trim()))
          return { pointer: childPointer, description: `\`git: ${child.trim()}\`` };
      }
      if (insideOperations && typeof child === 'string' && TRAKT_SOURCE.test(child.trim()))
        return { pointer: childPointer, description: `the \`${child.trim()}\` operation source` };
      const found = walk(child, childPointer, insideOperations || key === 'operations');
      if (found) return found;
    }
    return undefined;
  };
  return walk(data, base, false);
}

/**
 * The first place where the config (or a local file it links) needs a working Trakt connection: a
 * `trakt_*` builder, a Trakt-based default collection file, or a Trakt operation source. Undefined when
 * nothing does. With `unchecked: true`, linked files that the run lints itself are left out: their builders
 * are checked there ({@link traktBuilders}).
 */
export function findTraktUsage(context: RuleContext, options: { readonly unchecked?: boolean } = {}): TraktUsage | undefined {
  const config = context.config;
  if (config !== null && typeof config === 'object' && !Array.isArray(config)) {
    for (const [key, section] of Object.entries(config as Record<string, unknown>)) {
      if (key === 'trakt') continue;
      const found = findIn(section, `/${escapeSegment(key)}`);
      if (found) return found;
    }
  }
  for (const linked of context.linkedFiles()) {
    if (options.unchecked && linked.checked) continue;
    const found = findIn(linked.data, '');
    if (found) return { pointer: linked.from, description: `${found.description} in ${linked.file ?? linked.path}` };
  }
  return undefined;
}
