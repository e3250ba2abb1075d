/**
 * Filter attributes (`filters:`, kometa-files §3): categories with their modifiers (`builder.py`
 * `*_filters`/`*_modifiers`, `all_filters`), and the attributes allowed per item type (`filters_by_type`).
 */
export type FilterCategory = 'boolean' | 'string' | 'tag' | 'date' | 'number' | 'special';

export interface FilterAttribute {
  readonly name: string;
  readonly category: FilterCategory;
  readonly modifiers: readonly string[];
  /**
   * Set when `all_filters` lists the key but `validate_attribute` ends in "{final} filter attribute not
   * supported" for it, so Kometa fails the definition (kometa-files §3.2 ⚠).
   */
  readonly unsupported?: readonly string[];
}

export const FILTER_MODIFIERS = {
  string: ['', '.not', '.is', '.isnot', '.begins', '.ends', '.regex'],
  tag: ['', '.not', '.regex', '.count_gt', '.count_gte', '.count_lt', '.count_lte'],
  date: ['', '.not', '.before', '.after', '.regex'],
  number: ['', '.not', '.gt', '.gte', '.lt', '.lte'],
} as const;

const STRING = ['title', 'season_title', 'show_title', 'summary', 'studio', 'edition', 'record_label', 'folder', 'filepath', 'audio_track_title', 'subtitle_track_title', 'tmdb_title', 'audio_codec', 'audio_profile', 'video_codec', 'video_profile', 'tvdb_title', 'tvdb_status'];
const TAG = ['actor', 'collection', 'content_rating', 'country', 'director', 'network', 'genre', 'label', 'producer', 'year', 'origin_country', 'writer', 'resolution', 'audio_language', 'subtitle_language', 'tmdb_keyword', 'tmdb_genre', 'imdb_keyword', 'tvdb_genre'];
const BOOLEAN = ['has_collection', 'has_edition', 'has_overlay', 'has_dolby_vision', 'has_stinger'];
const DATE = ['release', 'added', 'last_played', 'first_episode_aired', 'last_episode_aired', 'last_episode_aired_or_never'];
const NUMBER = ['year', 'tmdb_year', 'critic_rating', 'audience_rating', 'user_rating', 'tmdb_vote_count', 'tmdb_vote_average', 'plays', 'duration', 'channels', 'height', 'width', 'aspect', 'versions', 'stinger_rating'];

/** Number filters missing from `validate_attribute`'s number/float lists (static reading of nightly). */
const UNSUPPORTED_NUMBERS = ['versions', 'stinger_rating'];

export const FILTER_ATTRIBUTES: readonly FilterAttribute[] = [
  ...BOOLEAN.map((name) => ({ name, category: 'boolean' as const, modifiers: [''] })),
  { name: 'history', category: 'special', modifiers: [''] },
  ...['episodes', 'seasons', 'albums', 'tracks'].map((name) => ({ name, category: 'special' as const, modifiers: [''] })),
  ...['original_language', 'tmdb_status', 'tmdb_type'].map((name) => ({ name, category: 'special' as const, modifiers: ['', '.not'] })),
  ...STRING.map((name) => ({ name, category: 'string' as const, modifiers: FILTER_MODIFIERS.string })),
  ...TAG.map((name) => ({
    name,
    category: 'tag' as const,
    modifiers: FILTER_MODIFIERS.tag,
    // `year.count_*` are listed but `validate_attribute` does not support them
    ...(name === 'year' ? { unsupported: ['.count_gt', '.count_gte', '.count_lt', '.count_lte'] } : {}),
  })),
  ...DATE.map((name) => ({ name, category: 'date' as const, modifiers: FILTER_MODIFIERS.date })),
  ...NUMBER.map((name) => ({
    name,
    category: 'number' as const,
    modifiers: FILTER_MODIFIERS.number,
    ...(UNSUPPORTED_NUMBERS.includes(name) ? { unsupported: FILTER_MODIFIERS.number } : {}),
  })),
];

/** Every key of Kometa's `all_filters` (395 entries, 393 distinct: `year` is a tag and a number filter). */
export const ALL_FILTER_KEYS: readonly string[] = FILTER_ATTRIBUTES.flatMap((attribute) => attribute.modifiers.map((modifier) => `${attribute.name}${modifier}`));

/** Number filters whose values are floats 0–10 rather than whole numbers. */
export const FLOAT_FILTERS: readonly string[] = ['critic_rating', 'audience_rating', 'user_rating', 'tmdb_vote_average', 'aspect', 'duration'];

/** `filters_by_type` (kometa-files §3.3): the filter attributes valid for each item type. */
export const FILTERS_BY_TYPE: Readonly<Record<'movie' | 'show' | 'season' | 'episode' | 'artist' | 'album' | 'track', readonly string[]>> = {
  movie: ['actor', 'added', 'aspect', 'audience_rating', 'audio_codec', 'audio_language', 'audio_profile', 'audio_track_title', 'channels', 'collection', 'content_rating', 'country', 'critic_rating', 'director', 'duration', 'edition', 'filepath', 'genre', 'has_collection', 'has_dolby_vision', 'has_edition', 'has_overlay', 'has_stinger', 'height', 'history', 'imdb_keyword', 'label', 'last_played', 'original_language', 'plays', 'producer', 'release', 'resolution', 'stinger_rating', 'studio', 'subtitle_language', 'subtitle_track_title', 'summary', 'title', 'tmdb_genre', 'tmdb_keyword', 'tmdb_title', 'tmdb_vote_average', 'tmdb_vote_count', 'tmdb_year', 'user_rating', 'versions', 'video_codec', 'video_profile', 'width', 'writer', 'year'],
  show: ['actor', 'added', 'aspect', 'audience_rating', 'audio_codec', 'audio_language', 'audio_profile', 'audio_track_title', 'channels', 'collection', 'content_rating', 'critic_rating', 'duration', 'episodes', 'filepath', 'first_episode_aired', 'folder', 'genre', 'has_collection', 'has_dolby_vision', 'has_overlay', 'height', 'history', 'imdb_keyword', 'label', 'last_episode_aired', 'last_episode_aired_or_never', 'last_played', 'network', 'origin_country', 'original_language', 'plays', 'release', 'resolution', 'seasons', 'studio', 'subtitle_language', 'subtitle_track_title', 'summary', 'title', 'tmdb_genre', 'tmdb_keyword', 'tmdb_status', 'tmdb_title', 'tmdb_type', 'tmdb_vote_average', 'tmdb_vote_count', 'tmdb_year', 'tvdb_genre', 'tvdb_status', 'tvdb_title', 'user_rating', 'versions', 'video_codec', 'video_profile', 'width', 'year'],
  season: ['added', 'aspect', 'audio_codec', 'audio_language', 'audio_profile', 'audio_track_title', 'channels', 'collection', 'episodes', 'filepath', 'has_collection', 'has_dolby_vision', 'has_overlay', 'height', 'label', 'last_played', 'plays', 'resolution', 'show_title', 'subtitle_language', 'subtitle_track_title', 'summary', 'title', 'user_rating', 'versions', 'video_codec', 'video_profile', 'width', 'year'],
  episode: ['actor', 'added', 'aspect', 'audience_rating', 'audio_codec', 'audio_language', 'audio_profile', 'audio_track_title', 'channels', 'collection', 'content_rating', 'critic_rating', 'director', 'duration', 'filepath', 'has_collection', 'has_dolby_vision', 'has_overlay', 'height', 'history', 'label', 'last_played', 'plays', 'producer', 'release', 'resolution', 'season_title', 'show_title', 'subtitle_language', 'subtitle_track_title', 'summary', 'title', 'user_rating', 'versions', 'video_codec', 'video_profile', 'width', 'writer', 'year'],
  artist: ['added', 'albums', 'audio_track_title', 'collection', 'country', 'filepath', 'folder', 'genre', 'has_collection', 'has_overlay', 'label', 'last_played', 'plays', 'subtitle_track_title', 'summary', 'title', 'tracks', 'user_rating', 'versions'],
  album: ['added', 'audio_track_title', 'collection', 'critic_rating', 'filepath', 'genre', 'has_collection', 'has_overlay', 'history', 'label', 'last_played', 'plays', 'record_label', 'release', 'subtitle_track_title', 'summary', 'title', 'tracks', 'user_rating', 'versions', 'year'],
  track: ['added', 'audio_track_title', 'collection', 'duration', 'filepath', 'has_collection', 'label', 'last_played', 'plays', 'subtitle_track_title', 'summary', 'title', 'user_rating', 'versions', 'year'],
};
