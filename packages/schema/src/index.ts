export type { JsonSchema } from './builder';
export { loadConfigSchema, schemaPath } from './published-schema';
export { SCHEMA_ID } from './schema-id';
export type { KometaConfig } from './config-schema';
export { deprecations } from './deprecations';
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
