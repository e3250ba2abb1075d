import { describeUnavailable, isOAuthError, OAuthErrorCode } from '@pmm-config/oauth';
import type { OAuthError } from '@pmm-config/oauth';
import { AuthError, AuthErrorCode, isAuthError } from '@pmm-config/plugin';

/** Which grant a failed request spent, so the message can say what to do next. */
export type TraktStep = 'device' | 'pin' | 'refresh' | 'check' | 'revoke';

const NEW_AUTH = 'run `pmm-config auth trakt` for a new device code';
const CLIENT_REFUSED = 'Trakt refused the client: check client_id/client_secret; since July 2026 new API apps need Trakt VIP, and apps of free accounts were deleted';

function detail(error: OAuthError): string {
  return error.errorDescription ? ` (${error.errorDescription})` : '';
}

function grantRefused(step: TraktStep, error: OAuthError): string {
  switch (step) {
    case 'pin':
      return `the PIN was already used or expired (PINs are single-use and last about 10 minutes): ${NEW_AUTH}`;
    case 'refresh':
      return `Trakt rejected the refresh token${detail(error)}: it was already used (refresh tokens are single-use) or predates Trakt's July 2026 auth migration; ${NEW_AUTH}`;
    default:
      return `Trakt rejected the grant${detail(error)}; ${NEW_AUTH}`;
  }
}

/** Turns anything a Trakt flow threw into an {@link AuthError} that says what happened and what to do. */
export function toAuthError(error: unknown, step: TraktStep, hosts: { auth: string; api: string }): AuthError {
  if (isAuthError(error)) return error;
  if (!isOAuthError(error)) return new AuthError(AuthErrorCode.Unavailable, `Trakt ${step} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  const refused = (message: string) => new AuthError(AuthErrorCode.Refused, message, { cause: error });
  const unavailable = (message: string) => new AuthError(AuthErrorCode.Unavailable, message, { cause: error });
  switch (error.code) {
    case OAuthErrorCode.InvalidGrant:
      return refused(grantRefused(step, error));
    case OAuthErrorCode.InvalidClient:
      return refused(CLIENT_REFUSED);
    case OAuthErrorCode.InvalidRequest:
      return refused(
        `Trakt rejected the request${detail(error)}${step === 'pin' ? ': the app\'s Redirect URI must be exactly urn:ietf:wg:oauth:2.0:oob' : ''}; ${NEW_AUTH}`,
      );
    case OAuthErrorCode.ProviderError:
      return refused(`Trakt refused: ${error.error ?? 'error'}${detail(error)}`);
    case OAuthErrorCode.AccessDenied:
      return refused('the authorization was denied on Trakt; run `pmm-config auth trakt` again and choose "Yes" to allow access');
    case OAuthErrorCode.DeviceExpired:
    case OAuthErrorCode.DeviceDeadline:
      return refused(`the code expired before it was approved (codes last about 10 minutes); ${NEW_AUTH}`);
    case OAuthErrorCode.DeviceInvalid:
      return refused(`Trakt does not know this device code (wrong client_id or --auth-url?); ${NEW_AUTH}`);
    case OAuthErrorCode.DeviceAlreadyUsed:
      return refused(`this device code was already used; ${NEW_AUTH}`);
    case OAuthErrorCode.Aborted:
      return new AuthError(AuthErrorCode.Cancelled, 'cancelled', { cause: error });
    case OAuthErrorCode.Blocked:
      return unavailable('Trakt\'s Cloudflare front blocked the request (403 HTML page); wait a while, or try from another network');
    case OAuthErrorCode.HttpError:
      if (error.status === 401 || error.status === 403) return refused(`${CLIENT_REFUSED} (HTTP ${error.status})`);
      break;
  }
  return unavailable(describeUnavailable(error, { service: 'Trakt', step, host: step === 'check' ? hosts.api : hosts.auth, restart: NEW_AUTH }));
}
