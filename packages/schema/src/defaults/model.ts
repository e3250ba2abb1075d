/** Which config list a default serves: `collection_files`, `overlay_files` or `playlist_files`. */
export type DefaultKind = 'collection' | 'overlay' | 'playlist';

/**
 * The shared templates in Kometa's `defaults/templates.yml` (collections) and `defaults/overlays/templates.yml`
 * (overlays: `standard`, whose text variables are listed apart as `text`), each bringing its variables.
 */
export type SharedSetName =
  | 'shared'
  | 'arr'
  | 'custom'
  | 'separator'
  | 'smart_filter'
  | 'filter'
  | 'tmdb_person'
  | 'imdb_award'
  | 'use_year_collections'
  | 'other_collection'
  | 'based'
  | 'standard'
  | 'text';

/**
 * One default file. Variable names may hold patterns: `<<key>>` (one of `keys`, or any key when the default's
 * keys come from the library), `<<alt>>` (one of `alternatives`), `<<any>>` (any text).
 */
export interface DefaultSpec {
  /** What follows `default:` (without a folder). */
  readonly name: string;
  readonly kind: DefaultKind;
  /** Path below Kometa's `defaults/`, without `.yml`, e.g. `chart/imdb`, `overlays/ribbon`, `playlist`. */
  readonly file: string;
  /** Library (overlays: item) types the docs say it suits; a lookup by library type only binds `movie/` and `show/` files. */
  readonly libraryTypes: readonly string[];
  readonly sets: readonly SharedSetName[];
  /** The dynamic-collection `type` of a default built from `dynamic_collections`; such defaults take the §6.1 overrides. */
  readonly dynamic?: string;
  /** The keys `<<key>>` stands for; absent when they come from the library at run time. */
  readonly keys?: readonly string[];
  /** Values of `<<alt>>` (overlay `resolution`: `use_4k_dv`). */
  readonly alternatives?: readonly string[];
  /** The file's own variables. */
  readonly variables: readonly string[];
  /**
   * Names the file sets per definition and reads back (`<<tmdb_key>>`, `<<low>>`): a config value overrides
   * them, so they are accepted. Taken from Kometa's default files (the reference leaves plumbing out).
   */
  readonly plumbing?: readonly string[];
  /** Variables the docs list but the file never reads: Kometa ignores them. */
  readonly docsOnly?: readonly string[];
}

/** What a variable's value must be, where Kometa's docs fix it. Strings are compared case-insensitively. */
export type VariableType =
  | { readonly type: 'bool' }
  | { readonly type: 'int'; readonly minimum?: number }
  | { readonly type: 'number' }
  | { readonly type: 'enum'; readonly values: readonly string[] };

/** A typed variable: a name or pattern (as in {@link DefaultSpec.variables}) and its type. */
export interface TypedVariable {
  readonly name: string;
  readonly spec: VariableType;
  /** Only for these default files (e.g. each default's own `style`); all defaults when absent. */
  readonly files?: readonly string[];
}

/** The data file `dist/defaults.json`. */
export interface DefaultsData {
  /** Bumped when the shape of this file changes. */
  readonly formatVersion: number;
  /** The Kometa version the facts describe. */
  readonly kometaVersion: string;
  readonly kometaCommit: string;
  readonly defaults: readonly DefaultSpec[];
  readonly sets: Readonly<Record<SharedSetName, readonly string[]>>;
  /** Accepted by every dynamic default: the `dynamic_collections` attributes a block may override. */
  readonly dynamicOverrides: readonly string[];
  /** Accepted by every default of a kind: read by Kometa's code or set by the default files' plumbing. */
  readonly common: Readonly<Record<DefaultKind, readonly string[]>>;
  readonly types: readonly TypedVariable[];
  /** Files under `defaults/` that are not defaults (shared templates). */
  readonly otherFiles: readonly string[];
}
