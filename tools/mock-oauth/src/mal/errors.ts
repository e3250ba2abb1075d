import { json, type MockReply } from '../http/reply';

/**
 * MAL's OAuth server answers errors as `{error, message, hint}` (the shape of league/oauth2-server), with
 * 401 for client authentication failures and 400 for the rest.
 */
const MESSAGES: Readonly<Record<string, { status: number; message: string }>> = {
  invalid_request: {
    status: 400,
    message:
      'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.',
  },
  invalid_client: { status: 401, message: 'Client authentication failed' },
  invalid_grant: {
    status: 400,
    message:
      'The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  },
  unsupported_grant_type: { status: 400, message: 'The authorization grant type is not supported by the authorization server.' },
  unsupported_response_type: { status: 400, message: 'The authorization server does not support obtaining an authorization code using this method.' },
};

/** An OAuth error answer from MAL's token or authorize endpoint. */
export function malOauthError(error: keyof typeof MESSAGES | string, hint: string): MockReply {
  const known = MESSAGES[error] ?? { status: 400, message: error };
  return json(known.status, { error, message: known.message, hint });
}

/** MAL API answer for a missing, unknown, expired or revoked Bearer token. */
export function invalidToken(): MockReply {
  return json(401, { error: 'invalid_token' }, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
}
