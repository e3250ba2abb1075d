import { OAuthClient, parseJsonObject } from '@pmm-config/oauth';
import type { AuthContext, AuthFetch } from '@pmm-config/plugin';

/** The last `hint` MyAnimeList gave for a refused token request, per client. */
const serverHints = new WeakMap<OAuthClient, { last?: string }>();

/**
 * MAL's token errors carry the specific reason only in `hint` ("Failed to verify `code_verifier`.", "Authorization
 * code has been revoked"); `message` is the generic OAuth text. This keeps the hint so messages can name the cause.
 */
function recordingHints(fetch: AuthFetch, seen: { last?: string }): AuthFetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (response.status >= 400 && response.status < 500 && input.endsWith('/v1/oauth2/token')) {
      const hint = parseJsonObject(await response.clone().text())?.['hint'];
      seen.last = typeof hint === 'string' && hint.length <= 200 ? hint : undefined;
    }
    return response;
  };
}

/** The `hint` of the last refused token request made with this client, scrubbed of every secret it handled. */
export function lastServerHint(client: OAuthClient): string | undefined {
  const hint = serverHints.get(client)?.last;
  return hint === undefined ? undefined : client.transport.redactor.scrub(hint);
}

/** An OAuth client for the user's MyAnimeList app: form-encoded bodies, client credentials in the body. */
export function createMalClient(context: AuthContext): OAuthClient {
  const seen: { last?: string } = {};
  const client = new OAuthClient({
    endpoints: { authorizeUrl: `${context.urls.auth}/v1/oauth2/authorize`, tokenUrl: `${context.urls.auth}/v1/oauth2/token` },
    clientId: context.credentials['client_id'] ?? '',
    clientSecret: context.credentials['client_secret'] ?? '',
    bodyEncoding: 'form',
    version: context.version,
    runtime: { fetch: recordingHints(context.fetch, seen), now: () => context.now(), sleep: (ms, signal) => context.sleep(ms, signal) },
    onEvent: (event) => {
      const why = event.reason === 'rate_limited' ? 'rate limited' : event.reason === 'server_error' ? `server error ${event.status ?? ''}`.trim() : event.reason;
      context.print(`MyAnimeList ${why}; retrying in ${Math.ceil(event.delayMs / 1000)}s (attempt ${event.attempt})`);
    },
  });
  serverHints.set(client, seen);
  return client;
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
