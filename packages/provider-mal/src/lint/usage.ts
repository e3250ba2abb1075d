import { MAL_BUILDERS, MAL_DEFAULT_FILES } from '../constants';
import { joinPointer as pointer, type RuleContext } from '@pmm-config/plugin';
import { isMap } from './values';

/** One place that needs a working MyAnimeList connection. */
export interface MalUsage {
  /** Pointer into the config of the entry that causes the use (for a linked file: the entry that links it). */
  readonly pointer: string;
  /** Short human description: "`default: myanimelist`", "`mal_search` in config/anime.yml". */
  readonly what: string;
}

const FILE_LIST_KEYS = ['collection_files', 'metadata_files', 'overlay_files', 'metadata_path', 'overlay_path'] as const;
/** Kometa strips these folder prefixes from `default:` names before looking the file up. */
const DEFAULT_PREFIX = /^(movie|show|both|chart|award|overlays)\//i;

function asList(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function defaultName(block: Record<string, unknown>): { key: string; name: string } | undefined {
  for (const key of ['default', 'pmm'] as const) {
    const value = block[key];
    if (typeof value === 'string') return { key, name: value.trim().replace(DEFAULT_PREFIX, '').toLowerCase() };
  }
  const git = block['git'];
  // `git: PMM/<x>` is Kometa's legacy spelling of `default: <x>`.
  if (typeof git === 'string' && /^PMM\//i.test(git.trim())) {
    return { key: 'git', name: git.trim().slice(4).replace(DEFAULT_PREFIX, '').toLowerCase() };
  }
  return undefined;
}

function defaultFileUsages(blocks: unknown, at: readonly (string | number)[]): MalUsage[] {
  const usages: MalUsage[] = [];
  const entries = asList(blocks);
  entries.forEach((block, index) => {
    if (!isMap(block)) return;
    const found = defaultName(block);
    if (found && MAL_DEFAULT_FILES.has(found.name)) {
      const path = Array.isArray(blocks) ? [...at, index] : at;
      usages.push({ pointer: pointer(...path, found.key), what: `\`${found.key}: ${String(block[found.key]).trim()}\`` });
    }
  });
  return usages;
}

function operationSources(value: unknown): readonly unknown[] {
  return isMap(value) ? asList(value['source']) : asList(value);
}

function operationUsages(operations: unknown, at: readonly (string | number)[]): MalUsage[] {
  const usages: MalUsage[] = [];
  const groups = Array.isArray(operations) ? operations : [operations];
  groups.forEach((group, index) => {
    if (!isMap(group)) return;
    const base = Array.isArray(operations) ? [...at, index] : at;
    for (const [op, value] of Object.entries(group)) {
      if (!op.startsWith('mass_')) continue;
      // Kometa's check: any source that starts with "mal" needs a MyAnimeList connection.
      const source = operationSources(value).find((item) => typeof item === 'string' && item.trim().toLowerCase().startsWith('mal'));
      if (source !== undefined) usages.push({ pointer: pointer(...base, op), what: `\`${op}: ${String(source)}\`` });
    }
  });
  return usages;
}

function builderKeysIn(data: unknown, found: Set<string>): void {
  if (Array.isArray(data)) {
    for (const item of data) builderKeysIn(item, found);
    return;
  }
  if (!isMap(data)) return;
  for (const [key, value] of Object.entries(data)) {
    // Template variables are free-form user data, not builders.
    if (key === 'template_variables') continue;
    const builder = (key.split('.', 1)[0] ?? key).toLowerCase();
    if (MAL_BUILDERS.has(builder)) found.add(builder);
    builderKeysIn(value, found);
  }
}

/**
 * Every place in the config and its linked local files that needs a MyAnimeList connection: `mal_*` builders,
 * the `myanimelist` default file, and `mass_*_update` operations with a `mal*` source. With `unchecked: true`,
 * linked files the run lints itself are left out.
 */
export function findMalUsages(context: RuleContext, options: { readonly unchecked?: boolean } = {}): MalUsage[] {
  const usages: MalUsage[] = [];
  const libraries = context.get('/libraries');
  if (isMap(libraries)) {
    for (const [name, library] of Object.entries(libraries)) {
      if (!isMap(library)) continue;
      for (const key of FILE_LIST_KEYS) usages.push(...defaultFileUsages(library[key], ['libraries', name, key]));
      usages.push(...operationUsages(library['operations'], ['libraries', name, 'operations']));
    }
  }
  usages.push(...defaultFileUsages(context.get('/playlist_files'), ['playlist_files']));
  for (const file of context.linkedFiles()) {
    // A file the run lints itself has its builders checked there (`mal/builder-needs-mal`).
    if (options.unchecked && file.checked) continue;
    const builders = new Set<string>();
    builderKeysIn(file.data, builders);
    for (const builder of [...builders].sort()) usages.push({ pointer: file.from, what: `\`${builder}\` in ${file.file ?? file.path}` });
  }
  return usages;
}

/** "`default: myanimelist` (/libraries/Anime/collection_files/0/default)" and "N more" for long lists. */
export function describeUsages(usages: readonly MalUsage[]): string {
  const shown = usages.slice(0, 2).map((usage) => `${usage.what} at ${usage.pointer}`);
  const more = usages.length > 2 ? ` and ${usages.length - 2} more` : '';
  return `${shown.join(', ')}${more}`;
}
