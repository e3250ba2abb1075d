import { json, type MockReply } from '../http/reply';
import type { TraktErrorStyle } from './options';

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  invalid_grant:
    'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  invalid_client:
    'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  unsupported_grant_type: 'The authorization grant type is not supported by the authorization server.',
};

/**
 * An OAuth error answer in the configured style. 2026: 400 + JSON. Legacy (Doorkeeper): 401 +
 * `WWW-Authenticate` for `invalid_grant`/`invalid_client`, 400 JSON for the rest.
 */
export function oauthError(style: TraktErrorStyle, error: string, description = DESCRIPTIONS[error] ?? error): MockReply {
  const body = { error, error_description: description };
  if (style === 'legacy' && (error === 'invalid_grant' || error === 'invalid_client')) {
    return json(401, body, {
      'WWW-Authenticate': `Bearer realm="Doorkeeper", error="${error}", error_description="${description}"`,
    });
  }
  return json(400, body);
}
