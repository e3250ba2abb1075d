import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ALL_FILTER_KEYS,
  ALL_SORT_OPTIONS,
  AND_SEARCH_KEYS,
  ARR_SETTINGS,
  BUILDER_NAMES,
  BUILDERS,
  DEFINITION_NAME_ALIASES,
  DETAILS,
  DYNAMIC_ATTRIBUTES,
  DYNAMIC_LEGACY_ATTRIBUTES,
  DYNAMIC_TYPES,
  FILTER_ATTRIBUTES,
  FILTERS_BY_TYPE,
  GENERIC_ARR,
  ITEM_UPDATES,
  KOMETA_VERSION,
  METHOD_ALIASES,
  MODIFIER_ALIASES,
  PLAYLIST_ATTRIBUTES,
  PLAYLIST_BUILDERS,
  SEARCH_ATTRIBUTES,
  SEARCH_KEYS,
  SETTINGS,
  SORT_OPTIONS,
  TRAKT_SETTINGS,
} from './catalogue/index';

const repoRoot = resolve(__dirname, '../../../..');
const referenceDir = resolve(repoRoot, '../shared/reference');
const referenceFiles = ['kometa-files.md', 'kometa-files-deep.md'].map((name) => resolve(referenceDir, name));
const haveReference = referenceFiles.every((file) => existsSync(file));
if (!haveReference) console.log(`reference not found at ${referenceDir}; skipping the catalogue-to-reference checks`);

/**
 * The reference text with its three compact notations spelled out, so each name can be looked up literally:
 * `x(s)` (x and xs), `x(_details)` (x and x_details), `x_{a,b}` / a following `y_{…}` (same suffixes), and a
 * list of names followed by "(+ `_details`)".
 */
function expandedReference(): string {
  let text = referenceFiles.map((file) => readFileSync(file, 'utf8')).join('\n');
  text = text.replace(/`?([a-z_]+)\(s\)/g, '$1 $1s');
  text = text.replace(/([a-z_]+)\((_[a-z]+)\)/g, '$1 $1$2');
  let lastSuffixes: string[] = [];
  text = text.replace(/([a-z_]+_)\{([^}]*)\}/g, (_match, stem: string, inner: string) => {
    if (inner !== '…') lastSuffixes = inner.split(',').map((part) => part.trim());
    return lastSuffixes.map((suffix) => `${stem}${suffix}`).join(' ');
  });
  text = text.replace(/((?:`[a-z_]+`(?:, )?)+) \(\+ `(_[a-z]+)`\)/g, (_match, names: string, suffix: string) =>
    `${names} ${[...names.matchAll(/`([a-z_]+)`/g)].map((found) => `${found[1]}${suffix}`).join(' ')}`,
  );
  return text;
}

const reference = haveReference ? expandedReference() : '';
const mentioned = (name: string) => new RegExp(`(?:^|[^a-z0-9_])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[^a-z0-9_]|$)`).test(reference);
const unmentioned = (names: readonly string[]) => [...new Set(names)].filter((name) => !mentioned(name));

(haveReference ? describe : describe.skip)('every catalogue entry is in the Kometa reference', () => {
  it.each([
    ['builders', BUILDERS.map((builder) => builder.name)],
    ['attribute aliases and their targets', [...Object.keys(METHOD_ALIASES), ...Object.values(METHOD_ALIASES)]],
    ['modifier aliases', [...Object.keys(MODIFIER_ALIASES), ...Object.values(MODIFIER_ALIASES)]],
    ['definition-name aliases', [...Object.keys(DEFINITION_NAME_ALIASES), ...Object.values(DEFINITION_NAME_ALIASES)]],
    [
      'settings, details, item updates and Arr settings (base names)',
      [...SETTINGS, ...DETAILS, ...ITEM_UPDATES, ...ARR_SETTINGS, ...TRAKT_SETTINGS, ...GENERIC_ARR].map((attribute) => attribute.name.split('.')[0] as string),
    ],
    ['playlist attributes', PLAYLIST_ATTRIBUTES],
    ['filter attributes', FILTER_ATTRIBUTES.map((attribute) => attribute.name)],
    ['filter attributes per item type', Object.values(FILTERS_BY_TYPE).flat()],
    ['Plex search attributes', SEARCH_ATTRIBUTES.map((attribute) => attribute.name)],
    ['legacy .and search keys', AND_SEARCH_KEYS.map((key) => key.replace(/\.and$/, ''))],
    ['sort fields', ALL_SORT_OPTIONS.map((option) => option.replace(/\.(?:asc|desc)$/, ''))],
    ['dynamic collection types', DYNAMIC_TYPES],
    ['dynamic collection attributes', [...DYNAMIC_ATTRIBUTES, ...Object.keys(DYNAMIC_LEGACY_ATTRIBUTES)]],
  ])('%s', (_label, names) => {
    expect(unmentioned(names)).toEqual([]);
  });

  it('names the Kometa version the reference describes', () => {
    expect(reference).toContain(KOMETA_VERSION);
  });
});

describe('catalogue shape (counts from kometa-files §2, §2.13, §3.1, deep §6.2)', () => {
  it('has the 126 builders of all_builders, each once', () => {
    expect(BUILDERS).toHaveLength(126);
    expect(BUILDER_NAMES.size).toBe(126);
  });

  it('ties each builder to the service its name requires (§2.1 substring checks, AniDB, MDBList)', () => {
    for (const builder of BUILDERS) {
      const expected = ['trakt', 'radarr', 'sonarr', 'tautulli'].find((service) => builder.name.includes(service)) ??
        (builder.name.includes('mal') ? 'mal' : builder.name.startsWith('anidb') ? 'anidb' : builder.name.startsWith('mdblist') ? 'mdblist' : null);
      expect([builder.name, builder.service]).toEqual([builder.name, expected]);
    }
  });

  it('lets playlists use only custom-sort builders, never a *_details builder or trakt_anticipated (§2, §14.10)', () => {
    expect(PLAYLIST_BUILDERS).toHaveLength(80);
    expect(PLAYLIST_BUILDERS.filter((name) => name.endsWith('_details'))).toEqual([]);
    expect(PLAYLIST_BUILDERS).not.toContain('trakt_anticipated');
    expect(PLAYLIST_BUILDERS).toEqual(expect.arrayContaining(['plex_search', 'trakt_list', 'tmdb_list', 'imdb_list', 'mdblist_list']));
  });

  it('has the 333 Plex search keys (329 distinct) over 95 attributes', () => {
    expect(SEARCH_KEYS).toHaveLength(333);
    expect(new Set(SEARCH_KEYS).size).toBe(329);
    expect(new Set(SEARCH_ATTRIBUTES.map((attribute) => attribute.name)).size).toBe(95);
    expect(SEARCH_KEYS).not.toContain('resolution.not');
    expect(SEARCH_KEYS).not.toContain('duration.rated');
    expect(SEARCH_KEYS).toEqual(expect.arrayContaining(['year.gte', 'added.before', 'critic_rating.rated', 'title.isnot']));
  });

  it('has the 395 entries of all_filters (393 distinct) over 70 base attributes', () => {
    expect(ALL_FILTER_KEYS).toHaveLength(395);
    expect(new Set(ALL_FILTER_KEYS).size).toBe(393);
    expect(new Set(FILTER_ATTRIBUTES.map((attribute) => attribute.name)).size).toBe(70);
  });

  it('lists the filters per item type with the counts of §3.3', () => {
    expect(Object.fromEntries(Object.entries(FILTERS_BY_TYPE).map(([type, names]) => [type, names.length]))).toEqual({
      movie: 52, show: 57, season: 29, episode: 39, artist: 19, album: 21, track: 15,
    });
  });

  it('has 33 dynamic collection types and 17 dynamic attributes', () => {
    expect(DYNAMIC_TYPES).toHaveLength(33);
    expect(DYNAMIC_ATTRIBUTES).toHaveLength(17);
  });

  it('has the sort options of §2.13 per item type', () => {
    expect(SORT_OPTIONS.season).toEqual(['season.asc', 'season.desc', 'show.asc', 'show.desc', 'user_rating.asc', 'user_rating.desc', 'added.asc', 'added.desc', 'random']);
    expect(SORT_OPTIONS.movie).toContain('bitrate.desc');
  });

  it('leaves out the camel-case aliases a lower-cased key can never match', () => {
    for (const alias of Object.keys(METHOD_ALIASES)) expect(alias).toBe(alias.toLowerCase());
  });
});
