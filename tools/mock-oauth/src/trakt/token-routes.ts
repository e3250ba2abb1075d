import { createHash } from 'node:crypto';
import { empty, json, type MockReply, type MockRequest } from '../http/reply';
import { checkCommonHeaders, field, type TraktContext } from './context';
import { oauthError } from './errors';
import type { AuthCodeRecord, TokenRecord } from './state';

/** `POST /oauth/token`: `authorization_code` (PIN, with PKCE when the code had a challenge) and `refresh_token`. */
export function token(context: TraktContext, request: MockRequest): MockReply {
  const bad = checkCommonHeaders(request, true);
  if (bad) return bad;
  const grantType = field(request, 'grant_type');
  if (grantType === 'authorization_code') return exchangeCode(context, request);
  if (grantType === 'refresh_token') return refresh(context, request);
  if (grantType === undefined) return oauthError(context.config.errorStyle, 'invalid_request', 'missing required parameter: grant_type');
  return oauthError(context.config.errorStyle, 'unsupported_grant_type');
}

/** `POST /oauth/revoke`: `{ token, client_id, client_secret }` -> 200, no body (also for unknown tokens, RFC 7009). */
export function revoke(context: TraktContext, request: MockRequest): MockReply {
  const bad = checkCommonHeaders(request, true);
  if (bad) return bad;
  const { config, state } = context;
  const missing = missingFields(request, ['token', 'client_id', 'client_secret']);
  if (missing) return oauthError(config.errorStyle, 'invalid_request', missing);
  if (!clientOk(context, request)) return oauthError(config.errorStyle, 'invalid_client');
  const value = field(request, 'token');
  for (const record of state.tokens) {
    if (record.accessToken === value || record.refreshToken === value) record.revoked = true;
  }
  return empty(200);
}

function exchangeCode(context: TraktContext, request: MockRequest): MockReply {
  const { config, state, clock } = context;
  // Trakt's contract marks all five required; a missing one is a malformed request, not a bad grant.
  const missing = missingFields(request, ['code', 'client_id', 'client_secret', 'redirect_uri']);
  if (missing) return oauthError(config.errorStyle, 'invalid_request', missing);
  if (!clientOk(context, request)) return oauthError(config.errorStyle, 'invalid_client');
  const record = state.findCode(field(request, 'code') ?? '');
  if (record === undefined || record.used || clock.now() >= record.expiresAt) return oauthError(config.errorStyle, 'invalid_grant');
  if (field(request, 'redirect_uri') !== record.redirectUri) return oauthError(config.errorStyle, 'invalid_grant');
  if (!pkceOk(record, field(request, 'code_verifier'))) {
    return oauthError(config.errorStyle, 'invalid_grant', 'code_verifier does not match the code_challenge');
  }
  record.used = true;
  return tokenAnswer(context, state.issueTokens(config.accessTokenTtlSeconds));
}

function refresh(context: TraktContext, request: MockRequest): MockReply {
  const { config, state } = context;
  const missing = missingFields(request, ['refresh_token', 'client_id', 'client_secret', 'redirect_uri']);
  if (missing) return oauthError(config.errorStyle, 'invalid_request', missing);
  if (!clientOk(context, request)) return oauthError(config.errorStyle, 'invalid_client');
  if (!config.redirectUris.includes(field(request, 'redirect_uri') ?? '')) {
    return oauthError(config.errorStyle, 'invalid_request', 'redirect_uri mismatch');
  }
  const record = state.tokens.find((candidate) => candidate.refreshToken === field(request, 'refresh_token'));
  // Single-use: a refresh token that was already exchanged is as dead as an unknown one.
  if (record === undefined || record.refreshUsed || record.revoked) return oauthError(config.errorStyle, 'invalid_grant');
  record.refreshUsed = true;
  return tokenAnswer(context, state.issueTokens(config.accessTokenTtlSeconds));
}

function pkceOk(record: AuthCodeRecord, verifier: string | undefined): boolean {
  if (record.challenge === undefined) return true;
  if (verifier === undefined || !/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) return false;
  const derived = record.challengeMethod === 'S256' ? createHash('sha256').update(verifier, 'ascii').digest('base64url') : verifier;
  return derived === record.challenge;
}

function clientOk(context: TraktContext, request: MockRequest): boolean {
  return field(request, 'client_id') === context.config.clientId && field(request, 'client_secret') === context.config.clientSecret;
}

function missingFields(request: MockRequest, keys: readonly string[]): string | undefined {
  const missing = keys.filter((key) => field(request, key) === undefined);
  return missing.length === 0 ? undefined : `missing required parameter: ${missing.join(', ')}`;
}

function tokenAnswer(context: TraktContext, record: TokenRecord): MockReply {
  return json(200, {
    access_token: record.accessToken,
    token_type: context.config.tokenType,
    expires_in: record.expiresIn,
    refresh_token: record.refreshToken,
    scope: context.config.scope,
    created_at: record.createdAt,
  });
}
