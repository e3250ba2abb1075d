import { existsSync } from 'node:fs';
import { fileSchemaPath, loadFileSchema, UNKNOWN_KEY_SEVERITY, validateCollection, validatePlaylist, type SchemaError } from '../index';

/** `instancePath keyword` of each error, for compact expectations. */
const brief = (errors: readonly SchemaError[]) => errors.map((error) => `${error.instancePath} ${error.keyword}`);

const collection = (definition: unknown) => validateCollection({ collections: { C: definition } });
const playlist = (definition: unknown) => validatePlaylist({ playlists: { P: { libraries: 'Movies', ...(definition as object) } } });

/** Errors of one definition with the paths made relative to it. */
const onC = (definition: unknown) => brief(collection(definition)).map((line) => line.replace(/^\/collections\/C/, ''));
const onP = (definition: unknown) => brief(playlist(definition)).map((line) => line.replace(/^\/playlists\/P/, ''));

describe('collection definitions', () => {
  it('accepts builders with the value shapes Kometa takes', () => {
    expect(onC({ tmdb_popular: 20, tmdb_top_rated: '30', plex_all: true, tmdb_collection: '10, 20', imdb_id: ['tt1', 'tt2'], trakt_list: 'https://trakt.tv/users/a/lists/b' })).toEqual([]);
    expect(onC({ imdb_list: [{ list_id: 'ls1', limit: 5 }, 'https://www.imdb.com/list/ls2/'], mdblist_list: { url: 'https://mdblist.com/lists/a/b', limit: '10' } })).toEqual([]);
    expect(onC({ trakt_chart: [{ chart: 'watched', time_period: 'Weekly' }], stevenlu_popular: 'yes' })).toEqual([]);
  });

  it('rejects wrong value shapes', () => {
    expect(onC({ tmdb_popular: 'ten' })).toEqual(['/tmdb_popular pattern']);
    expect(onC({ stevenlu_popular: 'maybe' })).toEqual(['/stevenlu_popular pattern']);
    expect(onC({ imdb_search: 'https://www.imdb.com/search/title/' })).toEqual(['/imdb_search type']);
    expect(onC({ trakt_chart: { time_period: 'hourly' } })).toEqual(['/trakt_chart/time_period pattern']);
  });

  it('closes tmdb_discover (Kometa: "tmdb_discover {key} attribute not supported")', () => {
    expect(onC({ tmdb_discover: { with_genres: '28', 'vote_average.gte': 7, sort_by: 'popularity.desc' } })).toEqual([]);
    expect(onC({ tmdb_discover: { with_genre: '28' } })).toEqual(['/tmdb_discover additionalProperties']);
    expect(onC({ tmdb_discover: { with_status: 9 } })).toEqual(['/tmdb_discover/with_status maximum']);
  });

  it('fails an unknown definition key ("\'{attr}\' attribute is invalid")', () => {
    const errors = collection({ plex_all: true, tmdb_populr: 10 });
    expect(brief(errors)).toEqual(['/collections/C additionalProperties']);
    expect(errors[0]?.params).toEqual({ additionalProperty: 'tmdb_populr' });
    // definitions carry no warning mark: the engine reports these as errors
    expect((errors[0]?.parentSchema as Record<string, unknown>)[UNKNOWN_KEY_SEVERITY]).toBeUndefined();
  });

  it('accepts blank values everywhere (the engine reports blanks with Kometa\'s severities)', () => {
    expect(onC({ tmdb_popular: null, summary: null, label: null, filters: null, template: null })).toEqual([]);
  });

  it('types settings, details and item updates', () => {
    expect(onC({ sync_mode: 'sync', collection_order: 'custom', builder_level: 'Episode', run_definition: false, schedule: ['daily'], minimum_items: 2 })).toEqual([]);
    expect(onC({ collection_mode: 'hide_items', visible_home: 'range(12/01-12/31)', item_label: 'a, b', 'item_label.sync': ['c'], item_critic_rating: 7.5 })).toEqual([]);
    expect(onC({ radarr_availability: 'Released', sonarr_monitor: 'pilot', item_episode_sorting: 'newest', item_metadata_language: 'en-us' })).toEqual([]);
    expect(onC({ builder_level: 'seasons' })).toEqual(['/builder_level pattern']);
    expect(onC({ default_percent: 101 })).toEqual(['/default_percent maximum']);
    expect(onC({ item_critic_rating: 11 })).toEqual(['/item_critic_rating maximum']);
    expect(onC({ collection_mode: 'hidden' })).toEqual(['/collection_mode pattern']);
    expect(onC({ run_definition: 'movies' })).toEqual(['/run_definition pattern']);
    expect(onC({ radarr_availability: 'soon' })).toEqual(['/radarr_availability pattern']);
  });

  it('accepts every Kometa bool form (util.parse datatype=bool)', () => {
    for (const value of [true, false, 1, 0, 'T', 'yes', 'No', 'f', 'n', 'TRUE']) expect(onC({ show_missing: value })).toEqual([]);
    expect(onC({ show_missing: 'on' })).toEqual(['/show_missing pattern']);
  });

  it('accepts aliases as properties ("Kometa runs this as ...")', () => {
    expect(onC({ collection_minimum: 3, save_missing: true, collection_name: 'X', genres: 'Action' })).toEqual([]);
  });

  it('accepts Plex search shorthand keys at definition level', () => {
    expect(onC({ genre: 'Action', 'resolution': '4K', 'year.gte': 2000, 'added.before': 'today', 'user_rating.rated': true })).toEqual([]);
    expect(onC({ 'resolution.not': '4K' })).toEqual([' additionalProperties']);
  });

  it('requires a template call to be a mapping with a non-blank name (a plain string is invalid)', () => {
    expect(onC({ template: { name: 'Chart', num: 3 } })).toEqual([]);
    expect(onC({ template: [{ name: 'A' }, { name: 'B', x: 1 }] })).toEqual([]);
    expect(onC({ template: 'Chart' })).toEqual(['/template type']);
    expect(onC({ template: { num: 3 } })).toEqual(['/template required']);
    expect(onC({ template: { name: '' } })).toEqual(['/template/name pattern']);
    expect(onC({ template: { name: ' ' } })).toEqual([]);
    expect(onC({ variables: { a: 1 } })).toEqual([]);
    expect(onC({ variables: 'a' })).toEqual(['/variables type']);
  });
});

describe('filters', () => {
  it('accepts a set or a list of sets with typed values', () => {
    expect(onC({ plex_all: true, filters: { 'year.gte': 2000, genre: 'Action, Comedy', 'title.regex': ['^A'], has_overlay: 'no', validate: false } })).toEqual([]);
    expect(onC({ filters: [{ 'critic_rating.gt': '7.5' }, { 'added.after': 'today', 'tmdb_status': 'ended', history: 'month' }] })).toEqual([]);
    expect(onC({ filters: { episodes: { 'user_rating.gt': 5, percentage: 50 }, imdb_keyword: { keyword: 'heist', minimum_votes: 3 } } })).toEqual([]);
  });

  it('rejects unknown filter keys, bad values and a non-bool validate', () => {
    expect(onC({ filters: { sonarr_taglist: 'x' } })).toEqual(['/filters additionalProperties']);
    expect(onC({ filters: [{ genre: 'x' }, { 'genre.count_gt': 'many' }] })).toEqual(['/filters/1/genre.count_gt pattern']);
    expect(onC({ filters: { 'critic_rating.gt': 12 } })).toEqual(['/filters/critic_rating.gt maximum']);
    expect(onC({ filters: { validate: 'no' } })).toEqual(['/filters/validate type']);
  });

  it('fills parentSchema from the shared sub-schema the error comes from (filter sets are a $ref)', () => {
    const [unknown] = collection({ filters: [{ genre: 'x' }, { generes: 'x' }] });
    expect(unknown?.instancePath).toBe('/collections/C/filters/1');
    const parent = unknown?.parentSchema as Record<string, unknown>;
    expect(Object.keys(parent['properties'] as object)).toContain('genre.count_gte');
    expect(parent[UNKNOWN_KEY_SEVERITY]).toBeUndefined();
    const [range] = collection({ filters: { 'critic_rating.gt': 12 } });
    expect(range?.schema).toBe(10);
  });

  it('rejects the filter keys Kometa lists but does not support (year.count_*, versions, stinger_rating)', () => {
    expect(onC({ filters: { 'year.count_gt': 2 } })).toEqual(['/filters additionalProperties']);
    expect(onC({ filters: { 'versions.gt': 1 } })).toEqual(['/filters additionalProperties']);
  });
});

describe('Plex search blocks', () => {
  it('accepts any/all groups, nesting, options and top-level AND conditions', () => {
    expect(onC({ plex_search: { all: { genre: 'Action', any: [{ 'year.gte': 2000 }, { 'studio.is': 'A24' }] }, sort_by: ['title.asc', 'year.desc'], limit: 'all', validate: false } })).toEqual([]);
    expect(onC({ smart_filter: { any: { 'title.and': 'x', genre: ['a', 'b'] }, sort_by: 'random' } })).toEqual([]);
    expect(onC({ plex_search: [{ genre: 'Action', 'year.gte': 1990 }, { all: { label: 'x' } }] })).toEqual([]);
  });

  it('fails an unknown search key inside a group, and marks unknown block options as warnings', () => {
    expect(onC({ plex_search: { all: { genres_x: 'Action' } } })).toEqual(['/plex_search/all additionalProperties']);
    const [option] = collection({ smart_filter: { all: { genre: 'x' }, sort: 'random' } });
    expect(option && `${option.instancePath} ${option.keyword}`).toBe('/collections/C/smart_filter additionalProperties');
    expect((option?.parentSchema as Record<string, unknown>)[UNKNOWN_KEY_SEVERITY]).toBe('warning');
  });

  it('checks sort options and types', () => {
    expect(onC({ plex_search: { all: { genre: 'x' }, sort_by: 'alphabetical' } })).toEqual(['/plex_search/sort_by pattern']);
    expect(onC({ plex_search: { all: { genre: 'x' }, validate: 'yes' } })).toEqual(['/plex_search/validate type']);
  });
});

describe('collection files', () => {
  it('accepts templates of any body, external templates and non-mapping entries Kometa only warns about', () => {
    expect(
      brief(
        validateCollection({
          templates: { T: { 'tmdb_<<chart>>': '<<limit>>', optional: ['x'] }, Broken: 'not a mapping' },
          external_templates: [{ default: 'templates', template_variables: { a: 1 } }, 'path/to/file.yml'],
          collections: { Text: 'not a mapping', Blank: null },
        }),
      ),
    ).toEqual([]);
  });

  it('marks unknown top-level keys as warnings (Kometa ignores them)', () => {
    const [error] = validateCollection({ collections: {}, metadata: {} });
    expect(error?.keyword).toBe('additionalProperties');
    expect((error?.parentSchema as Record<string, unknown>)[UNKNOWN_KEY_SEVERITY]).toBe('warning');
  });

  it('types dynamic collections: type enum, data per type, unknown keys marked as warnings', () => {
    const dynamic = (set: unknown) => brief(validateCollection({ dynamic_collections: { D: set } })).map((line) => line.replace(/^\/dynamic_collections\/D/, ''));
    expect(dynamic({ type: 'Genre', exclude: 'Horror, Music', template: ['A'], title_format: 'Top <<key_name>>', sync: true })).toEqual([]);
    expect(dynamic({ type: 'actor', data: { depth: 5, minimum: '2' } })).toEqual([]);
    expect(dynamic({ type: 'tmdb_popular_people', data: 10 })).toEqual([]);
    expect(dynamic({ type: 'genres' })).toEqual(['/type pattern']);
    expect(dynamic({ exclude: ['x'] })).toEqual([' required']);
    expect(dynamic({ type: 'actor', data: { depth: 0 } })).toEqual(['/data/depth minimum', ' if']);
    expect(dynamic({ type: 'number', template: { name: 'x' } })).toEqual(['/template type']);
    const [unknown] = validateCollection({ dynamic_collections: { D: { type: 'genre', title_formatt: 'x' } } });
    expect((unknown?.parentSchema as Record<string, unknown>)[UNKNOWN_KEY_SEVERITY]).toBe('warning');
  });
});

describe('playlist files', () => {
  it('accepts the playlist attributes and playlist-eligible builders', () => {
    expect(onP({ trakt_list: ['https://trakt.tv/users/a/lists/b'], sync_to_users: 'all', exclude_users: ['x'], delete_playlist: false, summary: 'x', url_poster: 'https://x' })).toEqual([]);
    expect(onP({ plex_search: { all: { genre: 'x' }, type: 'episode' }, filters: { 'added.after': 'today' }, radarr_add_missing: true })).toEqual([]);
  });

  it('rejects builders and attributes Kometa does not allow in playlists ("not compatible with playlists")', () => {
    expect(onP({ tmdb_collection: 10 })).toEqual([' additionalProperties']);
    expect(onP({ trakt_list_details: ['x'] })).toEqual([' additionalProperties']);
    expect(onP({ genre: 'Action' })).toEqual([' additionalProperties']);
    expect(onP({ collection_mode: 'hide' })).toEqual([' additionalProperties']);
    expect(onP({ url_background: 'x' })).toEqual([' additionalProperties']);
    // read early but missing from ignored_details, so the loop rejects them (deep §9)
    expect(onP({ sync_to_user: 'x' })).toEqual([' additionalProperties']);
  });

  it('checks the search-block type', () => {
    expect(onP({ plex_search: { all: { genre: 'x' }, type: 'songs' } })).toEqual(['/plex_search/type pattern']);
  });
});

describe('published file schemas', () => {
  it.each(['collection', 'playlist'] as const)('%s: is written to dist and fills schema/parentSchema from it', (kind) => {
    expect(existsSync(fileSchemaPath(kind))).toBe(true);
    const schema = loadFileSchema(kind);
    expect(schema['$id']).toBe(`https://pmm-config.dev/schema/${kind}.schema.json`);
    expect(schema['x-kometa-version']).toBe('2.4.4-build33');
    const [error] = kind === 'collection' ? collection({ limit: 0 }) : playlist({ limit: 0 });
    expect(error?.keyword).toBe('minimum');
    expect(error?.schema).toBe(1);
    expect((error?.parentSchema as Record<string, unknown>)['type']).toEqual(['integer', 'string', 'null']);
    expect(error?.data).toBe(0);
  });
});
