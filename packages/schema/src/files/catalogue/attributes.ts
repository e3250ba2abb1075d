import { ANY, BOOL, enumList, enumOf, float, int, LIST, LIST_ONLY, mapping, SCHEDULE, STRING, type ValueShape } from './shapes';

/** A definition attribute that is not a builder: a setting, detail, item update or Arr setting. */
export interface Attribute {
  readonly name: string;
  readonly value: ValueShape;
  /** Where it is read (the `modules/builder.py` list), for readers and the lint engine. */
  readonly group: AttributeGroup;
}

export type AttributeGroup =
  | 'setting' // `ignored_details`: read before the builder loop (kometa-files §4.1)
  | 'detail' // `details`, `summary_details`, `poster_details`, ... (§4.2)
  | 'item' // `item_details` (§4.3)
  | 'radarr' // `radarr_details` (§4.3)
  | 'sonarr' // `sonarr_details` (§4.3)
  | 'trakt' // `sync_to_trakt_list`, `sync_missing_to_trakt_list` (§2.4)
  | 'filters'; // `filters` (§3)

const a = (group: AttributeGroup) => (name: string, value: ValueShape): Attribute => ({ name, value, group });
const setting = a('setting');
const detail = a('detail');
const item = a('item');
const radarr = a('radarr');
const sonarr = a('sonarr');

const RUN_DEFINITION = ['true', 'false', 'movie', 'show', 'artist'] as const;
/** `plex.builder_level_options` plus the default levels `show` and `artist`. */
export const BUILDER_LEVELS = ['show', 'season', 'episode', 'artist', 'album', 'track'] as const;
/** `plex.collection_mode_options`. */
export const COLLECTION_MODES = ['default', 'hide', 'hide_items', 'hideitems', 'show_items', 'showitems'] as const;
/** `plex.plex_languages` (Kometa compares them lower-cased). */
export const PLEX_LANGUAGES = [
  'default', 'ar-SA', 'ca-ES', 'cs-CZ', 'da-DK', 'de-DE', 'el-GR', 'en-AU', 'en-CA', 'en-GB', 'en-US', 'es-ES', 'es-MX',
  'et-EE', 'fa-IR', 'fi-FI', 'fr-CA', 'fr-FR', 'he-IL', 'hi-IN', 'hu-HU', 'id-ID', 'it-IT', 'ja-JP', 'ko-KR', 'lt-LT',
  'lv-LV', 'nb-NO', 'nl-NL', 'pl-PL', 'pt-BR', 'pt-PT', 'ro-RO', 'ru-RU', 'sk-SK', 'sv-SE', 'th-TH', 'tr-TR', 'uk-UA',
  'vi-VN', 'zh-CN', 'zh-HK', 'zh-TW',
] as const;

/**
 * Settings read before the builder loop (`ignored_details` in `modules/builder.py`, kometa-files §4.1). The loop
 * skips every one of them, so each is accepted in collection and playlist files alike (a playlist-only key in a
 * collection is ignored, not an error).
 */
export const SETTINGS: readonly Attribute[] = [
  setting('smart_filter', { kind: 'searchBlock' }),
  // a sort string, or a search-block mapping containing <<smart_label>>
  setting('smart_label', ANY),
  setting('smart_url', STRING),
  setting('run_again', BOOL),
  setting('schedule', SCHEDULE),
  // an unknown mode only warns and falls back to the library's mode
  setting('sync_mode', STRING),
  setting('template', { kind: 'templateCall' }),
  setting('variables', mapping()),
  setting('test', BOOL),
  // overlay files only; silently ignored elsewhere
  setting('suppress_overlays', ANY),
  setting('delete_not_scheduled', BOOL),
  setting('tmdb_person', LIST),
  setting('build_collection', BOOL),
  // release/alpha/custom(.asc/.desc) or sort options of the level; the options depend on the library
  setting('collection_order', LIST_ONLY),
  setting('builder_level', enumOf(BUILDER_LEVELS)),
  // overlay files only; silently ignored elsewhere
  setting('overlay', ANY),
  setting('kometa_poster', mapping()),
  setting('validate_builders', BOOL),
  setting('libraries', LIST),
  setting('sync_to_users', LIST),
  setting('exclude_users', LIST),
  setting('name', STRING),
  setting('limit', int(1)),
  setting('blank_collection', BOOL),
  setting('run_definition', enumList(RUN_DEFINITION)),
  setting('delete_playlist', BOOL),
  setting('ignore_blank_results', BOOL),
  setting('only_run_on_create', BOOL),
  setting('delete_collections_named', LIST),
  setting('tmdb_person_offset', int(0)),
  setting('append_label', LIST),
  setting('key_name', STRING),
  setting('translation_key', STRING),
  setting('translation_prefix', STRING),
  // {before, after, this_month}
  setting('tmdb_birthday', ANY),
  setting('tmdb_deathday', ANY),
  setting('hub_priority', int(1)),
];

const SUMMARY_DETAILS = [
  'summary', 'tmdb_summary', 'tmdb_description', 'tmdb_biography', 'tvdb_summary', 'tvdb_description',
  'trakt_description', 'letterboxd_description', 'icheckmovies_description',
] as const;
const POSTER_DETAILS = ['url_poster', 'tmdb_poster', 'tmdb_profile', 'tvdb_poster', 'file_poster'] as const;
const BACKGROUND_DETAILS = ['url_background', 'tmdb_background', 'tvdb_background', 'file_background'] as const;
const SQUARE_ART_DETAILS = ['url_square_art', 'file_square_art'] as const;
const BOOLEAN_DETAILS = [
  'show_filtered', 'show_unfiltered', 'show_missing', 'save_report', 'missing_only_released', 'only_filter_missing',
  'delete_below_minimum', 'asset_folders', 'create_asset_folders',
] as const;

/** `summary_details` + `poster_details` (allowed in playlists) and the other image details. */
export const SUMMARY_AND_POSTER_DETAILS: readonly string[] = [...SUMMARY_DETAILS, ...POSTER_DETAILS];

/** Details and updates (kometa-files §4.2), including the `.remove`/`.sync` forms Kometa handles. */
export const DETAILS: readonly Attribute[] = [
  ...[...SUMMARY_DETAILS, ...POSTER_DETAILS, ...BACKGROUND_DETAILS, ...SQUARE_ART_DETAILS].map((name) => detail(name, STRING)),
  detail('ignore_ids', LIST),
  detail('ignore_imdb_ids', LIST),
  // a string, or a list of strings or nested lists
  detail('server_preroll', ANY),
  detail('changes_webhooks', LIST),
  // an unknown value is logged and ignored
  detail('collection_filtering', STRING),
  detail('collection_mode', enumOf(COLLECTION_MODES)),
  detail('url_theme', STRING),
  detail('file_theme', STRING),
  detail('minimum_items', int(1)),
  detail('label', LIST),
  detail('label.remove', LIST),
  detail('label.sync', LIST),
  detail('album_sorting', STRING),
  detail('cache_builders', int(0)),
  detail('tmdb_region', STRING),
  detail('default_percent', int(1, 100)),
  ...BOOLEAN_DETAILS.map((name) => detail(name, BOOL)),
  // a bool, or a schedule string: visible while scheduled
  ...['visible_library', 'visible_home', 'visible_shared'].map((name) => detail(name, ANY)),
  ...['sort_title', 'content_rating', 'name_mapping'].map((name) => detail(name, STRING)),
];

const tagUpdates = (name: string, value: ValueShape) => [item(name, value), item(`${name}.remove`, value), item(`${name}.sync`, value)];

/** Item updates (`item_details`, kometa-files §4.3). */
export const ITEM_UPDATES: readonly Attribute[] = [
  ...['item_critic_rating', 'item_audience_rating', 'item_user_rating'].map((name) => item(name, float(0, 10))),
  item('non_item_remove_label', LIST),
  ...tagUpdates('item_label', LIST),
  ...tagUpdates('item_genre', LIST),
  item('item_edition', STRING),
  ...tagUpdates('item_radarr_tag', LIST),
  ...tagUpdates('item_sonarr_tag', LIST),
  item('item_refresh_delay', int(0)),
  ...[
    'item_tmdb_season_titles', 'revert_overlay', 'item_assets', 'item_refresh', 'item_analyze',
    'item_lock_background', 'item_lock_poster', 'item_lock_square_art', 'item_lock_title',
  ].map((name) => item(name, BOOL)),
  // `plex.item_advance_keys`: an unknown value is logged as an error and the update skipped
  item('item_album_sorting', enumOf(['default', 'newest', 'oldest', 'name'])),
  item('item_episode_sorting', enumOf(['default', 'oldest', 'newest'])),
  item('item_keep_episodes', enumOf(['all', '5_latest', '3_latest', 'latest', 'past_3', 'past_7', 'past_30'])),
  item('item_delete_episodes', enumOf(['never', 'day', 'week', 'month', 'refresh'])),
  item('item_season_display', enumOf(['default', 'show', 'hide'])),
  item('item_episode_ordering', enumOf(['default', 'tmdb_aired', 'tvdb_aired', 'tvdb_dvd', 'tvdb_absolute'])),
  item('item_metadata_language', enumOf(PLEX_LANGUAGES)),
  item('item_use_original_title', enumOf(['default', 'no', 'yes'])),
  item('item_credits_detection', enumOf(['default', 'disabled'])),
  item('item_audio_language', enumOf(PLEX_LANGUAGES)),
  item('item_subtitle_language', enumOf(PLEX_LANGUAGES)),
  item('item_subtitle_mode', enumOf(['default', 'manual', 'foreign', 'always'])),
];

/** `radarr_details` and `sonarr_details` (kometa-files §4.3). All need the library's Radarr/Sonarr. */
export const ARR_SETTINGS: readonly Attribute[] = [
  ...['radarr_add_missing', 'radarr_add_existing', 'radarr_upgrade_existing', 'radarr_monitor_existing', 'radarr_monitor', 'radarr_search', 'radarr_ignore_cache'].map((name) => radarr(name, BOOL)),
  radarr('radarr_folder', STRING),
  radarr('radarr_quality', STRING),
  radarr('radarr_availability', enumOf(['announced', 'cinemas', 'released', 'db'])),
  radarr('radarr_tag', LIST),
  ...['sonarr_add_missing', 'sonarr_add_existing', 'sonarr_upgrade_existing', 'sonarr_monitor_existing', 'sonarr_season', 'sonarr_search', 'sonarr_cutoff_search', 'sonarr_ignore_cache'].map((name) => sonarr(name, BOOL)),
  sonarr('sonarr_folder', STRING),
  sonarr('sonarr_quality', STRING),
  sonarr('sonarr_language', STRING),
  sonarr('sonarr_monitor', enumOf(['all', 'future', 'missing', 'existing', 'pilot', 'first', 'latest', 'none'])),
  sonarr('sonarr_series', enumOf(['standard', 'daily', 'anime'])),
  sonarr('sonarr_tag', LIST),
];

/** The two Trakt settings handled with the Trakt builders (both need Trakt). */
export const TRAKT_SETTINGS: readonly Attribute[] = [
  a('trakt')('sync_to_trakt_list', STRING),
  a('trakt')('sync_missing_to_trakt_list', BOOL),
];

/**
 * Generic Arr names `plex.split` rewrites by library type (`add_to_arr` → `radarr_add_missing` or
 * `sonarr_add_missing`, `arr_tag`/`arr_folder` → `radarr_*`/`sonarr_*`); a file alone cannot say which.
 */
export const GENERIC_ARR: readonly Attribute[] = [
  a('radarr')('add_to_arr', BOOL),
  a('radarr')('arr_tag', LIST),
  a('radarr')('arr_folder', STRING),
];

/**
 * `playlist_attributes` (kometa-files §4.5) other than builders and the summary/poster/Arr details, which
 * the playlist schema takes from their own tables.
 */
export const PLAYLIST_ATTRIBUTES: readonly string[] = [
  'filters', 'name_mapping', 'show_filtered', 'show_unfiltered', 'show_missing', 'save_report', 'allowed_library_types',
  'run_definition', 'missing_only_released', 'only_filter_missing', 'delete_below_minimum', 'ignore_ids',
  'ignore_imdb_ids', 'server_preroll', 'changes_webhooks', 'minimum_items', 'cache_builders', 'default_percent',
];
