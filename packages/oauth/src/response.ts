import { OAuthError, OAuthErrorCode } from './errors';
import { stepLabel, type HttpResponse } from './http';
import type { Redactor } from './redactor';
import type { DeviceCodeResponse, OAuthStep, TokenResponse } from './types';

/** The OAuth error fields a server put in a body or a `WWW-Authenticate` header. */
export interface ServerErrorFields {
  readonly error?: string;
  readonly errorDescription?: string;
  /** MyAnimeList's `hint`: the specific reason ("Failed to verify `code_verifier`.") behind a generic `message`. */
  readonly errorHint?: string;
}

/** Longest `hint` kept: a real one is a sentence; anything longer is not a reason a user can read. */
const MAX_HINT_LENGTH = 200;

/** Parses a body as a JSON object, or `undefined` if it is not one (never throws). */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  if (!/^\s*\{/.test(text)) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads `error` / `error_description` from a JSON body (MyAnimeList puts the generic text in `message` and
 * the specific reason in `hint`), falling back to a legacy `WWW-Authenticate: Bearer error="…"` header.
 * Texts are scrubbed.
 */
export function readServerError(response: HttpResponse, redactor: Redactor): ServerErrorFields {
  const body = parseJsonObject(response.text);
  let error = typeof body?.['error'] === 'string' ? body['error'] : undefined;
  const hint = firstString(body?.['hint']);
  const errorHint = hint !== undefined && hint.length <= MAX_HINT_LENGTH ? hint : undefined;
  let description = firstString(body?.['error_description'], body?.['message']) ?? errorHint;
  const challenge = response.headers.get('www-authenticate');
  if (error === undefined && challenge !== null) {
    error = /\berror="([^"]*)"/.exec(challenge)?.[1];
    description ??= /\berror_description="([^"]*)"/.exec(challenge)?.[1];
  }
  return {
    ...(error === undefined ? {} : { error: redactor.scrub(error) }),
    ...(description === undefined ? {} : { errorDescription: redactor.scrub(description) }),
    ...(errorHint === undefined || errorHint === description ? {} : { errorHint: redactor.scrub(errorHint) }),
  };
}

const ERROR_CODES: Readonly<Record<string, OAuthErrorCode>> = {
  invalid_grant: OAuthErrorCode.InvalidGrant,
  invalid_client: OAuthErrorCode.InvalidClient,
  unauthorized_client: OAuthErrorCode.InvalidClient,
  invalid_request: OAuthErrorCode.InvalidRequest,
  access_denied: OAuthErrorCode.AccessDenied,
  expired_token: OAuthErrorCode.DeviceExpired,
};

const HINTS: Readonly<Partial<Record<OAuthErrorCode, string>>> = {
  [OAuthErrorCode.InvalidGrant]: 'the code, PIN or token is wrong, expired, already used or revoked',
  [OAuthErrorCode.InvalidClient]: 'the client id or client secret was rejected (wrong secret, or the app was deleted)',
  [OAuthErrorCode.InvalidRequest]: 'the server rejected the request as malformed (for example a redirect URI that does not match the app)',
  [OAuthErrorCode.AccessDenied]: 'the authorization was refused',
  [OAuthErrorCode.DeviceExpired]: 'the device code expired',
};

/** Turns a non-success answer of a token-type endpoint into a typed error. */
export function errorFromResponse(step: OAuthStep, response: HttpResponse, redactor: Redactor): OAuthError {
  const fields = readServerError(response, redactor);
  const grantStep = step === 'code_exchange' || step === 'refresh';
  let code: OAuthErrorCode;
  if (fields.error !== undefined) code = ERROR_CODES[fields.error] ?? OAuthErrorCode.ProviderError;
  // Trakt answers a dead grant with a bare 400/401 (reused PIN, pre-migration refresh token).
  else if (grantStep && (response.status === 400 || response.status === 401)) code = OAuthErrorCode.InvalidGrant;
  else code = OAuthErrorCode.HttpError;
  const location = response.headers.get('location');
  const hint =
    response.status >= 300 && response.status < 400
      ? `the endpoint redirects${location === null ? '' : ` to ${safeOrigin(location)}`}; configure the final https URL, because a redirected POST loses its body`
      : HINTS[code];
  const server = [fields.error, fields.errorDescription, fields.errorHint].filter((part) => part !== undefined).join(': ');
  const message =
    `${stepLabel(step)} failed (HTTP ${response.status})` +
    (hint === undefined ? '' : `: ${hint}`) +
    (server === '' ? '' : ` [server said: ${server}]`);
  return new OAuthError(code, message, { status: response.status, ...fields });
}

/** Checks a token answer field by field; anything missing or mistyped is `OAUTH_BAD_RESPONSE`. */
export function parseTokenResponse(step: OAuthStep, response: HttpResponse): TokenResponse {
  const body = requireJsonObject(step, response);
  const accessToken = requireField(step, body, 'access_token', isNonEmptyString, 'a non-empty string');
  const tokenType = requireField(step, body, 'token_type', isNonEmptyString, 'a non-empty string');
  const expiresIn = requireField(step, body, 'expires_in', isNonNegativeInteger, 'a non-negative integer');
  const refreshToken = requireField(step, body, 'refresh_token', isNonEmptyString, 'a non-empty string');
  const scope = optionalField(step, body, 'scope', isString, 'a string');
  const createdAt = optionalField(step, body, 'created_at', isNonNegativeInteger, 'a non-negative integer');
  return {
    access_token: accessToken,
    token_type: tokenType,
    expires_in: expiresIn,
    refresh_token: refreshToken,
    ...(scope === undefined ? {} : { scope }),
    ...(createdAt === undefined ? {} : { created_at: createdAt }),
  };
}

/** Checks a device authorization answer; the verification page must be in `verificationField`. */
export function parseDeviceCodeResponse(
  response: HttpResponse,
  verificationField: string,
): { readonly response: DeviceCodeResponse; readonly verificationUrl: string; readonly verificationUrlComplete?: string } {
  const step: OAuthStep = 'device_code';
  const body = requireJsonObject(step, response);
  const parsed: DeviceCodeResponse = {
    ...body,
    device_code: requireField(step, body, 'device_code', isNonEmptyString, 'a non-empty string'),
    user_code: requireField(step, body, 'user_code', isNonEmptyString, 'a non-empty string'),
    expires_in: requireField(step, body, 'expires_in', isPositiveInteger, 'a positive integer'),
    interval: optionalField(step, body, 'interval', isPositiveInteger, 'a positive integer') ?? 5,
  };
  const verificationUrl = requireField(step, body, verificationField, isHttpUrl, 'an http(s) URL');
  const complete = optionalField(step, body, 'verification_uri_complete', isHttpUrl, 'an http(s) URL');
  return { response: parsed, verificationUrl, ...(complete === undefined ? {} : { verificationUrlComplete: complete }) };
}

function requireJsonObject(step: OAuthStep, response: HttpResponse): Record<string, unknown> {
  const body = parseJsonObject(response.text);
  if (body === undefined) {
    throw new OAuthError(
      OAuthErrorCode.BadResponse,
      `${stepLabel(step)}: the server answered HTTP ${response.status} but the body is not a JSON object`,
      { status: response.status },
    );
  }
  return body;
}

function requireField<T>(
  step: OAuthStep,
  body: Record<string, unknown>,
  key: string,
  check: (value: unknown) => value is T,
  expected: string,
): T {
  const value = body[key];
  if (check(value)) return value;
  throw badField(step, key, value === undefined ? 'is missing' : `is not ${expected}`);
}

function optionalField<T>(
  step: OAuthStep,
  body: Record<string, unknown>,
  key: string,
  check: (value: unknown) => value is T,
  expected: string,
): T | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (check(value)) return value;
  throw badField(step, key, `is not ${expected}`);
}

function badField(step: OAuthStep, key: string, problem: string): OAuthError {
  return new OAuthError(OAuthErrorCode.BadResponse, `${stepLabel(step)}: the server's answer is unusable: \`${key}\` ${problem}`);
}

function safeOrigin(location: string): string {
  try {
    return new URL(location).origin;
  } catch {
    return 'another URL';
  }
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === 'string' && value !== '');
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isPositiveInteger(value: unknown): value is number {
  return isNonNegativeInteger(value) && value > 0;
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
