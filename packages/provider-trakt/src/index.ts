export { traktPlugin } from './plugin';
export { traktRules } from './rules';
export { findTraktUsage } from './rules/trakt-usage';
export type { TraktUsage } from './rules/trakt-usage';
export { traktAuthProvider } from './auth/provider';
export { TRAKT_API_HOST, TRAKT_AUTH_HOST, TRAKT_DEVICE_DIALECT, TRAKT_LEGACY_AUTH_HOST } from './auth/declarations';
