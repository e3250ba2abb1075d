import {
  any,
  caseInsensitiveCommaList,
  enumOf,
  int,
  list,
  nullable,
  object,
  string,
  union,
} from '../builder';
import { cacheExpiration, optBool, optInt, optString, paths, stringOrList } from './common';

const RUN_ORDER_STEPS = ['operations', 'metadata', 'collections', 'overlays'] as const;

/**
 * `run_order`: comma string (any case, as Kometa lower-cases it) or a list of the four steps. List items are a
 * plain enum so a typo gets a precise "allowed values" error; Kometa writes them back lower-case itself.
 */
const runOrder = nullable(
  union([caseInsensitiveCommaList(RUN_ORDER_STEPS), list(enumOf(RUN_ORDER_STEPS))], {
    description:
      'Order of the library steps: operations, metadata, collections, overlays. Missing steps are appended by Kometa.',
    default: [...RUN_ORDER_STEPS],
  }),
);

/** Comma-separated TMDb/TVDb ids (`123, 456`), an id, or a list of ids. */
const idList = nullable(
  union([
    string({ pattern: '^\\s*(?:\\d+(?:\\s*,\\s*\\d+)*)?\\s*$' }),
    int(),
    list(union([int(), string({ pattern: '^\\s*\\d+\\s*$' })])),
  ]),
);

/**
 * Settings that may also be set per library under `libraries.<name>.settings` (Kometa silently falls back to
 * the global value when a library-level one is invalid).
 */
export const librarySettingProperties = {
  run_order: runOrder,
  asset_directory: paths('Folders searched for posters and backgrounds (string or list). Each must exist.'),
  asset_folders: optBool({ default: true, description: 'Assets are in a folder per item (true) or flat files (false).' }),
  asset_depth: optInt({ minimum: 0, default: 0, description: 'How many sub-folder levels are searched for assets.' }),
  create_asset_folders: optBool({ default: false, description: 'Create missing asset folders.' }),
  prioritize_assets: optBool({ default: false, description: 'Local assets win over every other image source.' }),
  dimensional_asset_rename: optBool({ default: false, description: 'Rename unnamed assets by their dimensions.' }),
  download_url_assets: optBool({ default: false, description: 'Save images given by URL into the asset folder.' }),
  show_missing_assets: optBool({ default: true, description: 'Log items without assets.' }),
  show_missing_season_assets: optBool({ default: false, description: 'Log seasons without assets.' }),
  show_missing_episode_assets: optBool({ default: false, description: 'Log episodes without assets.' }),
  show_asset_not_needed: optBool({ default: true, description: 'Log assets that were not needed.' }),
  sync_mode: nullable(
    enumOf(['append', 'sync'], {
      default: 'append',
      description: 'append: only add items to collections; sync: also remove items no longer matched.',
    }),
  ),
  default_collection_order: optString({
    description: 'Collection order when none is given: release, alpha, custom or a Plex sort.',
  }),
  minimum_items: optInt({ minimum: 0, default: 1, description: 'Collections with fewer items are not built.' }),
  item_refresh_delay: optInt({ minimum: 0, default: 0, description: 'Seconds to wait between item refreshes.' }),
  delete_below_minimum: optBool({ default: false, description: 'Delete collections that fall below minimum_items.' }),
  delete_not_scheduled: optBool({ default: false, description: 'Delete collections that are not scheduled to run.' }),
  auto_sort_hubs: nullable(
    enumOf(['sort_title', 'sort_title.desc', 'alpha', 'alpha.desc', 'configured', 'configured.desc', 'random'], {
      description: 'Sort the library hubs (collections shown on Home/Recommended).',
    }),
  ),
  missing_only_released: optBool({ default: false, description: 'Report only released items as missing.' }),
  only_filter_missing: optBool({ default: false, description: 'Filters apply only to missing items.' }),
  show_unmanaged: optBool({ default: true, description: 'Log collections Kometa does not manage.' }),
  show_unconfigured: optBool({ default: true, description: 'Log collections that are not configured.' }),
  show_filtered: optBool({ default: false, description: 'Log items removed by filters.' }),
  show_unfiltered: optBool({ default: false, description: 'Log items that passed the filters.' }),
  show_options: optBool({ default: false, description: 'Log the options of attributes.' }),
  show_missing: optBool({ default: true, description: 'Log missing items.' }),
  save_report: optBool({ default: false, description: 'Write the library report file (see report_path).' }),
  ignore_ids: {
    ...idList,
    description: 'TMDb/TVDb ids Kometa never adds: comma-separated string or list (library lists add to the global one).',
  } as typeof idList,
  ignore_imdb_ids: stringOrList({ description: 'IMDb ids Kometa never adds: comma-separated string or list.' }),
  overlay_artwork_filetype: nullable(
    enumOf(['jpg', 'png', 'webp_lossy', 'webp_lossless', 'webp'], {
      default: 'webp_lossy',
      description: 'Image format of overlaid artwork (webp means webp_lossy).',
    }),
  ),
  overlay_artwork_quality: optInt({
    minimum: 1,
    maximum: 100,
    default: 90,
    description: 'Quality (1-100) of overlaid artwork for lossy formats.',
  }),
} as const;

/**
 * Keys Kometa renames or ignores inside settings blocks; allowed so they are reported as deprecations.
 * Renamed keys keep the type Kometa checks after renaming; ignored keys accept anything.
 */
const legacySettingProperties = {
  collection_minimum: optInt({ minimum: 0 }),
  save_missing: optBool(),
  released_missing_only: any(),
  missing_path: any(),
  report_path: any(),
  overlay_filetype: any(),
  overlay_quality: any(),
} as const;

/** `libraries.<name>.settings`. */
export const librarySettings = nullable(
  object(
    { ...librarySettingProperties, ...legacySettingProperties },
    { description: 'Overrides of global settings for this library.' },
  ),
);

/** The global `settings` section. */
export const settings = nullable(
  object(
    {
      ...librarySettingProperties,
      cache: optBool({ default: true, description: 'Cache ids and API results in config.cache.' }),
      cache_expiration: cacheExpiration('the Kometa'),
      run_again_delay: optInt({ minimum: 0, default: 0, description: 'Minutes to wait before the run_again pass.' }),
      tvdb_language: optString({ default: 'default', description: 'Language of TVDb titles/summaries (ISO 639-2).' }),
      playlist_sync_to_users: stringOrList({
        default: 'all',
        description: 'Plex users playlists are synced to: all, a comma-separated string or a list.',
      }),
      playlist_exclude_users: stringOrList({ description: 'Plex users excluded from playlist sync.' }),
      playlist_report: optBool({ default: true, description: 'Log a report of playlist syncs.' }),
      verify_ssl: optBool({ default: true, description: 'Verify SSL certificates on every connection.' }),
      custom_repo: optString({ description: 'Base URL that `repo:` file entries are resolved against.' }),
      store_authorization_in_db: optBool({
        default: false,
        description: 'Keep Trakt/MAL tokens in the Kometa cache database instead of config.yml (newer Kometa).',
      }),
      assets_for_all: optBool(),
      assets_for_all_collections: optBool(),
      ...legacySettingProperties,
      check_nightly: any(),
      playlist_sync_to_user: stringOrList(),
      playlist_exclude_user: any(),
      notifiarr_collection_creation: any(),
      notifiarr_collection_addition: any(),
      notifiarr_collection_removing: any(),
      cache_builders: any(),
    },
    { description: 'Global Kometa settings. Keys marked per-library may be overridden under libraries.<name>.settings.' },
  ),
);
