import type { MockClock } from '../http/clock';
import { json, redirect, type MockReply, type MockRequest } from '../http/reply';
import { invalidToken, malOauthError } from './errors';
import type { MalState } from './state';

/** The settled options the routes work with. */
export interface MalRouteConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
  readonly codeTtlSeconds: number;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  readonly rotateRefreshTokens: boolean;
  readonly authorizeOutcome: 'approve' | 'deny';
  readonly username: string;
}

/** RFC 7636 verifier/challenge alphabet and length, which MAL enforces for its plain-only PKCE. */
const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/;

function withQuery(base: string, params: Record<string, string | undefined>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

function authorize(request: MockRequest, config: MalRouteConfig, state: MalState): MockReply {
  const q = (name: string) => request.query.get(name) ?? undefined;
  if (q('client_id') !== config.clientId) return malOauthError('invalid_client', 'Check the `client_id` parameter');
  const redirectUri = q('redirect_uri');
  if (redirectUri !== undefined && !config.redirectUris.includes(redirectUri)) {
    return malOauthError('invalid_request', 'Check the `redirect_uri` parameter');
  }
  const target = redirectUri ?? config.redirectUris[0] ?? 'http://localhost/';
  const echo = { state: q('state') };
  if (q('response_type') !== 'code') return redirect(withQuery(target, { error: 'unsupported_response_type', ...echo }));
  const method = q('code_challenge_method');
  if (method !== undefined && method !== 'plain') {
    // MAL supports only the plain method; S256 requests are refused.
    return malOauthError('invalid_request', 'Code challenge method must be `plain`');
  }
  const challenge = q('code_challenge');
  if (challenge === undefined || !PKCE_VALUE.test(challenge)) return malOauthError('invalid_request', 'Check the `code_challenge` parameter');
  if (config.authorizeOutcome === 'deny') {
    return redirect(withQuery(target, { error: 'access_denied', message: 'The resource owner or authorization server denied the request.', ...echo }));
  }
  const record = state.issueCode(challenge, redirectUri, config.codeTtlSeconds);
  return redirect(withQuery(target, { code: record.code, ...echo }));
}

function clientCredentials(request: MockRequest): { id?: string; secret?: string } {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Basic ')) {
    const [id, secret] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
    return { id, secret };
  }
  const body = request.body ?? {};
  return { id: typeof body['client_id'] === 'string' ? body['client_id'] : undefined, secret: typeof body['client_secret'] === 'string' ? body['client_secret'] : undefined };
}

function tokenAnswer(config: MalRouteConfig, state: MalState): MockReply {
  const tokens = state.issueTokens(config.accessTokenTtlSeconds, config.refreshTokenTtlSeconds);
  return json(200, { token_type: 'Bearer', expires_in: config.accessTokenTtlSeconds, access_token: tokens.accessToken, refresh_token: tokens.refreshToken });
}

function exchangeCode(body: Readonly<Record<string, unknown>>, config: MalRouteConfig, state: MalState, clock: MockClock): MockReply {
  const code = body['code'];
  if (typeof code !== 'string' || code === '') return malOauthError('invalid_request', 'Check the `code` parameter');
  const verifier = body['code_verifier'];
  if (typeof verifier !== 'string' || verifier === '') return malOauthError('invalid_request', 'Check the `code_verifier` parameter');
  const record = state.codes.get(code);
  if (record === undefined) return malOauthError('invalid_request', 'Cannot decrypt the authorization code');
  if (record.used) return malOauthError('invalid_grant', 'Authorization code has been revoked');
  if (clock.now() >= record.expiresAt) return malOauthError('invalid_grant', 'Authorization code has expired');
  const redirectUri = typeof body['redirect_uri'] === 'string' ? body['redirect_uri'] : undefined;
  if (record.redirectUri !== undefined && redirectUri !== record.redirectUri) return malOauthError('invalid_request', 'Invalid redirect URI');
  if (!PKCE_VALUE.test(verifier)) return malOauthError('invalid_request', 'Code Verifier must follow the specifications of RFC-7636.');
  if (verifier !== record.challenge) return malOauthError('invalid_grant', 'Failed to verify `code_verifier`.');
  record.used = true;
  return tokenAnswer(config, state);
}

function refresh(body: Readonly<Record<string, unknown>>, config: MalRouteConfig, state: MalState, clock: MockClock): MockReply {
  const refreshToken = body['refresh_token'];
  if (typeof refreshToken !== 'string' || refreshToken === '') return malOauthError('invalid_request', 'Check the `refresh_token` parameter');
  const record = state.findRefreshToken(refreshToken);
  if (record === undefined) return malOauthError('invalid_request', 'Cannot decrypt the refresh token');
  if (record.revoked) return malOauthError('invalid_grant', 'Token has been revoked');
  if (clock.now() >= record.refreshExpiresAt) return malOauthError('invalid_grant', 'Token has expired');
  if (config.rotateRefreshTokens) record.revoked = true;
  return tokenAnswer(config, state);
}

function token(request: MockRequest, config: MalRouteConfig, state: MalState, clock: MockClock): MockReply {
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded') || request.body === undefined) {
    // MAL reads only form bodies; a JSON body looks like a request without any parameter.
    return malOauthError('unsupported_grant_type', 'Check that all required parameters have been provided');
  }
  const grantType = request.body['grant_type'];
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
    return malOauthError('unsupported_grant_type', 'Check that all required parameters have been provided');
  }
  const client = clientCredentials(request);
  if (client.id === undefined) return malOauthError('invalid_request', 'Check the `client_id` parameter');
  if (client.id !== config.clientId || client.secret !== config.clientSecret) return malOauthError('invalid_client', 'Client authentication failed');
  return grantType === 'authorization_code' ? exchangeCode(request.body, config, state, clock) : refresh(request.body, config, state, clock);
}

function bearer(request: MockRequest, state: MalState): boolean {
  const header = request.headers.authorization;
  return typeof header === 'string' && /^Bearer /i.test(header) && state.validAccessToken(header.slice(7).trim()) !== undefined;
}

/** Routes of the MAL mock: the OAuth pages of `myanimelist.net` and the API of `api.myanimelist.net` on one server. */
export function malRoutes(config: MalRouteConfig, state: MalState, clock: MockClock) {
  return (request: MockRequest): MockReply => {
    const route = `${request.method} ${request.path}`;
    switch (route) {
      case 'GET /v1/oauth2/authorize':
        return authorize(request, config, state);
      case 'POST /v1/oauth2/token':
        return token(request, config, state, clock);
      case 'GET /v2/users/@me':
        if (!bearer(request, state)) return invalidToken();
        return json(200, { id: state.user, name: config.username, location: '', joined_at: '2020-01-01T00:00:00+00:00' });
      case 'GET /v2/anime/suggestions':
        if (!bearer(request, state)) return invalidToken();
        return json(200, { data: [{ node: { id: 5114, title: 'Fullmetal Alchemist: Brotherhood' } }], paging: {} });
      default:
        return json(404, { error: 'not_found', message: `no route for ${route}` });
    }
  };
}
