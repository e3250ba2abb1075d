/** Production hosts MyAnimeList uses for OAuth (`myanimelist.net`) and for its API (`api.myanimelist.net`). */
export const MAL_AUTH_BASE_URL = 'https://myanimelist.net';
export const MAL_API_BASE_URL = 'https://api.myanimelist.net';

/** The redirect URL Kometa's docs tell users to register on their MAL app. */
export const MAL_DEFAULT_REDIRECT_URL = 'http://localhost/';

/**
 * The fixed PKCE verifier Kometa uses when `mal.localhost_url` is set (modules/mal.py `uni_code_verifier`).
 * Kometa's docs print a ready-made authorize URL with this value as `code_challenge`, so a `localhost_url`
 * obtained from that URL can be exchanged only with this verifier.
 */
export const KOMETA_FIXED_CODE_VERIFIER =
  'k_UHwN_eHAPQVXiceC-rYGkozKqrJmKxPUIUOBIKo1noq_4XGRVCViP_dGcwB-fkPql8f56mmWj5aWCa2HDeugf6sRvnc9Rjhbb1vKGYLY0IwWsDNXRqXdksaVGJthux';

/** The collection builders Kometa serves from MyAnimeList (modules/mal.py `builders`). */
export const MAL_BUILDERS: ReadonlySet<string> = new Set([
  'mal_id',
  'mal_all',
  'mal_airing',
  'mal_upcoming',
  'mal_tv',
  'mal_ova',
  'mal_movie',
  'mal_special',
  'mal_popular',
  'mal_favorite',
  'mal_season',
  'mal_suggested',
  'mal_userlist',
  'mal_genre',
  'mal_studio',
  'mal_search',
]);

/** Kometa default files that are built from MyAnimeList builders. */
export const MAL_DEFAULT_FILES: ReadonlySet<string> = new Set(['myanimelist']);

/** The keys Kometa writes under `mal.authorization`, in its order. */
export const MAL_AUTHORIZATION_KEYS = ['access_token', 'token_type', 'expires_in', 'refresh_token'] as const;

/** Documentation page for the `mal:` section. */
export const MAL_DOCS_URL = 'https://kometa.wiki/en/latest/config/myanimelist/';
