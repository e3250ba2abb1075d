import { describeUnavailable, isOAuthError, OAuthErrorCode } from '@pmm-config/oauth';
import { AuthError, AuthErrorCode, isAuthError } from '@pmm-config/plugin';

/** Which request failed, so the message can say what to do next. */
export type MalStep = 'authorize' | 'localhost_url' | 'refresh' | 'check';

const NEW_AUTH = 'run `pmm-config auth mal` to authorize again';
const CLIENT_REFUSED = 'MyAnimeList refused the client: check mal.client_id and mal.client_secret against your app at https://myanimelist.net/apiconfig';

function grantRefused(step: MalStep): string {
  switch (step) {
    case 'authorize':
      return 'MyAnimeList rejected the code: it was already used, has expired (codes last minutes), or came from a different authorization attempt than its verifier; open a fresh authorize URL and paste the new address';
    case 'localhost_url':
      return "MyAnimeList rejected the code in mal.localhost_url: it was already used, has expired, or was not produced with Kometa's fixed verifier";
    case 'refresh':
      return `MyAnimeList rejected the refresh token: it was already used, revoked or has expired (they last about a month); ${NEW_AUTH}`;
    case 'check':
      return `MyAnimeList rejected the token; ${NEW_AUTH}`;
  }
}

/** The message for a pasted URL whose `state` pmm-config did not make. */
export const STATE_MISMATCH =
  'the pasted URL does not belong to an authorization started by pmm-config for this client (state mismatch): open the URL pmm-config printed and paste the address you land on';

/** Turns anything a MyAnimeList flow threw into an {@link AuthError} that says what happened and what to do. */
export function toAuthError(error: unknown, step: MalStep, hosts: { auth: string; api: string }): AuthError {
  if (isAuthError(error)) return error;
  if (!isOAuthError(error)) {
    return new AuthError(AuthErrorCode.Unavailable, `MyAnimeList ${step} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  // MAL's `message` is the generic OAuth text; its `hint` names the cause ("Failed to verify `code_verifier`.").
  const said = error.errorHint ? ` (MyAnimeList said: ${error.errorHint})` : '';
  const refused = (message: string) => new AuthError(AuthErrorCode.Refused, `${message}${said}`, { cause: error });
  const invalid = (message: string) => new AuthError(AuthErrorCode.InvalidInput, message, { cause: error });
  const unavailable = (message: string) => new AuthError(AuthErrorCode.Unavailable, message, { cause: error });
  switch (error.code) {
    case OAuthErrorCode.InvalidGrant:
    case OAuthErrorCode.InvalidRequest:
      // MAL answers an unknown or garbled code with invalid_request and a spent or mismatched one with invalid_grant.
      return refused(grantRefused(step));
    case OAuthErrorCode.InvalidClient:
      return refused(CLIENT_REFUSED);
    case OAuthErrorCode.AccessDenied:
      return refused('the authorization was cancelled on MyAnimeList; run `pmm-config auth mal` again and click "Allow"');
    case OAuthErrorCode.ProviderError:
      return refused(`MyAnimeList refused: ${error.error ?? 'error'}`);
    case OAuthErrorCode.StateMismatch:
      return invalid(STATE_MISMATCH);
    case OAuthErrorCode.InvalidRedirect:
      return invalid(`${error.message}; it looks like http://localhost/?code=…&state=…`);
    case OAuthErrorCode.Aborted:
      return new AuthError(AuthErrorCode.Cancelled, 'cancelled', { cause: error });
    case OAuthErrorCode.Blocked:
      return unavailable('MyAnimeList blocked the request (403 HTML page); wait a while, or try from another network');
    case OAuthErrorCode.HttpError:
      if (error.status === 401 || error.status === 403) return refused(`${CLIENT_REFUSED} (HTTP ${error.status})`);
      break;
  }
  return unavailable(describeUnavailable(error, { service: 'MyAnimeList', step, host: step === 'check' ? hosts.api : hosts.auth, restart: NEW_AUTH }));
}
