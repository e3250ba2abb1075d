import { empty, json, type MockReply, type MockRequest } from '../http/reply';
import { checkCommonHeaders, field, type TraktContext } from './context';
import { oauthError } from './errors';
import type { DeviceCodeRecord, DeviceStatus } from './state';

/** `POST /oauth/device/code`: `{ client_id }` -> codes. */
export function deviceCode(context: TraktContext, request: MockRequest): MockReply {
  const bad = checkCommonHeaders(request, true);
  if (bad) return bad;
  const { config, state } = context;
  const clientId = field(request, 'client_id');
  if (clientId === undefined) return oauthError(config.errorStyle, 'invalid_request', 'client_id is required');
  if (clientId !== config.clientId) return oauthError(config.errorStyle, 'invalid_client');
  const record = state.issueDeviceCode(config.deviceExpiresIn);
  if (config.nextDeviceScript !== undefined) {
    record.script = config.nextDeviceScript;
    config.nextDeviceScript = undefined;
  } else if (config.autoApproveAfterPolls !== undefined) {
    record.script = { afterPolls: config.autoApproveAfterPolls, outcome: 'approve' };
  }
  return json(200, {
    device_code: record.deviceCode,
    user_code: record.userCode,
    verification_url: config.verificationUrl || `${context.baseUrl()}/activate`,
    expires_in: config.deviceExpiresIn,
    interval: config.deviceInterval,
  });
}

/**
 * `POST /oauth/device/token`: `{ code, client_id, client_secret }`. Trakt answers by status alone:
 * 400 pending (no body), 404 unknown, 409 used, 410 expired, 418 denied, 429 too fast, 200 tokens.
 */
export function deviceToken(context: TraktContext, request: MockRequest): MockReply {
  const bad = checkCommonHeaders(request, true);
  if (bad) return bad;
  const { config, state, clock } = context;
  const code = field(request, 'code');
  if (code === undefined) {
    const hint = field(request, 'device_code') === undefined ? 'code is required' : 'code is required (Trakt names it `code`, not `device_code`)';
    return oauthError(config.errorStyle, 'invalid_request', hint);
  }
  const clientId = field(request, 'client_id');
  const clientSecret = field(request, 'client_secret');
  if (clientId === undefined || clientSecret === undefined) {
    return oauthError(config.errorStyle, 'invalid_request', 'client_id and client_secret are required');
  }
  if (clientId !== config.clientId || clientSecret !== config.clientSecret) return oauthError(config.errorStyle, 'invalid_client');
  const record = state.devices.get(code);
  if (record === undefined) return pollAnswer(context, 404, 'invalid_grant');

  const now = clock.now();
  if (record.status === 'pending' && now >= record.expiresAt) record.status = 'expired';
  switch (record.status) {
    case 'expired':
      return pollAnswer(context, 410, 'expired_token');
    case 'used':
      return pollAnswer(context, 409, 'invalid_grant');
    case 'denied':
      return pollAnswer(context, 418, 'access_denied');
    case 'pending':
    case 'approved':
      break;
  }
  const since = record.lastPollAt ?? record.createdAt;
  record.lastPollAt = now;
  if (config.enforceInterval && now - since < config.deviceInterval * 1000) return pollAnswer(context, 429, 'slow_down');
  record.polls++;
  switch (applyScript(record)) {
    case 'approved': {
      record.status = 'used';
      const tokens = state.issueTokens(config.accessTokenTtlSeconds);
      return json(200, {
        access_token: tokens.accessToken,
        token_type: config.tokenType,
        expires_in: tokens.expiresIn,
        refresh_token: tokens.refreshToken,
        scope: config.scope,
        created_at: tokens.createdAt,
      });
    }
    case 'denied':
      return pollAnswer(context, 418, 'access_denied');
    case 'expired':
      return pollAnswer(context, 410, 'expired_token');
    default:
      return pollAnswer(context, 400, 'authorization_pending');
  }
}

/** Applies a due script and returns the status after it. */
function applyScript(record: DeviceCodeRecord): DeviceStatus {
  if (record.script !== undefined && record.polls >= record.script.afterPolls) {
    record.status = record.script.outcome === 'approve' ? 'approved' : record.script.outcome === 'deny' ? 'denied' : 'expired';
    record.script = undefined;
  }
  return record.status;
}

function pollAnswer(context: TraktContext, status: number, rfcError: string): MockReply {
  return context.config.deviceErrorBodies ? json(status, { error: rfcError }) : empty(status);
}
