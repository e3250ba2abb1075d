/**
 * Plex search keys (`plex.searches`, kometa-files §2.13): 95 attributes in categories, each with its modifiers.
 * The same keys work inside `plex_search`/`smart_filter` blocks and as definition-level shorthand (§2.14).
 */
export type SearchCategory = 'boolean' | 'string' | 'tag' | 'year' | 'date' | 'number' | 'float';

export interface SearchAttribute {
  readonly name: string;
  readonly category: SearchCategory;
  /** Modifiers Kometa accepts for it (`''` = the bare name). */
  readonly modifiers: readonly string[];
}

const BOOLEAN = ['dovi', 'hdr', 'unmatched', 'duplicate', 'unplayed', 'progress', 'trash', 'unplayed_episodes', 'episode_unplayed', 'episode_duplicate', 'episode_progress', 'episode_unmatched', 'show_unmatched', 'artist_unmatched', 'album_unmatched', 'track_trash'];
const STRING = ['title', 'studio', 'edition', 'episode_title', 'artist_title', 'album_title', 'album_record_label', 'track_title'];
const TAG = ['actor', 'episode_actor', 'audio_language', 'collection', 'content_rating', 'country', 'director', 'genre', 'label', 'season_label', 'episode_label', 'network', 'producer', 'resolution', 'studio', 'subtitle_language', 'writer', 'season_collection', 'episode_collection', 'edition', 'artist_genre', 'artist_collection', 'artist_country', 'artist_mood', 'artist_label', 'artist_style', 'album_genre', 'album_mood', 'album_style', 'album_format', 'album_type', 'album_collection', 'album_source', 'album_label', 'track_mood', 'track_source', 'track_label'];
const YEAR = ['decade', 'year', 'episode_year', 'album_year', 'album_decade'];
const DATE = ['added', 'episode_added', 'release', 'episode_air_date', 'last_played', 'episode_last_played', 'artist_added', 'artist_last_played', 'album_last_played', 'album_added', 'album_released', 'track_last_played', 'track_last_skipped', 'track_last_rated', 'track_added'];
const NUMBER = ['plays', 'episode_plays', 'album_plays', 'track_plays', 'track_skips'];
const FLOAT = ['user_rating', 'episode_user_rating', 'critic_rating', 'episode_critic_rating', 'audience_rating', 'episode_audience_rating', 'duration', 'artist_user_rating', 'album_user_rating', 'album_critic_rating', 'track_user_rating'];
/** `plex.no_not_mods`: no `.not` form (and no comparisons for the decades). */
const NO_NOT = ['resolution', 'decade', 'album_decade'];

const STRING_MODIFIERS = ['', '.not', '.is', '.isnot', '.begins', '.ends'];
const TAG_MODIFIERS = ['', '.not', '.regex'];
const DATE_MODIFIERS = ['', '.not', '.before', '.after'];
const NUMBER_MODIFIERS = ['.gt', '.gte', '.lt', '.lte'];
const FLOAT_MODIFIERS = ['.gt', '.gte', '.lt', '.lte', '.rated'];

const without = (modifiers: readonly string[], name: string, dropped: string) =>
  NO_NOT.includes(name) || name === 'duration' ? modifiers.filter((m) => m !== dropped) : modifiers;

/**
 * One entry per (attribute, category): `studio` and `edition` are both string and tag searches, the years
 * both tag-like and numeric, as in Kometa's list.
 */
export const SEARCH_ATTRIBUTES: readonly SearchAttribute[] = [
  ...BOOLEAN.map((name) => ({ name, category: 'boolean' as const, modifiers: [''] })),
  ...STRING.map((name) => ({ name, category: 'string' as const, modifiers: STRING_MODIFIERS })),
  ...TAG.map((name) => ({ name, category: 'tag' as const, modifiers: NO_NOT.includes(name) ? TAG_MODIFIERS.filter((m) => m !== '.not') : TAG_MODIFIERS })),
  ...YEAR.map((name) => ({ name, category: 'year' as const, modifiers: [...(NO_NOT.includes(name) ? TAG_MODIFIERS.filter((m) => m !== '.not') : TAG_MODIFIERS), ...(NO_NOT.includes(name) ? [] : NUMBER_MODIFIERS)] })),
  ...DATE.map((name) => ({ name, category: 'date' as const, modifiers: DATE_MODIFIERS })),
  ...NUMBER.map((name) => ({ name, category: 'number' as const, modifiers: NUMBER_MODIFIERS })),
  ...FLOAT.map((name) => ({ name, category: 'float' as const, modifiers: without(FLOAT_MODIFIERS, name, '.rated') })),
];

/** Every search key (`plex.searches`, 333 entries of which 329 are distinct), grouped by category (Kometa lists the numeric year comparisons after the plays). */
export const SEARCH_KEYS: readonly string[] = SEARCH_ATTRIBUTES.flatMap((attribute) => attribute.modifiers.map((modifier) => `${attribute.name}${modifier}`));

/** `plex.and_searches`: legacy `*.and` keys, accepted only inside search blocks. */
export const AND_SEARCH_KEYS: readonly string[] = ['title.and', 'studio.and', 'actor.and', 'audio_language.and', 'collection.and', 'content_rating.and', 'country.and', 'director.and', 'genre.and', 'label.and', 'network.and', 'producer.and', 'subtitle_language.and', 'writer.and'];

/** Item types `type:` may pick in a playlist's search block (`plex.sort_types` keys). */
export const SEARCH_TYPES = ['movie', 'show', 'season', 'episode', 'artist', 'album', 'track'] as const;

const DIRECTIONS = (fields: readonly string[]) => [...fields.flatMap((field) => [`${field}.asc`, `${field}.desc`]), 'random'];

/** `plex.sort_types`: `sort_by` options per item type. */
export const SORT_OPTIONS: Readonly<Record<(typeof SEARCH_TYPES)[number], readonly string[]>> = {
  movie: DIRECTIONS(['title', 'year', 'originally_available', 'release', 'critic_rating', 'audience_rating', 'user_rating', 'content_rating', 'duration', 'progress', 'plays', 'added', 'viewed', 'resolution', 'bitrate']),
  show: DIRECTIONS(['title', 'year', 'originally_available', 'episode_originally_available', 'release', 'episode_release', 'critic_rating', 'audience_rating', 'user_rating', 'content_rating', 'unplayed', 'episode_added', 'added', 'viewed']),
  season: DIRECTIONS(['season', 'show', 'user_rating', 'added']),
  episode: DIRECTIONS(['title', 'show', 'year', 'originally_available', 'episode_originally_available', 'release', 'episode_release', 'critic_rating', 'audience_rating', 'user_rating', 'duration', 'progress', 'plays', 'added', 'viewed', 'resolution', 'bitrate']),
  artist: DIRECTIONS(['title', 'user_rating', 'added', 'played', 'plays']),
  album: DIRECTIONS(['title', 'album_artist', 'year', 'originally_available', 'release', 'critic_rating', 'user_rating', 'added', 'played', 'plays']),
  track: DIRECTIONS(['title', 'album_artist', 'artist', 'album', 'user_rating', 'duration', 'plays', 'added', 'played', 'rated', 'popularity', 'bitrate']),
};

/** Every sort option of any item type. */
export const ALL_SORT_OPTIONS: readonly string[] = [...new Set(Object.values(SORT_OPTIONS).flat())];

/** Date attributes whose comparison modifiers Kometa rewrites (`.gt/.gte` → `.after`, `.lt/.lte` → `.before`). */
export const DATE_ATTRIBUTES: readonly string[] = [...DATE, 'first_episode_aired', 'last_episode_aired', 'last_episode_aired_or_never'];
