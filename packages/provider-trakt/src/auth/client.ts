import { OAuthClient } from '@pmm-config/oauth';
import type { AuthContext } from '@pmm-config/plugin';
import { TRAKT_DEVICE_DIALECT } from './declarations';

/** An OAuth client for the user's Trakt app, wired to the context's IO and hosts. */
export function createTraktClient(context: AuthContext): OAuthClient {
  const auth = context.urls.auth;
  return new OAuthClient({
    endpoints: {
      authorizeUrl: `${auth}/oauth/authorize`,
      tokenUrl: `${auth}/oauth/token`,
      deviceCodeUrl: `${auth}/oauth/device/code`,
      deviceTokenUrl: `${auth}/oauth/device/token`,
      revokeUrl: `${auth}/oauth/revoke`,
    },
    clientId: context.credentials['client_id'] ?? '',
    clientSecret: context.credentials['client_secret'] ?? '',
    bodyEncoding: 'json',
    version: context.version,
    device: TRAKT_DEVICE_DIALECT,
    runtime: { fetch: context.fetch, now: () => context.now(), sleep: (ms, signal) => context.sleep(ms, signal) },
    onEvent: (event) => {
      const why = event.reason === 'rate_limited' ? 'rate limited' : event.reason === 'server_error' ? `server error ${event.status ?? ''}`.trim() : event.reason;
      context.print(`Trakt ${why}; retrying in ${Math.ceil(event.delayMs / 1000)}s (attempt ${event.attempt})`);
    },
  });
}
