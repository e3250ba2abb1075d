import { buildAuthorizationRequest } from './authorize';
import { pollDeviceToken, RFC8628_DEVICE_DIALECT } from './device';
import { OAuthError, OAuthErrorCode } from './errors';
import { HttpTransport, type HttpResponse } from './http';
import { Redactor } from './redactor';
import { errorFromResponse, parseDeviceCodeResponse, parseTokenResponse } from './response';
import type {
  AuthorizationRequest,
  AuthorizationUrlOptions,
  CodeExchangeOptions,
  DeviceAuthorization,
  DeviceDialect,
  DevicePollOptions,
  OAuthClientOptions,
  OAuthEndpoints,
  RefreshOptions,
  RevokeOptions,
  TokenResponse,
} from './types';

/**
 * A provider-agnostic OAuth 2.0 client for one app. Providers configure endpoints, body encoding
 * and device-flow quirks; the client knows no provider by name.
 */
export class OAuthClient {
  /** The transport, for provider API calls that should share timeout, User-Agent and retries. */
  readonly transport: HttpTransport;
  private readonly options: OAuthClientOptions;
  private readonly dialect: DeviceDialect;

  constructor(options: OAuthClientOptions) {
    this.options = options;
    this.dialect = options.device ?? RFC8628_DEVICE_DIALECT;
    const redactor = new Redactor();
    redactor.add(options.clientId, options.clientSecret);
    this.transport = new HttpTransport({
      version: options.version,
      ...(options.headers ? { headers: options.headers } : {}),
      ...(options.runtime ? { runtime: options.runtime } : {}),
      ...(options.tuning ? { tuning: options.tuning } : {}),
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
      redactor,
    });
  }

  /** Builds the authorization URL with a fresh `state` and a PKCE pair (S256 unless told otherwise). */
  createAuthorizationRequest(options: AuthorizationUrlOptions = {}): AuthorizationRequest {
    const request = buildAuthorizationRequest(this.endpoint('authorizeUrl'), this.options.clientId, options, this.transport.randomBytes);
    this.transport.redactor.add(request.codeVerifier, request.state);
    return request;
  }

  /**
   * Exchanges an authorization code or PIN for tokens. Never retried once sent: a code is
   * single-use, so a lost answer is reported with `grantMayBeConsumed`.
   */
  async exchangeCode(options: CodeExchangeOptions): Promise<TokenResponse> {
    this.transport.redactor.add(options.code, options.codeVerifier);
    const response = await this.transport.request(
      {
        step: 'code_exchange',
        method: 'POST',
        url: this.endpoint('tokenUrl'),
        encoding: this.options.bodyEncoding,
        body: {
          code: options.code,
          client_id: this.options.clientId,
          client_secret: this.options.clientSecret,
          redirect_uri: options.redirectUri,
          grant_type: 'authorization_code',
          code_verifier: options.codeVerifier,
        },
        ...(options.signal ? { signal: options.signal } : {}),
      },
      'consumable',
    );
    return this.tokens('code_exchange', response);
  }

  /**
   * Trades a refresh token for a new token pair. The answer's `refresh_token` replaces the old one,
   * which the server may already have invalidated: store the result before doing anything else.
   */
  async refresh(options: RefreshOptions): Promise<TokenResponse> {
    this.transport.redactor.add(options.refreshToken);
    const response = await this.transport.request(
      {
        step: 'refresh',
        method: 'POST',
        url: this.endpoint('tokenUrl'),
        encoding: this.options.bodyEncoding,
        body: {
          refresh_token: options.refreshToken,
          client_id: this.options.clientId,
          client_secret: this.options.clientSecret,
          redirect_uri: options.redirectUri,
          grant_type: 'refresh_token',
        },
        ...(options.signal ? { signal: options.signal } : {}),
      },
      'consumable',
    );
    return this.tokens('refresh', response);
  }

  /** Revokes a token. Safe to retry: revoking twice has the same effect as once. */
  async revoke(options: RevokeOptions): Promise<void> {
    this.transport.redactor.add(options.token);
    const response = await this.transport.request(
      {
        step: 'revoke',
        method: 'POST',
        url: this.endpoint('revokeUrl'),
        encoding: this.options.bodyEncoding,
        body: {
          token: options.token,
          token_type_hint: options.tokenTypeHint,
          client_id: this.options.clientId,
          client_secret: this.options.clientSecret,
        },
        ...(options.signal ? { signal: options.signal } : {}),
      },
      'idempotent',
    );
    if (!isSuccess(response)) throw errorFromResponse('revoke', response, this.transport.redactor);
  }

  /** Starts the device flow: returns the user code and page to show, and what polling needs. */
  async requestDeviceCode(options: { readonly scope?: string; readonly signal?: AbortSignal } = {}): Promise<DeviceAuthorization> {
    const startedAt = this.transport.now();
    const response = await this.transport.request(
      {
        step: 'device_code',
        method: 'POST',
        url: this.endpoint('deviceCodeUrl'),
        encoding: this.options.bodyEncoding,
        body: { client_id: this.options.clientId, scope: options.scope },
        ...(options.signal ? { signal: options.signal } : {}),
      },
      'idempotent',
    );
    if (!isSuccess(response)) throw errorFromResponse('device_code', response, this.transport.redactor);
    const parsed = parseDeviceCodeResponse(response, this.dialect.verificationField);
    this.transport.redactor.add(parsed.response.device_code);
    return {
      ...parsed,
      userCode: parsed.response.user_code,
      expiresAt: startedAt + parsed.response.expires_in * 1000,
      intervalSeconds: parsed.response.interval,
    };
  }

  /** Polls until the device authorization ends; see the README for every way it can end. */
  async pollDeviceToken(authorization: DeviceAuthorization, options: DevicePollOptions = {}): Promise<TokenResponse> {
    const tokens = await pollDeviceToken(
      {
        transport: this.transport,
        dialect: this.dialect,
        url: this.endpoint('deviceTokenUrl'),
        clientId: this.options.clientId,
        ...(this.options.clientSecret === undefined ? {} : { clientSecret: this.options.clientSecret }),
        encoding: this.options.bodyEncoding,
        maxTransientFailures: this.options.tuning?.maxRetries ?? 3,
        maxRetryAfterMs: this.options.tuning?.maxRetryAfterMs ?? 60_000,
      },
      authorization,
      options,
    );
    this.transport.redactor.add(tokens.access_token, tokens.refresh_token);
    return tokens;
  }

  private tokens(step: 'code_exchange' | 'refresh', response: HttpResponse): TokenResponse {
    if (!isSuccess(response)) throw errorFromResponse(step, response, this.transport.redactor);
    const tokens = parseTokenResponse(step, response);
    this.transport.redactor.add(tokens.access_token, tokens.refresh_token);
    return tokens;
  }

  private endpoint(name: keyof OAuthEndpoints): string {
    const url = this.options.endpoints[name];
    if (url === undefined) {
      throw new OAuthError(OAuthErrorCode.InvalidOptions, `This provider has no \`${name}\` configured, so that flow is not available`);
    }
    return url;
  }
}

function isSuccess(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300;
}
