export { traktPlugin } from './plugin';
export { traktRules } from './rules';
export { findTraktUsage } from './rules/trakt-usage';
export type { TraktUsage } from './rules/trakt-usage';
