import type { AuthFlow, AuthHosts, CredentialField } from '@pmm-config/plugin';
import { MAL_API_BASE_URL, MAL_AUTH_BASE_URL } from '../constants';

export const malHosts: AuthHosts = {
  auth: { default: MAL_AUTH_BASE_URL, env: 'PMM_CONFIG_MAL_AUTH_URL', description: 'MyAnimeList OAuth host (/v1/oauth2/authorize and /v1/oauth2/token)' },
  api: { default: MAL_API_BASE_URL, env: 'PMM_CONFIG_MAL_API_URL', description: 'MyAnimeList API host (token verification via /v2/users/@me)' },
};

const CREDENTIAL_HELP = 'from your MyAnimeList API app at https://myanimelist.net/apiconfig (App Redirect URL: http://localhost/)';

export const malCredentials: readonly CredentialField[] = [
  { key: 'client_id', label: 'MyAnimeList Client ID', flag: 'client-id', env: 'PMM_CONFIG_MAL_CLIENT_ID', secret: true, help: CREDENTIAL_HELP },
  { key: 'client_secret', label: 'MyAnimeList Client Secret', flag: 'client-secret', env: 'PMM_CONFIG_MAL_CLIENT_SECRET', secret: true, help: CREDENTIAL_HELP },
];

/** Name of the pasted-redirect input, for `--url`. */
export const REDIRECT_URL_INPUT = 'url';

export const malFlows: readonly AuthFlow[] = [
  {
    id: 'authorize',
    kind: 'authorize',
    default: true,
    description:
      'open the MyAnimeList authorize page (plain PKCE), then paste the http://localhost/?code=… address you land on; headless: run once for the URL, then again with --url',
    inputs: [
      {
        name: REDIRECT_URL_INPUT,
        flag: 'url',
        env: 'PMM_CONFIG_MAL_REDIRECT_URL',
        secret: true,
        description: 'the http://localhost/?code=… address the browser landed on after "Allow" (single-use, minutes)',
      },
    ],
  },
  { id: 'refresh', kind: 'refresh', description: 'trade the stored refresh token for a new pair and save it at once' },
  { id: 'check', kind: 'check', description: 'verify the stored token with MyAnimeList and show the account and expiry' },
];
