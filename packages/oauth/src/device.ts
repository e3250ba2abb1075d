import { OAuthError, OAuthErrorCode } from './errors';
import { abortableSleep, looksLikeHtml, stepLabel, type HttpResponse, type HttpTransport } from './http';
import { errorFromResponse, parseJsonObject, parseTokenResponse } from './response';
import { parseRetryAfter } from './retry-after';
import type {
  DeviceAuthorization,
  DeviceDialect,
  DevicePollOptions,
  DevicePollOutcome,
  DevicePollProgress,
  TokenResponse,
} from './types';

/** RFC 8628 as written: JSON `error` values, `device_code`, `verification_uri`, the device grant type. */
export const RFC8628_DEVICE_DIALECT: DeviceDialect = {
  pollCodeKey: 'device_code',
  verificationField: 'verification_uri',
  pollGrantType: 'urn:ietf:params:oauth:grant-type:device_code',
  slowDownStepSeconds: 5,
};

const RFC_OUTCOMES: Readonly<Record<string, DevicePollOutcome>> = {
  authorization_pending: 'pending',
  slow_down: 'slow_down',
  access_denied: 'denied',
  expired_token: 'expired',
};

/** What the poll loop needs from the client. */
export interface DevicePollContext {
  readonly transport: HttpTransport;
  readonly dialect: DeviceDialect;
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  readonly encoding: 'json' | 'form';
  readonly maxTransientFailures: number;
  readonly maxRetryAfterMs: number;
}

/**
 * Polls until the user approves, then returns the tokens. Waits `interval` before every poll,
 * grows it on slow-down, and stops with a typed error on denial, expiry, an unknown or used code,
 * the local deadline, too many consecutive transport failures, or abort.
 */
export async function pollDeviceToken(
  context: DevicePollContext,
  authorization: DeviceAuthorization,
  options: DevicePollOptions = {},
): Promise<TokenResponse> {
  const { transport, dialect } = context;
  const { signal } = options;
  const report = (type: DevicePollProgress['type']): void =>
    options.onProgress?.({
      type,
      polls,
      secondsLeft: Math.max(0, Math.floor((authorization.expiresAt - transport.now()) / 1000)),
      intervalSeconds,
    });
  let intervalSeconds = authorization.intervalSeconds;
  let polls = 0;
  let transientFailures = 0;
  let answerLost = false;
  const body = {
    [dialect.pollCodeKey]: authorization.response.device_code,
    client_id: context.clientId,
    client_secret: context.clientSecret,
    ...(dialect.pollGrantType === undefined ? {} : { grant_type: dialect.pollGrantType }),
  };

  for (;;) {
    report('waiting');
    await abortableSleep(transport.sleep, intervalSeconds * 1000, signal, 'device_token');
    if (transport.now() >= authorization.expiresAt) {
      throw new OAuthError(
        OAuthErrorCode.DeviceDeadline,
        `The code was not approved within the ${authorization.response.expires_in} s it was valid for: start again`,
      );
    }
    let response: HttpResponse;
    try {
      response = await transport.send({ step: 'device_token', method: 'POST', url: context.url, body, encoding: context.encoding, ...(signal ? { signal } : {}) });
      polls++;
    } catch (error) {
      const failure = error as OAuthError;
      if (failure.code === OAuthErrorCode.Aborted) throw failure;
      polls++;
      answerLost = true;
      if (++transientFailures > context.maxTransientFailures) throw failure;
      report('retry');
      continue;
    }
    if (response.status >= 200 && response.status < 300) return parseTokenResponse('device_token', response);
    if (response.status >= 500) {
      answerLost = true;
      if (++transientFailures > context.maxTransientFailures) {
        throw new OAuthError(OAuthErrorCode.ServerError, `${stepLabel('device_token')} failed with HTTP ${response.status} ${transientFailures} times in a row`, {
          status: response.status,
        });
      }
      report('retry');
      continue;
    }
    transientFailures = 0;
    const outcome = classify(response, dialect);
    switch (outcome) {
      case 'pending':
        continue;
      case 'slow_down': {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), transport.now());
        if (retryAfterMs !== undefined && retryAfterMs > context.maxRetryAfterMs) {
          throw new OAuthError(OAuthErrorCode.RateLimited, `${stepLabel('device_token')} was rate limited; the server asks to wait ${Math.ceil(retryAfterMs / 1000)} s`, {
            status: response.status,
            retryAfterMs,
          });
        }
        intervalSeconds = Math.max(intervalSeconds + (dialect.slowDownStepSeconds ?? 5), Math.ceil((retryAfterMs ?? 0) / 1000));
        report('slow_down');
        continue;
      }
      case 'denied':
        throw new OAuthError(OAuthErrorCode.AccessDenied, 'The authorization was denied on the approval page', withServerFields(response));
      case 'expired':
        throw new OAuthError(OAuthErrorCode.DeviceExpired, 'The device code expired before it was approved: start again', withServerFields(response));
      case 'invalid':
        throw new OAuthError(OAuthErrorCode.DeviceInvalid, 'The server does not know this device code (wrong client id, or a code from another app): start again', withServerFields(response));
      case 'already_used':
        throw new OAuthError(
          OAuthErrorCode.DeviceAlreadyUsed,
          answerLost
            ? 'The device code was already exchanged, most likely by an earlier poll whose answer was lost in transit: start again'
            : 'The device code was already used: start again',
          { ...withServerFields(response), grantMayBeConsumed: answerLost },
        );
      case undefined:
        if (response.status === 403 && looksLikeHtml(response)) {
          throw new OAuthError(OAuthErrorCode.Blocked, `${stepLabel('device_token')} was blocked (HTTP 403 with an HTML page, typically Cloudflare)`, { status: 403 });
        }
        throw errorFromResponse('device_token', response, transport.redactor);
    }
  }
}

/**
 * A 429 always means slow down, whatever its body says (Trakt's `{"error":"rate_limited"}`, a Cloudflare
 * page): the server wants fewer polls, not an end to them. Otherwise a JSON `error` decides when present,
 * then the dialect's status table.
 */
function classify(response: HttpResponse, dialect: DeviceDialect): DevicePollOutcome | undefined {
  if (response.status === 429) return 'slow_down';
  const error = parseJsonObject(response.text)?.['error'];
  if (typeof error === 'string') return RFC_OUTCOMES[error];
  return dialect.statusOutcomes?.[response.status];
}

function withServerFields(response: HttpResponse): { status: number; error?: string } {
  const error = parseJsonObject(response.text)?.['error'];
  return { status: response.status, ...(typeof error === 'string' ? { error } : {}) };
}
