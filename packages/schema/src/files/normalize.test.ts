import { normalizeDefinitionKey, normalizeFileKeys } from '../index';

describe('normalizeDefinitionKey (Plex.split, kometa-files §0.1)', () => {
  it.each([
    ['genre', { key: 'genre' }],
    ['label.sync', { key: 'label.sync' }],
    ['Genre', { key: 'genre', alias: 'Genre' }],
    ['genres', { key: 'genre', alias: 'genres' }],
    ['Actors.NOT', { key: 'actor.not', alias: 'Actors.NOT' }],
    ['year.greater', { key: 'year.gt', alias: 'year.greater' }],
    ['plays.less', { key: 'plays.lt', alias: 'plays.less' }],
    ['added.gte', { key: 'added.after', alias: 'added.gte' }],
    ['release.lt', { key: 'release.before', alias: 'release.lt' }],
    ['last_episode_aired.gt', { key: 'last_episode_aired.after', alias: 'last_episode_aired.gt' }],
    ['originally_available.greater', { key: 'release.after', alias: 'originally_available.greater' }],
    ['year.gte', { key: 'year.gte' }],
    ['collection_level', { key: 'builder_level', alias: 'collection_level' }],
    ['collection_minimum', { key: 'minimum_items', alias: 'collection_minimum' }],
    ['collection_name', { key: 'name', alias: 'collection_name' }],
    ['playlist_name', { key: 'name', alias: 'playlist_name' }],
    ['allowed_library_types', { key: 'run_definition', alias: 'allowed_library_types' }],
    ['trakt_recommended_personal', { key: 'trakt_recommendations', alias: 'trakt_recommended_personal' }],
    ['filter', { key: 'filters', alias: 'filter' }],
  ])('%s', (key, expected) => {
    expect(normalizeDefinitionKey(key)).toEqual(expected);
  });

  it('lower-cases before the alias look-up, so camel-case contentRating is no alias (as in Kometa)', () => {
    expect(normalizeDefinitionKey('contentRating')).toEqual({ key: 'contentrating', alias: 'contentRating' });
  });

  it('splits only the last modifier, like os.path.splitext', () => {
    expect(normalizeDefinitionKey('genres.x.not')).toEqual({ key: 'genres.x.not' });
    expect(normalizeDefinitionKey('.hidden')).toEqual({ key: '.hidden' });
  });

  it('leaves the library-dependent Arr names to the engine', () => {
    expect(normalizeDefinitionKey('add_to_arr')).toEqual({ key: 'add_to_arr' });
    expect(normalizeDefinitionKey('arr_tag')).toEqual({ key: 'arr_tag' });
  });

  it('does not touch names that are no alias', () => {
    expect(normalizeDefinitionKey('tmdb_collection_details')).toEqual({ key: 'tmdb_collection_details' });
  });
});

describe('normalizeFileKeys', () => {
  const file = {
    templates: { T: { Genres: '<<genre>>' } },
    collections: {
      One: {
        Genres: 'Action',
        '<<key>>_poster': 'x',
        filters: [{ 'Year.Greater': 2000 }, { genres: 'Drama' }],
        plex_search: { All: { Genres: 'Comedy', any: [{ 'added.gte': '2020-01-01' }] }, Sort_By: 'title.asc' },
      },
      Blank: null,
    },
  };

  it('normalizes definition, filter and search keys and lists each rename', () => {
    const { data, renames } = normalizeFileKeys('collection', file);
    expect((data as typeof file).collections).toEqual({
      One: {
        genre: 'Action',
        '<<key>>_poster': 'x',
        filters: [{ 'year.gt': 2000 }, { genre: 'Drama' }],
        plex_search: { all: { genre: 'Comedy', any: [{ 'added.after': '2020-01-01' }] }, sort_by: 'title.asc' },
      },
      Blank: null,
    });
    expect(renames).toEqual([
      { path: ['collections', 'One'], from: 'Genres', to: 'genre' },
      { path: ['collections', 'One', 'filters', 0], from: 'Year.Greater', to: 'year.gt' },
      { path: ['collections', 'One', 'filters', 1], from: 'genres', to: 'genre' },
      { path: ['collections', 'One', 'plex_search'], from: 'All', to: 'all' },
      { path: ['collections', 'One', 'plex_search', 'all'], from: 'Genres', to: 'genre' },
      { path: ['collections', 'One', 'plex_search', 'all', 'any', 0], from: 'added.gte', to: 'added.after' },
      { path: ['collections', 'One', 'plex_search'], from: 'Sort_By', to: 'sort_by' },
    ]);
  });

  it('leaves template bodies and the input alone', () => {
    const { data } = normalizeFileKeys('collection', file);
    expect((data as typeof file).templates).toBe(file.templates);
    expect(file.collections.One.Genres).toBe('Action');
  });

  it('normalizes playlists and passes other data through', () => {
    expect(normalizeFileKeys('playlist', { playlists: { P: { Playlist_Name: 'x' } } }).data).toEqual({ playlists: { P: { name: 'x' } } });
    expect(normalizeFileKeys('playlist', 'text')).toEqual({ data: 'text', renames: [] });
    expect(normalizeFileKeys('collection', { collections: null })).toEqual({ data: { collections: null }, renames: [] });
  });
});
