import { runRules, type RunOptions } from '../../test/helpers/rule-context';
import type { RuleContext } from '@pmm-config/plugin';
import { describeUsages, findMalUsages, type MalUsage } from './usage';

function usagesOf(config: unknown, options: RunOptions = {}): MalUsage[] {
  let found: MalUsage[] = [];
  runRules([{ id: 'probe/usage', description: 'probe', check: (context: RuleContext) => void (found = findMalUsages(context)) }], config, options);
  return found;
}

describe('findMalUsages', () => {
  it('finds the myanimelist default in every spelling Kometa accepts', () => {
    const usages = usagesOf({
      libraries: {
        Anime: { collection_files: [{ default: 'basic' }, { default: 'myanimelist' }, { pmm: 'chart/MyAnimeList' }] },
        'Old/Anime': { metadata_path: [{ git: 'PMM/chart/myanimelist' }] },
        Single: { collection_files: { default: 'myanimelist' } },
      },
      playlist_files: [{ default: 'myanimelist' }],
    });
    expect(usages.map((usage) => usage.pointer)).toEqual([
      '/libraries/Anime/collection_files/1/default',
      '/libraries/Anime/collection_files/2/pmm',
      '/libraries/Old~1Anime/metadata_path/0/git',
      '/libraries/Single/collection_files/default',
      '/playlist_files/0/default',
    ]);
    expect(usages[1]?.what).toBe('`pmm: chart/MyAnimeList`');
  });

  it('finds mass operations with a mal source, in a mapping, a list or a source dict', () => {
    const usages = usagesOf({
      libraries: {
        A: { operations: { mass_genre_update: 'mal', mass_content_rating_update: ['omdb', 'mal'], assets_for_all: true } },
        B: { operations: [{ mass_poster_update: { source: 'tmdb' } }, { mass_user_rating_update: { source: 'mal' } }] },
        C: { operations: { mass_genre_update: 'tmdb' } },
      },
    });
    expect(usages.map((usage) => usage.pointer)).toEqual([
      '/libraries/A/operations/mass_genre_update',
      '/libraries/A/operations/mass_content_rating_update',
      '/libraries/B/operations/1/mass_user_rating_update',
    ]);
  });

  it('finds mal_* builders in linked files, once per builder and file, but not in template_variables', () => {
    const usages = usagesOf(
      {},
      {
        linkedFiles: [
          {
            path: 'config/anime.yml',
            from: '/libraries/Anime/collection_files/0/file',
            data: {
              templates: { T: { mal_search: { limit: 5 } } },
              collections: { A: { mal_popular: 10 }, B: { 'mal_popular.sync': 5 }, C: { template_variables: { mal_id: 1 }, tmdb_collection: 1 } },
            },
          },
          { path: 'config/movies.yml', from: '/libraries/Movies/collection_files/0/file', data: { collections: { X: { tmdb_trending_daily: 10 } } } },
        ],
      },
    );
    expect(usages).toEqual([
      { pointer: '/libraries/Anime/collection_files/0/file', what: '`mal_popular` in config/anime.yml' },
      { pointer: '/libraries/Anime/collection_files/0/file', what: '`mal_search` in config/anime.yml' },
    ]);
  });

  it('finds nothing in a config that does not use MyAnimeList', () => {
    expect(usagesOf({ libraries: { Movies: { collection_files: [{ default: 'imdb' }], operations: null }, Null: null } })).toEqual([]);
  });
});

describe('describeUsages', () => {
  it('lists two usages and counts the rest', () => {
    const usage = (n: number): MalUsage => ({ pointer: `/p/${n}`, what: `u${n}` });
    expect(describeUsages([usage(1)])).toBe('u1 at /p/1');
    expect(describeUsages([usage(1), usage(2), usage(3), usage(4)])).toBe('u1 at /p/1, u2 at /p/2 and 2 more');
  });
});
