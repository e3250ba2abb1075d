export type { JsonSchema } from './builder';
export { fileSchemaPath, loadConfigSchema, loadFileSchema, SCHEMA_ID, schemaPath, type SchemaFileKind } from './published-schema';
export type { KometaConfig } from './config-schema';
export { deprecations } from './deprecation-table';
export type { Deprecation } from './deprecations';
export type {
  AnidbConfig,
  AppriseConfig,
  FileBlockConfig,
  GithubConfig,
  GotifyConfig,
  LibraryConfig,
  LibrarySettingsConfig,
  MalAuthorization,
  MalConfig,
  MdblistConfig,
  NotifiarrConfig,
  NtfyConfig,
  OmdbConfig,
  OperationsConfig,
  PlexConfig,
  RadarrConfig,
  SettingsConfig,
  SonarrConfig,
  TautulliConfig,
  TmdbConfig,
  TraktAuthorization,
  TraktConfig,
  WebhooksConfig,
} from './types';
export { configTopLevelKeys, validateConfig } from './validate';
export type { SchemaError } from './validate';
export { validateCollection, validateMetadata, validateOverlay, validatePlaylist } from './validate-files';
export { KOMETA_ENFORCES, UNKNOWN_KEY_SEVERITY, type EnforcedFormat } from './files/unknown-keys';
export type { KeyRename, NormalizedKey } from './files/normalize';
export type { FileKind } from './files/unknown-keys';

/*
 * The catalogue and the key normalizer are required on first use, so a config-only `validate` run loads neither.
 * The literal paths let bundlers include the modules.
 */
type Files = typeof import('./files/index');
type Catalogue = Files['catalogue'];

const files = (): Files => require('./files/index') as Files;

/** A definition key as Kometa runs it (lower-cased, aliases applied); see `files/normalize.ts`. */
export function normalizeDefinitionKey(key: string): import('./files/normalize').NormalizedKey {
  return files().normalizeDefinitionKey(key);
}

/** A parsed linked file with its definition, filter and search keys normalized, and the renames made. */
export function normalizeFileKeys(kind: import('./files/unknown-keys').FileKind, data: unknown): ReturnType<Files['normalizeFileKeys']> {
  return files().normalizeFileKeys(kind, data);
}

/** The catalogue of Kometa's definition attributes (builders, settings, filters, searches, aliases, ...). */
export function loadCatalogue(): Catalogue {
  return files().catalogue;
}
export {
  acceptsVariable,
  compareKometaVersions,
  defaultNames,
  describeType,
  findDefault,
  loadDefaults,
  parseKometaVersion,
  variableCandidates,
} from './defaults/index';
export type { DefaultKind, DefaultLookup, DefaultsData, DefaultSpec, VariableCheck, VariableCheckOptions, VariableType } from './defaults/index';
