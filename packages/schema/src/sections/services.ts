import { any, bool, enumOf, list, nul, nullable, number, object, string, union, type TSchema } from '../builder';
import { cacheExpiration, optBool, optInt, optString, scalarWord, secret, stringOrList, url } from './common';

/** `clean_bundles`/`empty_trash`/`optimize`: a boolean or a schedule string. */
function maintenance(what: string): TSchema<boolean | string | null> {
  return nullable(
    union([bool(), string()], {
      default: false,
      description: `${what}: true/false, or a schedule (e.g. weekly(sunday)) for when to run it.`,
    }),
  );
}

/** Legacy plex keys Kometa moves into settings (globally and per library). */
const legacyPlexProperties = {
  asset_directory: stringOrList(),
  sync_mode: optString(),
  show_unmanaged: optBool(),
  show_filtered: optBool(),
  show_unfiltered: optBool(),
  show_missing: optBool(),
  save_missing: optBool(),
} as const;

/** `plex` (global defaults; the same keys may be set under `libraries.<name>.plex`). */
export const plex = nullable(
  object(
    {
      url: url('Plex server URL, `env` to take it from KOMETA_PLEX_URL, or a config secret.'),
      token: secret('Plex token (not read-only), `env` to take it from KOMETA_PLEX_TOKEN, or a config secret.'),
      timeout: optInt({ minimum: 0, default: 60, description: 'Seconds to wait for Plex.' }),
      verify_ssl: optBool({ description: 'Verify the Plex SSL certificate (defaults to settings.verify_ssl).' }),
      db_cache: optInt({ minimum: 0, description: 'Plex database cache size in MB.' }),
      clean_bundles: maintenance('Clean Plex bundles after the run'),
      empty_trash: maintenance('Empty the Plex trash after the run'),
      optimize: maintenance('Optimize the Plex database after the run'),
      ...legacyPlexProperties,
    },
    { description: 'Plex connection. url and token are needed globally or per library.' },
  ),
);

/** `tmdb`: the one connection Kometa cannot run without. */
export const tmdb = object(
  {
    apikey: string({ description: 'TMDb v3 API key. Required: Kometa stops when it is missing, blank or invalid.' }),
    language: optString({ default: 'en', description: 'TMDb language (ISO 639-1, e.g. en or en-US).' }),
    cache_expiration: cacheExpiration('TMDb'),
    region: nullable(
      string({
        pattern: '^[A-Z]{2}$',
        description: 'TMDb region: upper-case ISO 3166-1 alpha-2 code (e.g. US). Lower-case codes are ignored.',
      }),
    ),
  },
  { required: ['apikey'], description: 'TMDb connection (required).' },
);

/** `tautulli`. */
export const tautulli = nullable(
  object(
    {
      url: url('Tautulli URL.'),
      apikey: secret('Tautulli API key.'),
    },
    { description: 'Tautulli connection (for tautulli_* builders).' },
  ),
);

/** `github`. */
export const github = nullable(
  object({ token: secret('GitHub personal access token (raises the API rate limit).') }, { description: 'GitHub connection.' }),
);

/** `omdb`. */
export const omdb = nullable(
  object(
    { apikey: secret('OMDb API key.'), cache_expiration: cacheExpiration('OMDb') },
    { description: 'OMDb connection (for omdb rating operations).' },
  ),
);

/** `mdblist`. */
export const mdblist = nullable(
  object(
    { apikey: secret('MDBList API key.'), cache_expiration: cacheExpiration('MDBList') },
    { description: 'MDBList connection (for mdb_* operations and mdblist_list builders).' },
  ),
);

/** `notifiarr`. */
export const notifiarr = nullable(
  object({ apikey: secret('Notifiarr API key.') }, { description: 'Notifiarr connection (webhook target `notifiarr`).' }),
);

/** `gotify`. */
export const gotify = nullable(
  object(
    { url: url('Gotify server URL.'), token: secret('Gotify application token.') },
    { description: 'Gotify connection (webhook target `gotify`).' },
  ),
);

/** `ntfy`. */
export const ntfy = nullable(
  object(
    { url: url('ntfy server URL.'), token: secret('ntfy access token.'), topic: optString({ description: 'ntfy topic.' }) },
    { description: 'ntfy connection (webhook target `ntfy`).' },
  ),
);

/** `apprise`. */
export const apprise = nullable(
  object(
    { config: optString({ description: 'Apprise configuration file path or URL.' }) },
    { description: 'Apprise connection (webhook target `apprise`).' },
  ),
);

/** `anidb`. */
export const anidb = nullable(
  object(
    {
      language: optString({ default: 'en', description: 'AniDB title language.' }),
      enable_mature: any({ default: false, description: 'Include mature content in AniDB results (true/false).' }),
      cache_expiration: cacheExpiration('AniDB'),
      username: any(),
      password: any(),
      client: any(),
      version: any(),
    },
    { description: 'AniDB connection.' },
  ),
);

const arrShared = {
  url: url('Server URL.'),
  token: secret('API key.'),
  add_missing: optBool({ default: false, description: 'Add missing items found by collections.' }),
  add_existing: optBool({ default: false, description: 'Add items already in Plex that are missing from the server.' }),
  upgrade_existing: optBool({ default: false, description: 'Upgrade the quality profile of existing items.' }),
  monitor_existing: optBool({ default: false, description: 'Set the monitor status of existing items.' }),
  ignore_cache: optBool({ default: false, description: 'Ignore the Kometa cache when adding.' }),
  search: optBool({ default: false, description: 'Search for items when they are added.' }),
  root_folder_path: scalarWord({ description: 'Root folder for added items.' }),
  quality_profile: scalarWord({ description: 'Quality profile name for added items.' }),
  tag: union([string(), number(), list(union([string(), number()])), nul()], {
    description: 'Tags for added items: comma-separated string or list.',
  }),
  plex_path: optString({ description: 'Path prefix as Plex sees it (used with the server-side path).' }),
  add: optBool(),
  version: any(),
} as const;

/** `radarr` (global defaults; also per library). */
export const radarr = nullable(
  object(
    {
      ...arrShared,
      monitor: nullable(
        union([enumOf(['movie', 'collection', 'none']), bool()], {
          default: true,
          description: 'Monitor added movies: movie, collection, none (true/false from older configs are converted).',
        }),
      ),
      availability: nullable(
        enumOf(['announced', 'cinemas', 'released', 'db'], {
          default: 'announced',
          description: 'Minimum availability of added movies.',
        }),
      ),
      radarr_path: optString({ description: 'Path prefix as Radarr sees it (used with plex_path).' }),
    },
    { description: 'Radarr connection and defaults for adding movies.' },
  ),
);

/** `sonarr` (global defaults; also per library). */
export const sonarr = nullable(
  object(
    {
      ...arrShared,
      monitor: nullable(
        union([
          enumOf(['all', 'future', 'missing', 'existing', 'pilot', 'first', 'latest', 'none']),
          bool(),
        ], { default: 'all', description: 'Which episodes of added shows are monitored.' }),
      ),
      language_profile: scalarWord({ description: 'Language profile name (Sonarr v3).' }),
      series_type: nullable(
        enumOf(['standard', 'daily', 'anime'], { default: 'standard', description: 'Series type of added shows.' }),
      ),
      season_folder: optBool({ default: true, description: 'Use season folders for added shows.' }),
      cutoff_search: optBool({ default: false, description: 'Search for cutoff-unmet episodes.' }),
      sonarr_path: optString({ description: 'Path prefix as Sonarr sees it (used with plex_path).' }),
    },
    { description: 'Sonarr connection and defaults for adding shows.' },
  ),
);

const webhookTarget = (description: string) =>
  stringOrList({ description: `${description} Webhook URL(s) or notifiarr, gotify, ntfy, apprise.` });

/** The global `webhooks` section. */
export const webhooks = nullable(
  object(
    {
      error: webhookTarget('Called on errors.'),
      version: webhookTarget('Called when a new Kometa version is available.'),
      run_start: webhookTarget('Called when a run starts.'),
      run_end: webhookTarget('Called when a run ends.'),
      changes: webhookTarget('Called when collections change.'),
      delete: webhookTarget('Called when collections are deleted.'),
      collection_creation: stringOrList(),
      collection_addition: stringOrList(),
      collection_removal: stringOrList(),
      collection_changes: stringOrList(),
    },
    { description: 'Webhook targets for Kometa events.' },
  ),
);

/** `libraries.<name>.webhooks`: only `changes` is read per library. */
export const libraryWebhooks = nullable(
  object(
    {
      changes: webhookTarget('Called when collections of this library change.'),
      collection_creation: stringOrList(),
      collection_addition: stringOrList(),
      collection_removal: stringOrList(),
      collection_changes: stringOrList(),
    },
    { description: 'Per-library webhooks (only changes is read).' },
  ),
);

/** `simkl`: in the official template, but Kometa does not read it yet. */
export const simkl = nullable(
  object(
    { user_token: secret('SIMKL user token.') },
    { description: 'SIMKL connection. Reserved by Kometa for future use; not read yet.' },
  ),
);
