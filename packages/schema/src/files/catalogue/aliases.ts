/**
 * `plex.method_alias` (kometa-files §0.1): attribute names Kometa runs under another name, warning
 * "Collection Warning: {text} attribute will run as {final}". `Plex.split` lower-cases the key before the
 * lookup, so Kometa's two camel-case entries (`contentRating`, `contentRatings`) can never match and are left
 * out: a key `contentRating` reaches the loop as `contentrating` and is invalid.
 */
export const METHOD_ALIASES: Readonly<Record<string, string>> = {
  actors: 'actor',
  role: 'actor',
  roles: 'actor',
  show_actor: 'actor',
  show_actors: 'actor',
  show_role: 'actor',
  show_roles: 'actor',
  collections: 'collection',
  plex_collection: 'collection',
  show_collections: 'collection',
  show_collection: 'collection',
  content_ratings: 'content_rating',
  countries: 'country',
  decades: 'decade',
  directors: 'director',
  genres: 'genre',
  labels: 'label',
  collection_minimum: 'minimum_items',
  playlist_minimum: 'minimum_items',
  save_missing: 'save_report',
  rating: 'critic_rating',
  show_user_rating: 'user_rating',
  video_resolution: 'resolution',
  tmdb_trending: 'tmdb_trending_daily',
  play: 'plays',
  show_plays: 'plays',
  show_play: 'plays',
  episode_play: 'episode_plays',
  originally_available: 'release',
  episode_originally_available: 'episode_air_date',
  episode_release: 'episode_air_date',
  episode_released: 'episode_air_date',
  show_originally_available: 'release',
  show_release: 'release',
  show_air_date: 'release',
  released: 'release',
  show_released: 'release',
  max_age: 'release',
  studios: 'studio',
  networks: 'network',
  producers: 'producer',
  writers: 'writer',
  years: 'year',
  show_year: 'year',
  show_years: 'year',
  filter: 'filters',
  seasonyear: 'year',
  isadult: 'adult',
  startdate: 'start',
  enddate: 'end',
  averagescore: 'score',
  minimum_tag_percentage: 'min_tag_percent',
  minimumtagrank: 'min_tag_percent',
  minimum_tag_rank: 'min_tag_percent',
  anilist_tag: 'anilist_search',
  anilist_genre: 'anilist_search',
  anilist_season: 'anilist_search',
  mal_producer: 'mal_studio',
  mal_licensor: 'mal_studio',
  trakt_recommended: 'trakt_recommended_weekly',
  trakt_watched: 'trakt_watched_weekly',
  trakt_collected: 'trakt_collected_weekly',
  collection_changes_webhooks: 'changes_webhooks',
  radarr_add: 'radarr_add_missing',
  sonarr_add: 'sonarr_add_missing',
  trakt_recommended_personal: 'trakt_recommendations',
  collection_level: 'builder_level',
  overlay_level: 'builder_level',
};

/** `plex.modifier_alias`. */
export const MODIFIER_ALIASES: Readonly<Record<string, string>> = {
  '.greater': '.gt',
  '.less': '.lt',
};

/**
 * Definition-level names read early in `CollectionBuilder.__init__`: `collection_name` / `playlist_name` run as
 * `name` ("Config Warning: Running {type}_name as name"), `allowed_library_types` as `run_definition`.
 */
export const DEFINITION_NAME_ALIASES: Readonly<Record<string, string>> = {
  collection_name: 'name',
  playlist_name: 'name',
  allowed_library_types: 'run_definition',
};
