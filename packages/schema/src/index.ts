export type { JsonSchema } from './builder';
export { loadConfigSchema, SCHEMA_ID, schemaPath } from './published-schema';
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
