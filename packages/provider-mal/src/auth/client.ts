import { OAuthClient } from '@pmm-config/oauth';
import type { AuthContext } from '@pmm-config/plugin';

/** An OAuth client for the user's MyAnimeList app: form-encoded bodies, client credentials in the body. */
export function createMalClient(context: AuthContext): OAuthClient {
  return new OAuthClient({
    endpoints: { authorizeUrl: `${context.urls.auth}/v1/oauth2/authorize`, tokenUrl: `${context.urls.auth}/v1/oauth2/token` },
    clientId: context.credentials['client_id'] ?? '',
    clientSecret: context.credentials['client_secret'] ?? '',
    bodyEncoding: 'form',
    version: context.version,
    runtime: { fetch: context.fetch, now: () => context.now(), sleep: (ms, signal) => context.sleep(ms, signal) },
    onEvent: (event) => {
      const why = event.reason === 'rate_limited' ? 'rate limited' : event.reason === 'server_error' ? `server error ${event.status ?? ''}`.trim() : event.reason;
      context.print(`MyAnimeList ${why}; retrying in ${Math.ceil(event.delayMs / 1000)}s (attempt ${event.attempt})`);
    },
  });
}

/** The authorize page URL: plain PKCE (the only method MAL supports), our `state`, and the app's registered redirect. */
export function authorizeUrl(context: AuthContext, challenge: string, state: string): string {
  const url = new URL(`${context.urls.auth}/v1/oauth2/authorize`);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', context.credentials['client_id'] ?? '');
  url.searchParams.set('code_challenge', challenge);
  url.searchParams.set('code_challenge_method', 'plain');
  url.searchParams.set('state', state);
  return url.toString();
}
