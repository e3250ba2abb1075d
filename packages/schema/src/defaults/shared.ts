// Facts from ../shared/reference/kometa-files-deep.md §10.4 (shared collection templates), §10.5 (overlay
// `standard`), §6.1 (dynamic overrides), §5.3/§5.4 (template layers, variables Kometa provides) and
// kometa-files.md §10.3 (the docs' shared tables). `X(+k)` in the reference is written out as `X` and `X_<<key>>`.
import type { DefaultKind, SharedSetName, TypedVariable } from './model';

const keyed = (...names: string[]): string[] => names.flatMap((name) => [name, `${name}_<<key>>`]);

const ARR_BOOLS = ['add_missing', 'upgrade_existing', 'monitor_existing', 'search'];
const arr = (service: 'radarr' | 'sonarr'): string[] => keyed(...ARR_BOOLS.map((s) => `${service}_${s}`), `${service}_folder`, `${service}_tag`, `${service}_monitor`);

export const SHARED_SETS: Readonly<Record<SharedSetName, readonly string[]>> = {
  shared: [
    'use_<<key>>', 'use_all', 'allowed_libraries', 'collection_section', 'sort_prefix', 'order_<<key>>', 'sort_title',
    'name_<<key>>', 'summary_<<key>>', 'name_format', 'summary_format', 'name_mapping', 'collection_mode',
    ...keyed('visible_library', 'visible_home', 'visible_shared', 'minimum_items', 'hub_priority', 'item_radarr_tag', 'item_sonarr_tag'),
    ...keyed('url_poster', 'file_poster', 'url_background', 'file_background', 'schedule'),
    'ignore_ids', 'ignore_imdb_ids', 'limit', 'trakt_list', 'delete_collections_named',
    // The docs' shared table also lists the Arr variables for every collection default (kometa-files.md §10.3).
    ...arr('radarr'), ...arr('sonarr'),
  ],
  arr: [...arr('radarr'), ...arr('sonarr')],
  custom: keyed('sync_mode', 'collection_order', 'cache_builders'),
  separator: [
    'use_separator', 'sep_style', 'name_separator', 'summary_separator', 'url_poster_separator',
    'placeholder_tmdb_movie', 'placeholder_tvdb_show', 'placeholder_imdb_id',
    'collection_mode', 'collection_section', 'sort_prefix', 'minimum_items', 'sort_title',
    // The separator's own key is `separator`, so these are `name_separator`, ... written as key patterns.
    'name_<<key>>', 'summary_<<key>>', 'url_poster_<<key>>',
  ],
  smart_filter: keyed('sort_by', 'limit'),
  filter: keyed('sync_mode', 'sort_by', 'limit'),
  // `tmdb_person`: plumbing of the template.
  tmdb_person: ['style', ...keyed('tmdb_person_offset', 'url_poster'), 'tmdb_birthday', 'tmdb_deathday', 'tmdb_person'],
  imdb_award: ['award_filter', 'category_filter', 'winning'],
  use_year_collections: ['use_year_collections', 'year_collection_section'],
  other_collection: ['use_other'],
  based: ['limit', ...keyed('sort_by')],
  standard: [
    'use_<<key>>', 'use_all', 'allowed_libraries', 'overlay_level', 'builder_level',
    ...keyed('horizontal_align', 'vertical_align', 'horizontal_offset', 'vertical_offset', 'file', 'url', 'git', 'repo', 'default', 'pmm'),
    ...keyed('back_color', 'back_width', 'back_height', 'back_align', 'back_padding', 'back_radius', 'back_line_color', 'back_line_width'),
    'addon_offset', 'addon_position', ...keyed('scale_width', 'scale_height', 'weight'), 'group', 'queue', 'suppress_overlays',
    // Plumbing of the template (the image's alternative name).
    'alt',
  ],
  text: keyed('font', 'font_size', 'font_color', 'font_style', 'stroke_width', 'stroke_color'),
};

/** `dynamic_collections` attributes a file block's `template_variables` replace (deep §6.1, "CFG"). */
export const DYNAMIC_OVERRIDES: readonly string[] = [
  'data', 'append_data', 'remove_data', 'exclude', 'append_exclude', 'remove_exclude', 'include', 'append_include', 'remove_include',
  'addons', 'append_addons', 'remove_addons', 'custom_keys', 'remove_prefix', 'remove_suffix', 'title_format',
  'key_name_override', 'title_override', 'test', 'sync', 'other_name', 'limit', 'name_format',
];

/**
 * Names every default accepts: the special layer keys `default`/`conditionals` (deep §5.3), the variables Kometa
 * provides (§5.4; a config value overrides them), and the plumbing the files set and users do override (§10.4).
 */
const EVERY_KIND = [
  'default', 'conditionals',
  'collection_name', 'overlay_name', 'playlist_name', 'collection_sort', 'overlay_sort', 'playlist_sort', 'mapping_name', 'mapping_sort',
  'current_year', 'current_month', 'current_day', 'library_type', 'library_typeU', 'library_name',
  'key', 'key_name', 'translation_key', 'image', 'dynamic', 'pre', 'sort', 'order', 'title', 'separator', 'chart', 'type', 'use_blank',
  'search_term', 'search_value', 'filter_term', 'filter_value',
  'search_term<<any>>', 'search_value<<any>>', 'filter_term<<any>>', 'filter_value<<any>>', 'final_<<any>>',
];

export const COMMON: Readonly<Record<DefaultKind, readonly string[]>> = {
  // `language` is read by Kometa's code for every collection file (DataFile.__init__).
  collection: [...EVERY_KIND, 'language'],
  // Read by the overlay code for the file's queues (deep §7.7).
  overlay: [...EVERY_KIND, 'position', 'position_<<any>>', 'overlay_limit'],
  playlist: [...EVERY_KIND, 'language'],
};

const BOOL = { type: 'bool' } as const;
const INT1 = { type: 'int', minimum: 1 } as const;
const INT0 = { type: 'int', minimum: 0 } as const;
const enumOf = (...values: string[]) => ({ type: 'enum', values }) as const;

const WHITE_STYLE = ['chart/anilist', 'chart/basic', 'chart/imdb', 'chart/letterboxd', 'chart/myanimelist', 'chart/other_chart', 'chart/simkl', 'chart/tautulli', 'chart/tmdb', 'chart/trakt', 'both/streaming', 'show/network'];
const COUNTRY_STYLE = ['movie/country', 'movie/continent', 'movie/region', 'show/country', 'show/continent', 'show/region'];
const PEOPLE = ['both/actor', 'movie/director', 'movie/producer', 'movie/writer'];

/** Types and value lists the docs fix (deep §10.4, §10.5, §10.7, notes under §10.6). */
export const TYPES: readonly TypedVariable[] = [
  // Every `use_*` variable switches something on or off (`run_definition: <<use_…>>`).
  { name: 'use_<<any>>', spec: BOOL },
  ...[...ARR_BOOLS.map((s) => `radarr_${s}`), ...ARR_BOOLS.map((s) => `sonarr_${s}`)].flatMap((name) => [name, `${name}_<<key>>`]).map((name) => ({ name, spec: BOOL })),
  ...['originals_only', 'starting_only', 'starting_only_season', 'winning', 'custom_keys', 'test', 'sync'].map((name) => ({ name, spec: BOOL })),
  { name: 'hide_text', spec: BOOL, files: ['overlays/languages'] },
  { name: 'color', spec: BOOL, files: ['overlays/content_rating_au', 'overlays/content_rating_de', 'overlays/content_rating_nz', 'overlays/content_rating_uk', 'overlays/content_rating_us_movie', 'overlays/content_rating_us_show'] },
  ...['minimum_items', 'minimum_items_<<key>>', 'limit', 'limit_<<key>>', 'list_days', 'list_days_<<key>>', 'list_size', 'list_size_<<key>>', 'in_the_last_released', 'in_the_last_episodes'].map((name) => ({ name, spec: INT1 })),
  { name: 'last', spec: INT1, files: ['overlays/status'] },
  ...['cache_builders', 'cache_builders_<<key>>'].map((name) => ({ name, spec: INT0 })),
  { name: 'minimum', spec: { type: 'number' }, files: ['overlays/language_count'] },
  ...['minimum_rating', 'maximum_rating', 'fresh_rating'].map((name) => ({ name, spec: { type: 'number' } as const, files: ['overlays/ratings'] })),
  {
    name: 'sep_style',
    spec: enumOf('amethyst', 'aqua', 'blue', 'forest', 'fuchsia', 'gold', 'gray', 'green', 'navy', 'ocean', 'olive', 'orchid', 'orig', 'pink', 'plum', 'purple', 'red', 'rust', 'salmon', 'sand', 'stb', 'tan'),
  },
  // Kometa's collection_mode_options also take the spellings without an underscore.
  { name: 'collection_mode', spec: enumOf('default', 'hide', 'hide_items', 'hideitems', 'show_items', 'showitems') },
  ...['sync_mode', 'sync_mode_<<key>>'].map((name) => ({ name, spec: enumOf('sync', 'append') })),
  { name: 'style', spec: enumOf('color', 'white'), files: [...WHITE_STYLE, ...COUNTRY_STYLE, 'overlays/network', 'overlays/streaming'] },
  { name: 'style', spec: enumOf('default', 'standards'), files: ['both/resolution'] },
  { name: 'style', spec: enumOf('bw', 'rainier', 'signature', 'diiivoy', 'diiivoycolor'), files: PEOPLE },
  { name: 'style', spec: enumOf('compact', 'standard'), files: ['overlays/audio_codec'] },
  { name: 'style', spec: enumOf('yellow', 'gray', 'black', 'red'), files: ['overlays/ribbon'] },
  { name: 'style', spec: enumOf('standard', 'bigger'), files: ['overlays/studio'] },
  { name: 'style', spec: enumOf('round', 'square', 'half'), files: ['overlays/languages'] },
  ...['rating1', 'rating2', 'rating3'].map((name) => ({ name, spec: enumOf('critic', 'audience', 'user', 'none'), files: ['overlays/ratings'] })),
  ...['rating1_image', 'rating2_image', 'rating3_image'].map((name) => ({
    name,
    spec: enumOf('anidb', 'imdb', 'letterboxd', 'tmdb', 'metacritic', 'rt_popcorn', 'rt_tomato', 'trakt', 'mal', 'mdb', 'star'),
    files: ['overlays/ratings'],
  })),
  { name: 'horizontal_position', spec: enumOf('left', 'right', 'center'), files: ['overlays/ratings'] },
  { name: 'vertical_position', spec: enumOf('top', 'bottom', 'center'), files: ['overlays/ratings'] },
  { name: 'rating_alignment', spec: enumOf('horizontal', 'vertical'), files: ['overlays/ratings'] },
  { name: 'flag_alignment', spec: enumOf('left', 'right'), files: ['overlays/languages'] },
  { name: 'group_alignment', spec: enumOf('horizontal', 'vertical'), files: ['overlays/languages'] },
  { name: 'size', spec: enumOf('small', 'big'), files: ['overlays/languages'] },
  { name: 'horizontal_position', spec: enumOf('left', 'left2', 'center', 'center_left', 'center_right', 'right', 'right2'), files: ['overlays/languages'] },
  { name: 'vertical_position', spec: enumOf('top', 'top2', 'top3', 'center', 'center_top', 'center_bottom', 'bottom', 'bottom2', 'bottom3'), files: ['overlays/languages'] },
];

/** Files under `defaults/` that hold only shared templates (deep §10.2, "Internal"). */
export const OTHER_FILES: readonly string[] = ['templates', 'overlays/templates'];
