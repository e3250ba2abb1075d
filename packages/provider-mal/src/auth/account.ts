import type { OAuthClient } from '@pmm-config/oauth';
import { parseJsonObject } from '@pmm-config/oauth';
import type { AuthContext } from '@pmm-config/plugin';

/** What `GET /v2/users/@me` says about a token. */
export type AccountCheck = { readonly valid: true; readonly username: string } | { readonly valid: false; readonly status: number; readonly reason: string };

function reasonFor(status: number): string {
  if (status === 401) return 'MyAnimeList rejected the access token (401: invalid, expired or revoked)';
  if (status === 403) return 'MyAnimeList refused the request (403): the API app may have been disabled';
  return `MyAnimeList answered HTTP ${status} when checking the token`;
}

/** Calls `GET /v2/users/@me` with the token: it proves the token works and names the account. */
export async function checkAccount(client: OAuthClient, context: AuthContext, accessToken: string): Promise<AccountCheck> {
  client.transport.redactor.add(accessToken);
  const response = await client.transport.request(
    { step: 'request', method: 'GET', url: `${context.urls.api}/v2/users/@me`, headers: { Authorization: `Bearer ${accessToken}` }, signal: context.signal },
    'idempotent',
  );
  if (response.status !== 200) return { valid: false, status: response.status, reason: reasonFor(response.status) };
  const name = parseJsonObject(response.text)?.['name'];
  return { valid: true, username: typeof name === 'string' && name !== '' ? name : '(unknown user)' };
}
