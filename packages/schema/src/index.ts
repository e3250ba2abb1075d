export type { JsonSchema } from './builder';
export { configSchema, SCHEMA_ID } from './published-schema';
export type { KometaConfig } from './config-schema';
export { deprecations } from './deprecations';
export type { Deprecation } from './deprecations';
export { schemaPath } from './schema-path';
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
export { validateConfig } from './validate';
export type { SchemaError } from './validate';
