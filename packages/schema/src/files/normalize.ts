import type { FileKind } from './unknown-keys';
import { DEFINITION_NAME_ALIASES, METHOD_ALIASES, MODIFIER_ALIASES } from './catalogue/aliases';
import { DATE_ATTRIBUTES } from './catalogue/plex-search';

/** A key as Kometa runs it; `alias` is the key as written when Kometa renames it. */
export interface NormalizedKey {
  readonly key: string;
  readonly alias?: string;
}

const DATES = new Set(DATE_ATTRIBUTES);

/** `os.path.splitext`: the last `.xxx` that does not start the name is the modifier. */
function splitModifier(text: string): [string, string] {
  const dot = text.lastIndexOf('.');
  // leading dots belong to the name, as in Python
  if (dot < 0 || /^\.*$/.test(text.slice(0, dot))) return [text, ''];
  return [text.slice(0, dot), text.slice(dot)];
}

function hasOwn(table: Readonly<Record<string, string>>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, key);
}

/**
 * A definition key (or a filter / Plex search key) as Kometa's `Plex.split` runs it: lower-cased, the last
 * `.modifier` split off, attribute and modifier aliases applied (`genres` → `genre`, `.greater` → `.gt`), and
 * date comparisons rewritten (`added.gte` → `added.after`, `release.lt` → `release.before`). Definition-name
 * aliases (`collection_name` → `name`, `allowed_library_types` → `run_definition`) are applied too.
 * `add_to_arr`, `arr_tag`, `arr_folder` depend on the library type and are left as they are.
 * Pure: no I/O, no state.
 */
export function normalizeDefinitionKey(key: string): NormalizedKey {
  const lower = key.toLowerCase();
  if (hasOwn(DEFINITION_NAME_ALIASES, lower)) return renamed(key, DEFINITION_NAME_ALIASES[lower] as string);
  const [rawAttribute, rawModifier] = splitModifier(lower);
  const attribute = hasOwn(METHOD_ALIASES, rawAttribute) ? (METHOD_ALIASES[rawAttribute] as string) : rawAttribute;
  let modifier = hasOwn(MODIFIER_ALIASES, rawModifier) ? (MODIFIER_ALIASES[rawModifier] as string) : rawModifier;
  if (DATES.has(attribute) && (modifier === '.gt' || modifier === '.gte')) modifier = '.after';
  else if (DATES.has(attribute) && (modifier === '.lt' || modifier === '.lte')) modifier = '.before';
  return renamed(key, `${attribute}${modifier}`);
}

function renamed(original: string, final: string): NormalizedKey {
  return final === original ? { key: final } : { key: final, alias: original };
}

/** One key the normalizer renamed: `path` leads to the mapping holding it (JSON-pointer tokens). */
export interface KeyRename {
  readonly path: readonly (string | number)[];
  readonly from: string;
  readonly to: string;
}

type Mapping = Record<string, unknown>;

const isMapping = (value: unknown): value is Mapping => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Keys holding `<<var>>` are judged only after templating, so they stay as written. */
const isTemplated = (key: string) => key.includes('<<');

/** Definition keys whose values are search blocks or filter sets, whose own keys Kometa splits the same way. */
const SEARCH_BLOCK_KEYS = new Set(['plex_search', 'smart_filter', 'smart_label']);

function normalizeMapping(mapping: Mapping, path: readonly (string | number)[], renames: KeyRename[], inner: (key: string, value: unknown, at: readonly (string | number)[]) => unknown): Mapping {
  const out: Mapping = {};
  for (const [key, value] of Object.entries(mapping)) {
    const final = isTemplated(key) ? key : normalizeDefinitionKey(key).key;
    if (final !== key) renames.push({ path, from: key, to: final });
    // as in Kometa's `{m.lower(): m}` look-ups, the later of two keys that normalize alike wins
    out[final] = inner(final, value, [...path, final]);
  }
  return out;
}

function eachMapping(value: unknown, path: readonly (string | number)[], apply: (mapping: Mapping, at: readonly (string | number)[]) => Mapping): unknown {
  if (isMapping(value)) return apply(value, path);
  if (Array.isArray(value)) return value.map((entry, index) => (isMapping(entry) ? apply(entry, [...path, index]) : entry));
  return value;
}

function normalizeSearch(block: Mapping, path: readonly (string | number)[], renames: KeyRename[]): Mapping {
  return normalizeMapping(block, path, renames, (key, value, at) =>
    key.startsWith('any') || key.startsWith('all') ? eachMapping(value, at, (group, groupAt) => normalizeSearch(group, groupAt, renames)) : value,
  );
}

function normalizeDefinition(definition: Mapping, path: readonly (string | number)[], renames: KeyRename[]): Mapping {
  return normalizeMapping(definition, path, renames, (key, value, at) => {
    if (key === 'filters') return eachMapping(value, at, (set, setAt) => normalizeMapping(set, setAt, renames, (_k, v) => v));
    if (SEARCH_BLOCK_KEYS.has(key)) return eachMapping(value, at, (block, blockAt) => normalizeSearch(block, blockAt, renames));
    return value;
  });
}

/**
 * A parsed linked file with the keys Kometa splits normalized by {@link normalizeDefinitionKey}: the keys of each
 * definition under `collections` / `playlists` / `overlays`, of their `filters` sets and of their search blocks (nested
 * `any`/`all` included). Template bodies, dynamic collections and keys holding `<<` are left as written. Returns
 * a copy (the input is not changed) and the renames, so the engine can say "Kometa runs `X` as `Y`".
 */
export function normalizeFileKeys(kind: FileKind, data: unknown): { readonly data: unknown; readonly renames: readonly KeyRename[] } {
  const renames: KeyRename[] = [];
  if (!isMapping(data)) return { data, renames };
  if (kind === 'metadata') return { data: lowerCaseMetadata(data, renames), renames };
  const section = kind === 'collection' ? 'collections' : kind === 'overlay' ? 'overlays' : 'playlists';
  const definitions = data[section];
  if (!isMapping(definitions)) return { data, renames };
  const normalized: Mapping = {};
  for (const [name, definition] of Object.entries(definitions)) {
    normalized[name] = isMapping(definition) ? normalizeDefinition(definition, [section, name], renames) : definition;
  }
  return { data: { ...data, [section]: normalized }, renames };
}

/** Mappings inside a metadata item whose entries are edits themselves (season → episodes, album → tracks). */
const METADATA_NESTED = new Set(['seasons', 'episodes', 'albums', 'tracks']);

/** Kometa looks metadata keys up in any case (`{mm.lower(): mm for mm in meta}`): lower-case them, recording each change. */
function lowerCaseEdits(mapping: Mapping, path: readonly (string | number)[], renames: KeyRename[]): Mapping {
  const out: Mapping = {};
  for (const [key, value] of Object.entries(mapping)) {
    const lower = isTemplated(key) ? key : key.toLowerCase();
    if (lower !== key) renames.push({ path, from: key, to: lower });
    const at = [...path, lower];
    if (METADATA_NESTED.has(lower) && isMapping(value)) {
      out[lower] = Object.fromEntries(Object.entries(value).map(([name, edits]) => [name, isMapping(edits) ? lowerCaseEdits(edits, [...at, name], renames) : edits]));
    } else if (lower === 'match' && isMapping(value)) {
      out[lower] = lowerCaseEdits(value, at, renames);
    } else {
      out[lower] = value;
    }
  }
  return out;
}

function lowerCaseMetadata(data: Mapping, renames: KeyRename[]): Mapping {
  const items = data['metadata'];
  if (!isMapping(items)) return data;
  const normalized: Mapping = {};
  for (const [name, item] of Object.entries(items)) normalized[name] = isMapping(item) ? lowerCaseEdits(item, ['metadata', name], renames) : item;
  return { ...data, metadata: normalized };
}
