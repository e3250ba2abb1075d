export { OAuthClient } from './client';
export { OAuthError, OAuthErrorCode, isOAuthError } from './errors';
export { describeUnavailable } from './describe-unavailable';
export type { FailedRequest } from './describe-unavailable';
export type { OAuthErrorDetails } from './errors';
export { OOB_REDIRECT_URI, buildAuthorizationRequest, parseRedirectUrl } from './authorize';
export type { RedirectResult } from './authorize';
export { RFC8628_DEVICE_DIALECT } from './device';
export { HttpTransport, looksLikeHtml } from './http';
export type { HttpRequest, HttpResponse, HttpTransportOptions, RetryPolicy } from './http';
export { createPkcePair, pkceChallenge } from './pkce';
export type { PkcePair } from './pkce';
export { Redactor } from './redactor';
export { parseJsonObject } from './response';
export { parseRetryAfter } from './retry-after';
export type {
  AuthorizationRequest,
  AuthorizationUrlOptions,
  BodyEncoding,
  CodeExchangeOptions,
  DeviceAuthorization,
  DeviceCodeResponse,
  DeviceDialect,
  DevicePollOptions,
  DevicePollOutcome,
  DevicePollProgress,
  FetchLike,
  OAuthClientOptions,
  OAuthEndpoints,
  OAuthEvent,
  OAuthRuntime,
  OAuthStep,
  PkceMethod,
  RandomBytes,
  RefreshOptions,
  RevokeOptions,
  SleepLike,
  TokenResponse,
  TransportTuning,
} from './types';
