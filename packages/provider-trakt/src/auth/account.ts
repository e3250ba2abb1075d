import type { OAuthClient } from '@pmm-config/oauth';
import { parseJsonObject } from '@pmm-config/oauth';
import type { AuthContext } from '@pmm-config/plugin';

/** What `GET /users/settings` says about a token. */
export type AccountCheck =
  | { readonly valid: true; readonly username: string; readonly vip: boolean }
  | { readonly valid: false; readonly status: number; readonly reason: string };

/** Reasons Kometa and Trakt give for the statuses `/users/settings` answers with. */
function reasonFor(status: number): string {
  switch (status) {
    case 401:
      return 'Trakt rejected the access token (401: invalid, expired or revoked)';
    case 403:
      return 'Trakt refused the client (403): the API app may have been deleted (apps of non-VIP accounts were removed in July 2026)';
    case 410:
      return 'the Trakt account is deactivated (410); contact Trakt support';
    case 423:
      return 'the Trakt account is locked (423); contact Trakt support';
    default:
      return `Trakt answered HTTP ${status} when checking the token`;
  }
}

/** Calls `GET /users/settings` with the token, as Kometa does before it trusts a token. */
export async function checkAccount(client: OAuthClient, context: AuthContext, accessToken: string): Promise<AccountCheck> {
  client.transport.redactor.add(accessToken);
  const response = await client.transport.request(
    {
      step: 'request',
      method: 'GET',
      url: `${context.urls.api}/users/settings`,
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${accessToken}`,
        'trakt-api-version': '2',
        'trakt-api-key': context.credentials['client_id'] ?? '',
      },
      signal: context.signal,
    },
    'idempotent',
  );
  if (response.status !== 200) return { valid: false, status: response.status, reason: reasonFor(response.status) };
  const body = parseJsonObject(response.text);
  const user = body && typeof body['user'] === 'object' && body['user'] !== null ? (body['user'] as Record<string, unknown>) : {};
  const ids = typeof user['ids'] === 'object' && user['ids'] !== null ? (user['ids'] as Record<string, unknown>) : {};
  const username = typeof user['username'] === 'string' ? user['username'] : typeof ids['slug'] === 'string' ? ids['slug'] : '(unknown user)';
  return { valid: true, username, vip: user['vip'] === true };
}
