import { BUILDERS } from './builders';

export { DEFINITION_NAME_ALIASES, METHOD_ALIASES, MODIFIER_ALIASES } from './aliases';
export {
  ARR_SETTINGS,
  BUILDER_LEVELS,
  COLLECTION_MODES,
  DETAILS,
  GENERIC_ARR,
  ITEM_UPDATES,
  PLAYLIST_ATTRIBUTES,
  PLEX_LANGUAGES,
  SETTINGS,
  SUMMARY_AND_POSTER_DETAILS,
  TRAKT_SETTINGS,
  type Attribute,
  type AttributeGroup,
} from './attributes';
export { BUILDERS, type Builder, type BuilderLibrary, type BuilderService } from './builders';
export { DYNAMIC_ATTRIBUTES, DYNAMIC_LEGACY_ATTRIBUTES, DYNAMIC_TYPES, DYNAMIC_TYPES_BY_LIBRARY, PEOPLE_DYNAMIC_TYPES } from './dynamic';
export { ALL_FILTER_KEYS, FILTER_ATTRIBUTES, FILTER_MODIFIERS, FILTERS_BY_TYPE, FLOAT_FILTERS, type FilterAttribute, type FilterCategory } from './filters';
export {
  ALL_SORT_OPTIONS,
  AND_SEARCH_KEYS,
  DATE_ATTRIBUTES,
  SEARCH_ATTRIBUTES,
  SEARCH_KEYS,
  SEARCH_TYPES,
  SORT_OPTIONS,
  type SearchAttribute,
  type SearchCategory,
} from './plex-search';
export type { ValueShape } from './shapes';

/** The Kometa release the catalogue describes (`VERSION` of the snapshot it was read from). */
export const KOMETA_VERSION = '2.4.4-build33';
/** The Kometa commit (branch nightly) the catalogue was read from. */
export const KOMETA_COMMIT = '5e1771a4c3a9b916d84253e36bd26438839d69c3';

/** Builder names, for "is this key a builder?" checks. */
export const BUILDER_NAMES: ReadonlySet<string> = new Set(BUILDERS.map((builder) => builder.name));

/** Builders a playlist may use (`custom_sort_builders` ∩ `all_builders`). */
export const PLAYLIST_BUILDERS: readonly string[] = BUILDERS.filter((builder) => builder.playlist).map((builder) => builder.name);
