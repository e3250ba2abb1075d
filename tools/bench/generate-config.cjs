'use strict';
// Deterministic, realistic Kometa configs of a chosen size for the benchmark: the same shape as a
// kitchen-sink config (many libraries, long collection/overlay lists with template variables, operations,
// every service section), grown by adding libraries so that size is the only thing that changes.

const MOVIE_DEFAULTS = ['basic', 'imdb', 'tmdb', 'trakt', 'letterboxd', 'oscars', 'golden', 'bafta', 'cannes', 'franchise', 'universe', 'genre', 'studio', 'decade', 'year', 'actor', 'director', 'content_rating_us', 'resolution', 'audio_language', 'seasonal', 'streaming'];
const SHOW_DEFAULTS = ['basic', 'imdb', 'tmdb', 'trakt', 'emmy', 'golden', 'network', 'genre', 'studio', 'decade', 'year', 'actor', 'content_rating_us', 'resolution', 'streaming'];
const OVERLAYS = ['resolution', 'audio_codec', 'ribbon', 'ratings', 'streaming', 'video_format', 'mediastinger', 'languages'];
const LIBRARY_KINDS = [
  { name: 'Movies', defaults: MOVIE_DEFAULTS },
  { name: 'TV Shows', defaults: SHOW_DEFAULTS },
  { name: '4K Movies', defaults: MOVIE_DEFAULTS },
  { name: 'Anime', defaults: SHOW_DEFAULTS },
  { name: 'Kids Movies', defaults: MOVIE_DEFAULTS },
  { name: 'Documentaries', defaults: SHOW_DEFAULTS },
];

function library(index) {
  const kind = LIBRARY_KINDS[index % LIBRARY_KINDS.length];
  const round = Math.floor(index / LIBRARY_KINDS.length);
  const name = round === 0 ? kind.name : `${kind.name} (Server ${round + 1})`;
  const lines = [
    `  ${name}:                                   # must match the Plex library name`,
    ...(round === 0 ? [] : [`    library_name: ${kind.name}`]),
    `    report_path: config/missing/library_${index}_report.yml`,
    '    remove_overlays: false',
    '    template_variables:',
    '      sep_style: gray',
    '      collection_mode: hide',
    '      language: en',
    '    collection_files:',
  ];
  kind.defaults.forEach((name, i) => {
    lines.push(`      - default: ${name}`);
    if (i % 2 === 0) {
      lines.push('        template_variables:', `          sort_prefix: "${String(i).padStart(2, '0')}"`, '          visible_home: false');
    }
  });
  lines.push(`      - file: config/collections/library_${index}.yml`, '        schedule: weekly(sunday)');
  lines.push('    overlay_files:');
  OVERLAYS.forEach((name, i) => {
    lines.push(`      - default: ${name}`);
    if (i % 3 === 0) lines.push('        template_variables:', '          back_color: "#00000099"', '          back_radius: 30');
  });
  lines.push(
    '    operations:',
    '      mass_critic_rating_update: mdb_tomatoes',
    '      mass_audience_rating_update: mdb_tomatoesaudience',
    '      mass_user_rating_update: imdb',
    '      mass_genre_update: tmdb',
    '      mass_content_rating_update: mdb_commonsense',
    '      mass_originally_available_update: tmdb',
    '      split_duplicates: false',
    '      assets_for_all: false',
    '      delete_collections:',
    '        configured: false',
    '        managed: true',
    '    settings:',
    `      asset_directory: config/assets/library_${index}`,
    '      prioritize_assets: true',
    '      minimum_items: 5',
  );
  return lines;
}

const GLOBAL_SECTIONS = `playlist_files:
  - default: playlist
    template_variables:
      libraries: Movies, TV Shows
settings:
  run_order:
    - operations
    - metadata
    - collections
    - overlays
  cache: true
  cache_expiration: 60
  asset_directory: config/assets
  asset_folders: true
  asset_depth: 0
  create_asset_folders: false
  prioritize_assets: false
  dimensional_asset_rename: false
  download_url_assets: false
  show_missing_season_assets: false
  show_missing_episode_assets: false
  show_asset_not_needed: true
  sync_mode: append
  minimum_items: 1
  default_collection_order:
  delete_below_minimum: true
  delete_not_scheduled: false
  run_again_delay: 2
  missing_only_released: false
  only_filter_missing: false
  show_unmanaged: true
  show_unconfigured: true
  show_filtered: false
  show_options: false
  show_missing: true
  save_report: false
  tvdb_language: eng
  ignore_ids:
  ignore_imdb_ids:
  item_refresh_delay: 0
  playlist_sync_to_users: all
  playlist_exclude_users:
  playlist_report: false
  verify_ssl: true
  custom_repo:
  overlay_artwork_filetype: webp_lossy
  overlay_artwork_quality: 90
webhooks:
  error: notifiarr
  version:
  run_start:
  run_end:
  changes:
  delete:
plex:
  url: http://192.168.1.12:32400
  token: <<PLEX_TOKEN>>
  timeout: 60
  db_cache:
  clean_bundles: false
  empty_trash: false
  optimize: false
  verify_ssl:
tmdb:
  apikey: <<TMDB_APIKEY>>
  language: en
  region: US
  cache_expiration: 60
tautulli:
  url: http://192.168.1.12:8181
  apikey: <<TAUTULLI_APIKEY>>
github:
  token: <<GITHUB_TOKEN>>
omdb:
  apikey: <<OMDB_APIKEY>>
  cache_expiration: 60
mdblist:
  apikey: <<MDBLIST_APIKEY>>
  cache_expiration: 60
notifiarr:
  apikey: <<NOTIFIARR_APIKEY>>
anidb:
  language: en
  cache_expiration: 60
radarr:
  url: http://192.168.1.12:7878
  token: <<RADARR_TOKEN>>
  add_missing: false
  add_existing: false
  upgrade_existing: false
  monitor_existing: false
  root_folder_path: /movies
  monitor: true
  availability: announced
  quality_profile: HD-1080p
  tag:
  search: false
  radarr_path:
  plex_path:
sonarr:
  url: http://192.168.1.12:8989
  token: <<SONARR_TOKEN>>
  add_missing: false
  add_existing: false
  upgrade_existing: false
  monitor_existing: false
  root_folder_path: /tv
  monitor: all
  quality_profile: HD-1080p
  language_profile: English
  series_type: standard
  season_folder: true
  tag:
  search: false
  cutoff_search: false
  sonarr_path:
  plex_path:
trakt:
  client_id: <<TRAKT_CLIENT_ID>>
  client_secret: <<TRAKT_CLIENT_SECRET>>
  pin:
  authorization:
    access_token: <<TRAKT_ACCESS_TOKEN>>
    token_type: Bearer
    expires_in: 7776000
    refresh_token: <<TRAKT_REFRESH_TOKEN>>
    scope: public
    created_at: 1767225600
mal:
  client_id: <<MAL_CLIENT_ID>>
  client_secret: <<MAL_CLIENT_SECRET>>
  localhost_url:
  cache_expiration: 60
  authorization:
    access_token: <<MAL_ACCESS_TOKEN>>
    token_type: Bearer
    expires_in: 2678400
    refresh_token: <<MAL_REFRESH_TOKEN>>
`.split('\n');

/**
 * A config of at least `targetLines` lines (the global sections plus as many libraries as it takes).
 * @param {number} targetLines
 * @returns {string}
 */
function generateConfig(targetLines) {
  const lines = ['# Generated by tools/bench: a kitchen-sink-shaped Kometa config.', 'libraries:'];
  for (let index = 0; lines.length + GLOBAL_SECTIONS.length < targetLines; index++) lines.push(...library(index));
  return [...lines, ...GLOBAL_SECTIONS].join('\n');
}

const COLLECTION_FILE = `collections:
  Christmas Movies:
    trakt_list: https://trakt.tv/users/movistapp/lists/christmas-movies
    sort_title: "!050_Christmas"
    collection_order: release
    schedule: range(12/01-12/31)
  Studio Ghibli:
    tmdb_company: 10342
    collection_order: release
`;

/**
 * The local files a generated config links to (`- file: config/...`), as paths relative to the config's
 * folder, with the content to write there so that the benchmark lints a config whose links resolve.
 * @param {string} config
 * @returns {{ path: string, content: string }[]}
 */
function linkedFiles(config) {
  return [...config.matchAll(/^\s*- file: (\S+)$/gm)].map((match) => ({ path: match[1], content: COLLECTION_FILE }));
}

module.exports = { generateConfig, linkedFiles };
