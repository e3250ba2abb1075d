import { any, caseInsensitiveEnum, nullable, object, openObject, record, type JsonSchema, type TSchema } from '../builder';
import { fileBlocks } from '../sections/files';
import { PLEX_LANGUAGES } from './catalogue/attributes';
import { KOMETA_VERSION } from './catalogue/index';
import { UNKNOWN_KEY_SEVERITY } from './unknown-keys';
import { boolish, floatish, intish, scalar, scalarList } from './values';

/*
 * Metadata files (reference kometa-files-deep.md §8, `meta.py` `MetadataFile.update_metadata`). Kometa reads only
 * the keys it knows and silently ignores the rest, so every mapping is closed and marked: an unknown key is a
 * warning (usually a typo, such as `seaasons`, that edits nothing), never an error. Keys are matched in any case;
 * the engine lower-cases them before checking. Values that Kometa rejects are logged as errors and skipped.
 */

const warnOnUnknown = <T>(schema: TSchema<T>): TSchema<T> => ({ ...schema, [UNKNOWN_KEY_SEVERITY]: 'warning' }) as TSchema<T>;
const closed = <P extends Readonly<Record<string, TSchema<unknown>>>>(properties: P, description?: string) =>
  warnOnUnknown(object(Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, nullable(value)])) as P, description ? { description } : undefined));

/**
 * A mapping entry Kometa drops with a warning when it is not a mapping: any JSON type passes, and the object
 * keywords judge mappings only.
 */
const entry = <T>(schema: TSchema<T>): TSchema<unknown> => ({ ...schema, type: ['object', 'array', 'string', 'number', 'boolean', 'null'] }) as TSchema<unknown>;

const text = scalar();
const rating = floatish(0, 10, { description: 'A number from 0 to 10.' });
const date = scalar({ description: 'YYYY-MM-DD or MM/DD/YYYY.' });

/** `X`, `X.sync` and `X.remove` of a tag (list or comma-separated string). */
function tags(names: readonly string[]): Record<string, TSchema<unknown>> {
  return Object.fromEntries(names.flatMap((name) => ['', '.sync', '.remove'].map((modifier) => [`${name}${modifier}`, scalarList({ description: `Tags: ${name}${modifier || ''}.` })])));
}

const images = Object.fromEntries(
  ['url_poster', 'file_poster', 'url_background', 'file_background', 'url_logo', 'file_logo', 'url_square_art', 'file_square_art'].map((key) => [key, text]),
);

const LANGUAGE = caseInsensitiveEnum(['default', ...PLEX_LANGUAGES, 'en'], { description: '`default` or a Plex language code.' });
/** The "advanced" edits (`plex.py` option dicts; values are lower-cased before the lookup). */
const advanced = {
  metadata_language: LANGUAGE,
  use_original_title: caseInsensitiveEnum(['default', 'no', 'yes']),
  credits_detection: caseInsensitiveEnum(['default', 'disabled']),
  episode_sorting: caseInsensitiveEnum(['default', 'oldest', 'newest']),
  keep_episodes: caseInsensitiveEnum(['all', '5_latest', '3_latest', 'latest', 'past_3', 'past_7', 'past_30']),
  delete_episodes: caseInsensitiveEnum(['never', 'day', 'week', 'month', 'refresh']),
  season_display: caseInsensitiveEnum(['default', 'show', 'hide']),
  episode_ordering: caseInsensitiveEnum(['default', 'tmdb_aired', 'tvdb_aired', 'tvdb_dvd', 'tvdb_absolute']),
  audio_language: LANGUAGE,
  subtitle_language: LANGUAGE,
  subtitle_mode: caseInsensitiveEnum(['default', 'manual', 'foreign', 'always']),
  album_sorting: caseInsensitiveEnum(['default', 'newest', 'oldest', 'name']),
};

const episode = closed({
  title: text,
  sort_title: text,
  content_rating: text,
  critic_rating: rating,
  audience_rating: rating,
  user_rating: rating,
  originally_available: date,
  summary: text,
  ...tags(['director', 'writer', 'label']),
  ...images,
});

/** Episodes by number, exact title or (date-based shows) `MM/DD`. */
const episodes = record(entry(episode), { description: 'Episode number, title or MM/DD → edits.' });

const season = closed({
  title: text,
  summary: text,
  user_rating: rating,
  ...tags(['label']),
  ...images,
  audio_language: advanced.audio_language,
  subtitle_language: advanced.subtitle_language,
  subtitle_mode: advanced.subtitle_mode,
  episodes,
});

const track = closed({ title: text, alt_title: text, user_rating: rating, track: intish(), disc: intish(), original_artist: text, ...tags(['mood', 'collection', 'label']) });

const album = closed({
  title: text,
  alt_title: text,
  sort_title: text,
  critic_rating: rating,
  user_rating: rating,
  originally_available: date,
  record_label: text,
  summary: text,
  ...tags(['genre', 'style', 'mood', 'collection', 'label']),
  ...images,
  tracks: record(entry(track), { description: 'Track number or title → edits.' }),
});

/** `match:` chooses the Plex item(s) to edit. */
const match = closed(
  {
    title: scalarList({ description: 'Exact title(s) to search for.' }),
    year: intish(1800, undefined, { description: 'Release year.' }),
    mapping_id: scalar({ description: 'TMDb movie / TVDb show ID, or an IMDb `tt` ID.' }),
    edition: scalarList(),
    edition_contains: scalarList(),
    blank_edition: boolish(),
  },
  'How Kometa finds the item(s) to edit.',
);

/** One item: what to find and what to change (movies, shows and artists share one shape; Kometa ignores what a type does not use). */
const item = closed({
  template: any({ description: 'Template call(s): {name: …, <variables>}.' }),
  variables: openObject({}, any()),
  run_definition: scalarList({ description: 'true, false, movie, show, artist (list or comma-separated).' }),
  match,
  mapping_id: scalar({ description: 'Legacy: use match.mapping_id.' }),
  year: intish(1800),
  alt_title: text,
  edition_filter: scalarList(),
  edition_contains: scalarList(),
  blank_edition: boolish(),
  title: text,
  sort_title: text,
  edition: text,
  user_rating: rating,
  critic_rating: rating,
  audience_rating: rating,
  originally_available: date,
  content_rating: text,
  original_title: text,
  studio: text,
  tagline: text,
  summary: text,
  tmdb_show: scalar(),
  tmdb_movie: scalar(),
  tmdb_id: scalar(),
  ...tags(['genre', 'label', 'collection', 'country', 'director', 'producer', 'writer', 'style', 'mood', 'similar_artist']),
  ...advanced,
  ...images,
  update_seasons: scalarList(),
  update_episodes: scalarList(),
  seasons: record(entry(season), { description: 'Season number (0 = specials) or title → edits.' }),
  episodes: record(entry(episode), { description: 'S##E## → edits.' }),
  albums: record(entry(album), { description: 'Album title → edits.' }),
  f1_season: intish(1950),
  round_prefix: boolish(),
  shorten_gp: boolish(),
  f1_language: text,
});

const templates = nullable(record(any(), { description: 'Templates: name → body, judged once a definition applies them.' }));

/** The schema of a metadata file. Entries that are not mappings are dropped by Kometa with a warning. */
const root = warnOnUnknown(
  object(
    {
      metadata: nullable(record(entry(item), { description: 'Items to edit: title, ID or name → edits.' })),
      templates,
      external_templates: nullable(fileBlocks("Files whose `templates` are added to this file's.")),
    },
    { title: 'Kometa metadata file', description: 'Edits of titles, posters, seasons, episodes and albums of Plex items.' },
  ),
);

/** Our JSON Schema of a Kometa metadata file (`metadata_files`), as published. */
export const metadataSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://pmm-config.dev/schema/metadata.schema.json',
  ...root,
  'x-kometa-version': KOMETA_VERSION,
};
