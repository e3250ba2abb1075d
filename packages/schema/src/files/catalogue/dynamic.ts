/** Dynamic collections (`dynamic_collections:`, kometa-files-deep §6). */

/** `meta.dynamic_attributes`; other keys only warn ("Config Warning: {key} attribute is invalid"). */
export const DYNAMIC_ATTRIBUTES: readonly string[] = ['type', 'data', 'exclude', 'addons', 'template', 'template_variables', 'other_template', 'remove_suffix', 'custom_keys', 'remove_prefix', 'title_format', 'key_name_override', 'title_override', 'test', 'sync', 'include', 'other_name'];

/** Legacy names Kometa renames silently (they still trigger the "attribute is invalid" warning). */
export const DYNAMIC_LEGACY_ATTRIBUTES: Readonly<Record<string, string>> = {
  post_format_override: 'title_override',
  pre_format_override: 'key_name_override',
};

/** `meta.auto`: the `type` values per library type (33 distinct). */
export const DYNAMIC_TYPES_BY_LIBRARY: Readonly<Record<'movie' | 'show' | 'artist' | 'video', readonly string[]>> = {
  movie: ['tmdb_collection', 'edition', 'country', 'director', 'producer', 'writer', 'letterboxd_user_lists', 'genre', 'number', 'custom', 'actor', 'year', 'content_rating', 'original_language', 'tmdb_popular_people', 'trakt_user_lists', 'studio', 'trakt_liked_lists', 'trakt_people_list', 'subtitle_language', 'audio_language', 'resolution', 'decade', 'imdb_awards'],
  show: ['network', 'origin_country', 'episode_year', 'genre', 'number', 'custom', 'actor', 'year', 'content_rating', 'original_language', 'tmdb_popular_people', 'trakt_user_lists', 'studio', 'trakt_liked_lists', 'trakt_people_list', 'subtitle_language', 'audio_language', 'resolution', 'decade', 'imdb_awards'],
  artist: ['mood', 'style', 'country', 'album_genre', 'album_mood', 'album_style', 'track_mood', 'genre', 'number', 'custom'],
  video: ['country', 'content_rating', 'genre', 'number', 'custom'],
};

/** Every `type` value. */
export const DYNAMIC_TYPES: readonly string[] = [...new Set(Object.values(DYNAMIC_TYPES_BY_LIBRARY).flat())];

/** `data` of the people types: a mapping of these counts (aliases `actor_depth`, `actor_minimum`, `number_of_actors`). */
export const PEOPLE_DYNAMIC_TYPES: readonly string[] = ['actor', 'director', 'writer', 'producer'];
