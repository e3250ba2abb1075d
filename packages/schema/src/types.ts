import type { KometaConfig } from './config-schema';

type Section<K extends keyof KometaConfig> = NonNullable<KometaConfig[K]>;

/** One entry of `libraries`. */
export type LibraryConfig = NonNullable<Section<'libraries'>[string]>;
/** `settings`. */
export type SettingsConfig = Section<'settings'>;
/** `libraries.<name>.settings`. */
export type LibrarySettingsConfig = NonNullable<LibraryConfig['settings']>;
/** `libraries.<name>.operations` (one mapping). */
export type OperationsConfig = Exclude<NonNullable<LibraryConfig['operations']>, readonly unknown[]>;
/** One file block of `collection_files`, `metadata_files`, `image_files` or `playlist_files`. */
export type FileBlockConfig = Extract<Exclude<NonNullable<LibraryConfig['collection_files']>, string | unknown[]>, object>;
/** `plex`. */
export type PlexConfig = Section<'plex'>;
/** `tmdb`. */
export type TmdbConfig = Section<'tmdb'>;
/** `tautulli`. */
export type TautulliConfig = Section<'tautulli'>;
/** `github`. */
export type GithubConfig = Section<'github'>;
/** `omdb`. */
export type OmdbConfig = Section<'omdb'>;
/** `mdblist`. */
export type MdblistConfig = Section<'mdblist'>;
/** `notifiarr`. */
export type NotifiarrConfig = Section<'notifiarr'>;
/** `gotify`. */
export type GotifyConfig = Section<'gotify'>;
/** `ntfy`. */
export type NtfyConfig = Section<'ntfy'>;
/** `apprise`. */
export type AppriseConfig = Section<'apprise'>;
/** `anidb`. */
export type AnidbConfig = Section<'anidb'>;
/** `radarr`. */
export type RadarrConfig = Section<'radarr'>;
/** `sonarr`. */
export type SonarrConfig = Section<'sonarr'>;
/** `webhooks`. */
export type WebhooksConfig = Section<'webhooks'>;
/** `trakt`. */
export type TraktConfig = Section<'trakt'>;
/** `trakt.authorization`. */
export type TraktAuthorization = NonNullable<TraktConfig['authorization']>;
/** `mal`. */
export type MalConfig = Section<'mal'>;
/** `mal.authorization`. */
export type MalAuthorization = NonNullable<MalConfig['authorization']>;
