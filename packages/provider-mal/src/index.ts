export { malPlugin } from './plugin';
export { malRules } from './lint/rules';
export { malAuthProvider } from './auth/provider';
export { findMalUsages } from './lint/usage';
export type { MalUsage } from './lint/usage';
export { readJwtTimes } from './token/jwt';
export type { JwtTimes } from './token/jwt';
export { KOMETA_FIXED_CODE_VERIFIER, MAL_API_BASE_URL, MAL_AUTH_BASE_URL, MAL_AUTHORIZATION_KEYS, MAL_BUILDERS } from './constants';
