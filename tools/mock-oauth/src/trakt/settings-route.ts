import { json, type MockReply, type MockRequest } from '../http/reply';
import { checkCommonHeaders, type TraktContext } from './context';

/**
 * `GET /users/settings`: requires the API headers (`trakt-api-key` = client id, `trakt-api-version:
 * 2`, a User-Agent, JSON Content-Type) and a live bearer token; then answers the configured outcome.
 */
export function usersSettings(context: TraktContext, request: MockRequest): MockReply {
  const bad = checkCommonHeaders(request, true);
  if (bad) return bad;
  const { config, state } = context;
  if (request.headers['trakt-api-version'] !== '2') {
    return json(400, { error: 'invalid_request', error_description: 'trakt-api-version header must be 2' });
  }
  if (request.headers['trakt-api-key'] !== config.clientId) return forbidden(request);
  const bearer = /^Bearer (.+)$/i.exec(request.headers['authorization'] ?? '')?.[1];
  if (bearer === undefined || state.validAccessToken(bearer) === undefined) {
    return json(401, { error: 'invalid_token', error_description: 'The access token is invalid' }, { 'WWW-Authenticate': 'Bearer realm="Doorkeeper", error="invalid_token"' });
  }
  switch (config.settingsOutcome) {
    case 401:
      return json(401, { error: 'invalid_token', error_description: 'The access token is invalid' });
    case 410:
      return json(410, { error: 'deactivated' }, { 'X-Account-Deactivated': 'true', 'X-Account-Locked': 'false' });
    case 423:
      return json(423, { error: 'locked' }, { 'X-Account-Locked': 'true', 'X-Account-Deactivated': 'false' });
    case 200:
      return json(200, settingsBody(config.username));
  }
}

function forbidden(request: MockRequest): MockReply {
  return request.headers['trakt-api-key'] === undefined
    ? json(403, { error: 'forbidden', error_description: 'trakt-api-key header is required' })
    : json(403, { error: 'forbidden', error_description: 'invalid API key or unapproved app' });
}

function settingsBody(username: string): Record<string, unknown> {
  return {
    user: {
      username,
      private: false,
      name: 'PMM Tester',
      vip: true,
      vip_ep: false,
      director: false,
      ids: { slug: username, trakt: 123456, uuid: '7c1a5f0e-0000-4000-8000-000000000000' },
      joined_at: '2015-03-01T12:00:00.000Z',
      location: null,
      about: null,
      gender: null,
      age: null,
      images: { avatar: { full: 'https://walter-r2.trakt.tv/images/users/000/123/456/avatars/large/x.jpg' } },
      vip_og: false,
      vip_years: 1,
      vip_cover_image: null,
      dob: null,
    },
    permissions: { commenting: true, liking: true, following: true },
    account: { timezone: 'America/New_York', date_format: 'mdy', time_24hr: false, cover_image: null, token: null, display_ads: false },
    connections: null,
    sharing_text: null,
    limits: null,
  };
}
