import { any, bool, enumOf, list, listOrSingle, nul, nullable, number, object, record, string, union, type TSchema } from '../builder';
import { optBool, optInt, optString, schedule, stringOrList } from './common';

/** Rating updates: a source (tmdb, mdb_tomatoes, ...) or a literal rating from 0 to 10, or a list tried in order. */
function ratingUpdate(description: string): TSchema<string | number | (string | number)[] | null> {
  const value = union([string(), number({ minimum: 0, maximum: 10 })]);
  return union([value, list(value), nul()], { description });
}

/** Option-list operations: a source or a list of sources (tried in order), or a literal value Kometa sets. */
function massUpdate(
  description: string,
): TSchema<string | number | boolean | (string | number | (string | number)[])[] | null> {
  // a nested list is a literal value used as the last fallback, e.g. `- ["Unknown"]` for genres
  const literal = union([string(), number()]);
  return union([string(), number(), bool(), list(union([string(), number(), list(literal)])), nul()], { description });
}

const posterSource = enumOf(['tmdb', 'plex', 'lock', 'unlock']);

/** `mass_poster_update` / `mass_background_update`: a source, or a mapping of options. */
function imageUpdate(what: string) {
  return nullable(
    union(
      [
        posterSource,
        object({
          source: nullable({ ...posterSource, description: 'Where the image comes from, or lock/unlock it.' }),
          language: optString({ description: 'Image language (ISO 639-1).' }),
          seasons: optBool({ default: true, description: `Also update season ${what}s.` }),
          episodes: optBool({ default: true, description: `Also update episode ${what}s.` }),
          ignore_locked: optBool({ default: false, description: `Skip items whose ${what} is locked.` }),
          ignore_overlays: optBool({ default: false, description: `Skip items that have overlays.` }),
        }),
      ],
      { description: `Set every item's ${what} from a source (tmdb, plex) or lock/unlock it.` },
    ),
  );
}

const parentalLabel = enumOf(['remove', 'none', 'mild', 'moderate', 'severe', 'with_none', 'without_none']);

const mapper = (description: string) =>
  nullable(record(union([string(), number(), nul()]), { description }));

/** Every operation Kometa's `library_operations` reads. */
const operationProperties = {
  schedule: schedule('When these operations run (Kometa schedule syntax). Kometa rejects a blank value.'),
  assets_for_all: optBool({ default: false, description: 'Look for assets for every item in the library.' }),
  assets_for_all_collections: optBool({ default: false, description: 'Look for assets for every collection.' }),
  respect_ignore_ids: optBool({ description: 'Skip ids listed in ignore_ids/ignore_imdb_ids.' }),
  split_duplicates: optBool({ default: false, description: 'Split items Plex merged into one.' }),
  update_blank_track_titles: optBool({ description: 'Fill blank track titles from the sort title (music).' }),
  remove_title_parentheses: optBool({ description: 'Remove text in parentheses from titles.' }),
  radarr_add_all_existing: optBool({ description: 'Add every movie of the library to Radarr.' }),
  sonarr_add_all_existing: optBool({ description: 'Add every show of the library to Sonarr.' }),
  radarr_remove_by_tag: stringOrList({ description: 'Remove movies with these tags from Radarr.' }),
  sonarr_remove_by_tag: stringOrList({ description: 'Remove shows with these tags from Sonarr.' }),
  ignore_labels: stringOrList({ description: 'Items with these labels are skipped by the operations.' }),
  plex_bulk_edit_batch_size: optInt({ minimum: 0, description: 'Number of items per Plex bulk edit.' }),
  mass_content_rating_update: massUpdate('Set content ratings from a source (mdb, omdb, mal, ...) or a literal.'),
  mass_genre_update: massUpdate('Set genres from a source (tmdb, imdb, tvdb, mal, anidb, ...) or literal genres.'),
  mass_studio_update: massUpdate('Set studios from a source or a literal.'),
  mass_original_title_update: massUpdate('Set original titles from a source or a literal.'),
  mass_originally_available_update: massUpdate('Set release dates from a source or a literal date.'),
  mass_added_at_update: massUpdate('Set added-at dates from a source or a literal date.'),
  mass_audience_rating_update: ratingUpdate('Set audience ratings from a source or a 0-10 number.'),
  mass_critic_rating_update: ratingUpdate('Set critic ratings from a source or a 0-10 number.'),
  mass_user_rating_update: ratingUpdate('Set user ratings from a source or a 0-10 number.'),
  mass_episode_audience_rating_update: ratingUpdate('Set episode audience ratings from a source or a 0-10 number.'),
  mass_episode_critic_rating_update: ratingUpdate('Set episode critic ratings from a source or a 0-10 number.'),
  mass_episode_user_rating_update: ratingUpdate('Set episode user ratings from a source or a 0-10 number.'),
  mass_imdb_parental_labels: nullable(
    listOrSingle(parentalLabel, {
      description: 'Add IMDb parental-guide labels at or above a severity (none, mild, moderate, severe) or remove them.',
    }),
  ),
  mass_poster_update: imageUpdate('poster'),
  mass_background_update: imageUpdate('background'),
  mass_collection_content_rating_update: nullable(
    union([
      string(),
      object({
        source: nullable(
          enumOf(['lock', 'unlock', 'remove', 'reset', 'highest', 'lowest', 'average'], {
            description: 'How the rating is derived from the items, or lock/unlock/remove/reset it.',
          }),
        ),
        ranking: stringOrList({ description: 'Content ratings from lowest to highest.' }),
      }),
    ], { description: 'Set collection content ratings from their items.' }),
  ),
  mass_collection_mode: nullable(
    enumOf(['default', 'hide', 'hide_items', 'hideitems', 'show_items', 'showitems'], {
      description: 'Set the collection mode of every collection.',
    }),
  ),
  metadata_backup: nullable(
    object(
      {
        path: optString({ description: 'Output file (defaults to <config>/<library>_metadata_backup.yml).' }),
        exclude: stringOrList({ description: 'Attributes left out of the backup.' }),
        sync_tags: optBool({ default: false, description: 'Write tag attributes with .sync.' }),
        add_blank_entries: optBool({ default: true, description: 'Write entries for items without metadata.' }),
      },
      { description: 'Back up item metadata to a metadata file.' },
    ),
  ),
  delete_collections: nullable(
    object(
      {
        managed: optBool({ description: 'true: only Kometa-managed; false: only unmanaged; blank: both.' }),
        configured: optBool({ description: 'true: only configured; false: only unconfigured; blank: both.' }),
        less: optInt({ minimum: 1, description: 'Only collections with fewer items than this.' }),
        ignore_empty_smart_collections: optBool({ description: 'Keep empty smart collections.' }),
      },
      { description: 'Delete collections matching these conditions.' },
    ),
  ),
  genre_mapper: mapper('Map genres to other genres (blank value removes the genre).'),
  content_rating_mapper: mapper('Map content ratings to other ratings (blank value removes the rating).'),
  radarr_add_all: optBool(),
  sonarr_add_all: optBool(),
  delete_unmanaged_collections: optBool(),
  delete_collections_with_less: optInt({ minimum: 0 }),
  reapply_overlays: any(),
} as const;

/** One mapping of operations. */
export const operationBlock = object(operationProperties, {
  description: 'Library operations: bulk edits run over the whole library.',
});

/** `libraries.<name>.operations`: a mapping, or a list of mappings each with its own schedule. */
export const operations = nullable(
  listOrSingle(operationBlock, {
    description: 'Library operations: one mapping, or a list of mappings that may each carry a schedule.',
  }),
);
