/** Where to create a Trakt API app (moved from trakt.tv/oauth/applications in 2026; VIP-only since July 2026). */
export const TRAKT_APPS_URL = 'https://app.trakt.tv/settings/apps/api';
/** Kometa's page for the `trakt:` section. */
export const TRAKT_DOCS_URL = 'https://kometa.wiki/en/latest/config/trakt/';
