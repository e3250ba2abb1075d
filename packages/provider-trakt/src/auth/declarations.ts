import type { DeviceDialect } from '@pmm-config/oauth';
import type { AuthFlow, AuthHosts, CredentialField } from '@pmm-config/plugin';
import { TRAKT_APPS_URL } from '../rules/links';

/**
 * Trakt's documentation (trakt/trakt-api, 2026-07-23 and 07-30) routes every OAuth request — device code,
 * token, refresh, revoke, authorize — through `auth.trakt.tv`; `api.trakt.tv/oauth/*` is the legacy path
 * that merely still answered in late July 2026. New tokens and rotated refresh tokens come from the new
 * stack, so the documented host is the default and the legacy one stays selectable with `--auth-url`.
 */
export const TRAKT_AUTH_HOST = 'https://auth.trakt.tv';
/** The legacy OAuth host (and the API host). */
export const TRAKT_LEGACY_AUTH_HOST = 'https://api.trakt.tv';
export const TRAKT_API_HOST = 'https://api.trakt.tv';

export const traktHosts: AuthHosts = {
  auth: {
    default: TRAKT_AUTH_HOST,
    alternatives: [TRAKT_LEGACY_AUTH_HOST],
    env: 'PMM_CONFIG_TRAKT_AUTH_URL',
    description: 'Trakt OAuth host (device code, token, refresh, revoke)',
  },
  api: {
    default: TRAKT_API_HOST,
    env: 'PMM_CONFIG_TRAKT_API_URL',
    description: 'Trakt API host (token verification via /users/settings)',
  },
};

const CREDENTIAL_HELP = `from your Trakt API app at ${TRAKT_APPS_URL} (Trakt VIP is required to create one since July 2026)`;

export const traktCredentials: readonly CredentialField[] = [
  { key: 'client_id', label: 'Trakt Client ID', flag: 'client-id', env: 'PMM_CONFIG_TRAKT_CLIENT_ID', secret: true, help: CREDENTIAL_HELP },
  { key: 'client_secret', label: 'Trakt Client Secret', flag: 'client-secret', env: 'PMM_CONFIG_TRAKT_CLIENT_SECRET', secret: true, help: CREDENTIAL_HELP },
];

export const traktFlows: readonly AuthFlow[] = [
  {
    id: 'device',
    kind: 'authorize',
    default: true,
    description: 'show a code to enter at trakt.tv/activate (any device, works headless) and wait for approval',
  },
  {
    id: 'pin',
    kind: 'authorize',
    description: 'exchange a PIN from the Trakt app page (out-of-band redirect urn:ietf:wg:oauth:2.0:oob)',
    inputs: [{ name: 'pin', flag: 'pin', configKey: 'pin', secret: true, description: 'the 8-character PIN Trakt showed (single-use, about 10 minutes)' }],
  },
  { id: 'refresh', kind: 'refresh', description: 'trade the stored refresh token for a new pair and save it at once' },
  { id: 'check', kind: 'check', description: 'verify the stored token with Trakt and show the account and expiry' },
  { id: 'revoke', kind: 'revoke', description: 'revoke the stored token at Trakt and clear it from the config' },
];

/** Kometa's `authorization` keys, in the order it writes them. */
export const AUTHORIZATION_KEYS = ['access_token', 'token_type', 'expires_in', 'refresh_token', 'scope', 'created_at'] as const;

/** How Trakt's device flow differs from RFC 8628 (trakt/trakt-api contracts): status codes, `code`, `verification_url`. */
export const TRAKT_DEVICE_DIALECT: DeviceDialect = {
  pollCodeKey: 'code',
  verificationField: 'verification_url',
  statusOutcomes: { 400: 'pending', 429: 'slow_down', 404: 'invalid', 409: 'already_used', 410: 'expired', 418: 'denied' },
};
