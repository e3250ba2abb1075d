import { validateConfig } from './index';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const base = (): { [key: string]: Json } => ({ libraries: { Movies: null }, tmdb: { apikey: 'k' } });

/** The base config with `value` set at `path` (intermediate mappings created as needed). */
function configWith(path: readonly string[], value: Json): Json {
  const root = base();
  let node: { [key: string]: Json } = root;
  for (const segment of path.slice(0, -1)) {
    const next = node[segment];
    node[segment] = next && typeof next === 'object' && !Array.isArray(next) ? next : {};
    node = node[segment] as { [key: string]: Json };
  }
  node[path[path.length - 1] as string] = value;
  return root;
}

/** `instancePath keyword` of every schema error. */
function findings(config: unknown): string[] {
  return validateConfig(config).map((error) => `${error.instancePath} ${error.keyword}`);
}

const accepts = (path: readonly string[], value: Json) => expect(findings(configWith(path, value))).toEqual([]);

function rejects(path: readonly string[], value: Json, keyword: string) {
  const errors = findings(configWith(path, value));
  expect(errors).toContain(`/${path.join('/')} ${keyword}`);
}

describe('root', () => {
  it('accepts the smallest config Kometa runs', () => {
    expect(findings(base())).toEqual([]);
  });

  it('requires libraries and tmdb, not plex', () => {
    expect(findings({ libraries: { Movies: null } })).toEqual([' required']);
    expect(findings({ tmdb: { apikey: 'k' } })).toEqual([' required']);
  });

  it('rejects a blank or empty libraries section', () => {
    expect(findings({ libraries: null, tmdb: { apikey: 'k' } })).toContain('/libraries type');
    expect(findings({ libraries: {}, tmdb: { apikey: 'k' } })).toContain('/libraries minProperties');
  });

  it('reports unknown top-level keys as additionalProperties', () => {
    const errors = validateConfig(configWith(['setings'], { cache: true }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ keyword: 'additionalProperties', params: { additionalProperty: 'setings' } });
  });

  it('accepts every documented section blank', () => {
    for (const section of [
      'playlist_files',
      'settings',
      'webhooks',
      'plex',
      'tautulli',
      'github',
      'omdb',
      'mdblist',
      'notifiarr',
      'gotify',
      'ntfy',
      'apprise',
      'anidb',
      'radarr',
      'sonarr',
      'trakt',
      'mal',
    ]) {
      expect(findings(configWith([section], null))).toEqual([]);
    }
  });

  it('returns verbose errors with the failing data and schema', () => {
    const [error] = validateConfig(configWith(['settings', 'asset_depth'], -1));
    expect(error).toMatchObject({ instancePath: '/settings/asset_depth', keyword: 'minimum', data: -1 });
    expect(error?.parentSchema).toMatchObject({ minimum: 0 });
  });

  it('fills in data and parentSchema for unknown keys, list items and keys that need escaping', () => {
    const config = { libraries: { 'Movies/4K~': { collection_files: [{ default: 'basic' }, { defualt: 'imdb' }] } }, tmdb: { apikey: 'k' } };
    const [error, ...rest] = validateConfig(config);
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ instancePath: '/libraries/Movies~14K~0/collection_files/1', keyword: 'additionalProperties', params: { additionalProperty: 'defualt' }, schema: false });
    expect(error?.data).toBe(config.libraries['Movies/4K~'].collection_files[1]);
    expect(Object.keys(error?.parentSchema?.['properties'] ?? {})).toContain('default');
  });
});

describe('tmdb', () => {
  it('requires a non-blank apikey', () => {
    rejects(['tmdb', 'apikey'], null, 'type');
    expect(findings({ libraries: { Movies: null }, tmdb: {} })).toEqual(['/tmdb required']);
    expect(findings({ libraries: { Movies: null }, tmdb: null })).toContain('/tmdb type');
  });

  it('checks region as an upper-case country code and cache_expiration >= 1', () => {
    accepts(['tmdb', 'region'], 'US');
    accepts(['tmdb', 'region'], null);
    rejects(['tmdb', 'region'], 'us', 'pattern');
    rejects(['tmdb', 'region'], 'USA', 'pattern');
    accepts(['tmdb', 'cache_expiration'], 1);
    rejects(['tmdb', 'cache_expiration'], 0, 'minimum');
    rejects(['tmdb', 'cache_expiration'], 1.5, 'type');
    accepts(['tmdb', 'language'], 'en-US');
  });
});

describe('plex', () => {
  it('accepts any string for url and token, including env, placeholders and redactions', () => {
    for (const value of ['env', '<<PLEX_URL>>', '(redacted)', 'http://192.168.1.2:32400', null]) {
      accepts(['plex', 'url'], value);
      accepts(['plex', 'token'], value);
    }
  });

  it('accepts a boolean or a schedule for maintenance tasks', () => {
    accepts(['plex', 'clean_bundles'], true);
    accepts(['plex', 'empty_trash'], 'weekly(sunday)');
    accepts(['plex', 'optimize'], null);
    rejects(['plex', 'optimize'], 3, 'type');
  });

  it('checks timeout and db_cache as non-negative integers', () => {
    accepts(['plex', 'timeout'], 0);
    rejects(['plex', 'timeout'], -1, 'minimum');
    rejects(['plex', 'timeout'], '60', 'type');
    rejects(['plex', 'db_cache'], 'big', 'type');
  });

  it('is also accepted per library', () => {
    accepts(['libraries', 'Movies', 'plex'], { url: 'http://x', token: 't', verify_ssl: false });
    rejects(['libraries', 'Movies', 'plex', 'timeout'], 'x', 'type');
  });
});

describe('settings', () => {
  it('checks enums exactly as Kometa does', () => {
    accepts(['settings', 'sync_mode'], 'sync');
    rejects(['settings', 'sync_mode'], 'Sync', 'enum');
    accepts(['settings', 'overlay_artwork_filetype'], 'webp');
    accepts(['settings', 'overlay_artwork_filetype'], 'webp_lossless');
    rejects(['settings', 'overlay_artwork_filetype'], 'gif', 'enum');
    accepts(['settings', 'auto_sort_hubs'], 'configured.desc');
    rejects(['settings', 'auto_sort_hubs'], 'newest', 'enum');
  });

  it('checks integer ranges', () => {
    accepts(['settings', 'overlay_artwork_quality'], 100);
    rejects(['settings', 'overlay_artwork_quality'], 0, 'minimum');
    rejects(['settings', 'overlay_artwork_quality'], 101, 'maximum');
    rejects(['settings', 'cache_expiration'], 0, 'minimum');
    accepts(['settings', 'asset_depth'], 0);
    rejects(['settings', 'minimum_items'], -1, 'minimum');
  });

  it('accepts run_order as a list or comma string, in any case', () => {
    accepts(['settings', 'run_order'], ['operations', 'metadata', 'collections', 'overlays']);
    accepts(['settings', 'run_order'], ['overlays', 'collections']);
    accepts(['settings', 'run_order'], 'Operations, metadata,collections');
    accepts(['settings', 'run_order'], null);
    expect(findings(configWith(['settings', 'run_order'], ['operations', 'playlists']))).toContain(
      '/settings/run_order/1 enum',
    );
    rejects(['settings', 'run_order'], 'operations, playlists', 'pattern');
  });

  it('accepts string-or-list settings', () => {
    accepts(['settings', 'asset_directory'], 'config/assets');
    accepts(['settings', 'asset_directory'], ['config/assets', '/assets']);
    accepts(['settings', 'playlist_sync_to_users'], 'all');
    accepts(['settings', 'playlist_sync_to_users'], ['alice', 'bob']);
    accepts(['settings', 'ignore_imdb_ids'], 'tt0001, tt0002');
  });

  it('accepts ignore_ids as ids, a comma string or a list, but not IMDb ids', () => {
    accepts(['settings', 'ignore_ids'], 12345);
    accepts(['settings', 'ignore_ids'], '123, 456');
    accepts(['settings', 'ignore_ids'], [123, '456']);
    accepts(['settings', 'ignore_ids'], null);
    rejects(['settings', 'ignore_ids'], 'tt0111161', 'pattern');
  });

  it('accepts blank values for every optional setting', () => {
    accepts(['settings'], { cache: null, cache_expiration: null, asset_folders: null, tvdb_language: null });
  });

  it('rejects quoted booleans', () => {
    rejects(['settings', 'cache'], 'true', 'type');
  });

  it('applies the per-library subset under libraries.<name>.settings', () => {
    accepts(['libraries', 'Movies', 'settings'], { asset_directory: 'a', minimum_items: 3, sync_mode: 'append' });
    rejects(['libraries', 'Movies', 'settings', 'sync_mode'], 'mirror', 'enum');
    const errors = validateConfig(configWith(['libraries', 'Movies', 'settings', 'cache'], true));
    expect(errors[0]).toMatchObject({ keyword: 'additionalProperties', params: { additionalProperty: 'cache' } });
  });
});

describe('connectors', () => {
  it('accepts blank secrets and rejects lists where strings are expected', () => {
    for (const [section, key] of [
      ['tautulli', 'apikey'],
      ['github', 'token'],
      ['omdb', 'apikey'],
      ['mdblist', 'apikey'],
      ['notifiarr', 'apikey'],
      ['gotify', 'token'],
      ['ntfy', 'topic'],
      ['apprise', 'config'],
    ] as const) {
      accepts([section, key], null);
      accepts([section, key], '[REDACTED]');
      rejects([section, key], ['REDACTED'], 'type');
    }
  });

  it('checks radarr and sonarr enums', () => {
    accepts(['radarr', 'availability'], 'cinemas');
    rejects(['radarr', 'availability'], 'inCinemas', 'enum');
    accepts(['radarr', 'monitor'], true);
    accepts(['radarr', 'monitor'], 'collection');
    accepts(['sonarr', 'monitor'], 'pilot');
    accepts(['sonarr', 'series_type'], 'anime');
    rejects(['sonarr', 'series_type'], 'cartoon', 'enum');
    accepts(['sonarr', 'quality_profile'], 1080);
    accepts(['radarr', 'tag'], 'kometa, 4k');
    accepts(['radarr', 'tag'], ['kometa', 4]);
    expect(findings(configWith(['sonarr', 'monitor'], 'some'))).toContain('/sonarr/monitor anyOf');
  });

  it('accepts webhooks as a string, a list or blank', () => {
    accepts(['webhooks'], { error: 'notifiarr', run_start: ['gotify', 'https://x'], run_end: null });
    rejects(['webhooks', 'changes'], true, 'type');
    accepts(['libraries', 'Movies', 'webhooks'], { changes: 'ntfy' });
  });

  it('accepts the newer and optional sections', () => {
    accepts(['simkl'], { user_token: null });
    accepts(['apprise'], { config: 'config/apprise.yml' });
    accepts(['anidb'], { language: 'en', enable_mature: 'yes', cache_expiration: 30 });
    rejects(['anidb', 'cache_expiration'], 0, 'minimum');
    accepts(['settings', 'store_authorization_in_db'], true);
    rejects(['settings', 'store_authorization_in_db'], 'no', 'type');
    accepts(['cache'], { cache: true, cache_expiration: 30 });
  });

  it('describes trakt and mal loosely and requires nothing', () => {
    accepts(['trakt'], { client_id: null, client_secret: null, pin: 1234, force_refresh: true, authorization: null });
    accepts(['trakt', 'authorization'], {
      access_token: 'a',
      token_type: 'bearer',
      expires_in: 86400,
      refresh_token: 'r',
      scope: 'public',
      created_at: 1700000000,
      extra: 'kept',
    });
    accepts(['mal'], { client_id: 'c', client_secret: 's', localhost_url: null, cache_expiration: 60, authorization: {} });
    rejects(['mal', 'cache_expiration'], 0, 'minimum');
  });
});

describe('libraries', () => {
  it('accepts a library without a body and any library name', () => {
    accepts(['libraries'], { 'Retro: Movies': null, スタジオジブリ: { library_name: 'Movies' }, Y: { library_name: 2024 } });
  });

  it('accepts file blocks in all their forms', () => {
    accepts(['libraries', 'Movies', 'collection_files'], [
      'config/Movies.yml',
      { default: 'basic' },
      { file: 'config/a.yml', template_variables: { sep_style: 'blue', anything: [1, { deep: true }] } },
      { folder: 'config/b/', schedule: 'weekly(sunday)', asset_directory: ['a', 'b'] },
      { git: 'PMM/chart/imdb', url: 'https://x/y.yml', repo: 'movies' },
      { pmm: 'imdb', template_variables: null },
    ]);
    accepts(['libraries', 'Movies', 'collection_files'], { default: 'basic' });
    accepts(['libraries', 'Movies', 'collection_files'], 'config/Movies.yml');
    accepts(['libraries', 'Movies', 'overlay_files'], [
      { remove_overlays: false },
      { reapply_overlay: true },
      { reset_overlays: null },
      { schedule: 'daily' },
      { schedule: null },
      { default: 'ribbon' },
    ]);
    accepts(['libraries', 'Movies', 'collection_files'], [{ default: 'imdb', schedule: null }]);
    accepts(['libraries', 'Movies', 'metadata_path'], [{ file: 'a.yml' }, 'b.yml']);
    accepts(['libraries', 'Movies', 'overlay_path'], [{ remove_overlays: true }, { git: 'PMM/overlays/imdb' }]);
  });

  it('rejects blank or misspelt file blocks', () => {
    rejects(['libraries', 'Movies', 'collection_files'], null, 'type');
    expect(findings(configWith(['libraries', 'Movies', 'collection_files'], [5]))).toContain(
      '/libraries/Movies/collection_files/0 type',
    );
    expect(findings(configWith(['libraries', 'Movies', 'collection_files'], [{ defualt: 'basic' }]))).toEqual([
      '/libraries/Movies/collection_files/0 additionalProperties',
    ]);
    expect(findings(configWith(['libraries', 'Movies', 'collection_files'], [null]))).toContain(
      '/libraries/Movies/collection_files/0 type',
    );
    expect(findings(configWith(['libraries', 'Movies', 'collection_files'], [{ file: null }]))).toContain(
      '/libraries/Movies/collection_files/0/file type',
    );
  });

  it('allows definition keys so that only the lint rule reports them', () => {
    accepts(['libraries', 'Movies', 'collections'], { Top: { tmdb_popular: 10 } });
    accepts(['libraries', 'Movies', 'templates'], null);
  });

  it('checks overlay flags and schedules', () => {
    accepts(['libraries', 'Movies', 'reset_overlays'], 'tmdb');
    accepts(['libraries', 'Movies', 'reset_overlays'], ['plex', 'tmdb']);
    expect(findings(configWith(['libraries', 'Movies', 'reset_overlays'], 'tvdb'))).toContain(
      '/libraries/Movies/reset_overlays anyOf',
    );
    accepts(['libraries', 'Movies', 'remove_overlays'], false);
    rejects(['libraries', 'Movies', 'remove_overlays'], 'yes', 'type');
    accepts(['libraries', 'Movies', 'schedule'], ['weekly(monday)', 'hourly(5)']);
    rejects(['libraries', 'Movies', 'schedule'], null, 'type');
    accepts(['libraries', 'Movies', 'schedule_overlays'], 'daily');
    accepts(['libraries', 'Movies', 'schedule_overlays'], null);
  });
});

describe('operations', () => {
  const op = (value: Json) => configWith(['libraries', 'Movies', 'operations'], value);

  it('accepts a mapping or a list of mappings with schedules', () => {
    expect(findings(op({ assets_for_all: true, mass_genre_update: ['tmdb', ['Unknown']] }))).toEqual([]);
    expect(
      findings(op([{ schedule: 'weekly(sunday)', split_duplicates: true }, { mass_user_rating_update: 'mdb_trakt' }])),
    ).toEqual([]);
    expect(findings(op(null))).toEqual([]);
    expect(findings(op([{ schedule: null, split_duplicates: true }]))).toContain(
      '/libraries/Movies/operations/0/schedule type',
    );
  });

  it('checks value shapes and enums of operations', () => {
    expect(findings(op({ mass_audience_rating_update: ['mdb_tomatoes', 5.0] }))).toEqual([]);
    expect(findings(op({ mass_user_rating_update: 11 }))).toContain(
      '/libraries/Movies/operations/mass_user_rating_update maximum',
    );
    expect(findings(op({ mass_critic_rating_update: true }))).toContain(
      '/libraries/Movies/operations/mass_critic_rating_update type',
    );
    expect(findings(op({ mass_imdb_parental_labels: 'mild' }))).toEqual([]);
    expect(findings(op({ mass_imdb_parental_labels: 'extreme' }))).toContain(
      '/libraries/Movies/operations/mass_imdb_parental_labels anyOf',
    );
    expect(findings(op({ mass_poster_update: { source: 'tmdb', seasons: false } }))).toEqual([]);
    expect(findings(op({ mass_poster_update: 'plex' }))).toEqual([]);
    expect(findings(op({ delete_collections: { managed: false, less: 1 } }))).toEqual([]);
    expect(findings(op({ delete_collections: { less: 0 } }))).toContain(
      '/libraries/Movies/operations/delete_collections/less minimum',
    );
    expect(findings(op({ mass_collection_mode: 'hide_items' }))).toEqual([]);
    expect(findings(op({ genre_mapper: { 'Sci-Fi & Fantasy': 'Science Fiction', Talk: null } }))).toEqual([]);
    expect(findings(op({ metadata_backup: { path: 'config/backup.yml', sync_tags: true } }))).toEqual([]);
    expect(findings(op({ assets_for_all: 'yes' }))).toContain('/libraries/Movies/operations/assets_for_all type');
  });

  it('reports unknown operations as additionalProperties', () => {
    expect(findings(op({ mass_originally_avaliable_update: 'tmdb' }))).toEqual([
      '/libraries/Movies/operations additionalProperties',
    ]);
  });
});
