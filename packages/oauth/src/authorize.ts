import { OAuthError, OAuthErrorCode } from './errors';
import { createPkcePair } from './pkce';
import { randomUrlSafe } from './random';
import type { AuthorizationRequest, AuthorizationUrlOptions, RandomBytes } from './types';

/** The out-of-band redirect URI: the provider shows the code (a "PIN") instead of redirecting. */
export const OOB_REDIRECT_URI = 'urn:ietf:wg:oauth:2.0:oob';

/** Builds the URL the user opens, with a fresh `state` and (by default) an S256 PKCE challenge. */
export function buildAuthorizationRequest(
  authorizeUrl: string,
  clientId: string,
  options: AuthorizationUrlOptions,
  randomBytes: RandomBytes,
): AuthorizationRequest {
  const url = new URL(authorizeUrl);
  const state = randomUrlSafe(randomBytes, 22);
  const method = options.pkce === undefined ? 'S256' : options.pkce;
  const params = url.searchParams;
  params.set('response_type', 'code');
  params.set('client_id', clientId);
  if (options.redirectUri !== undefined) params.set('redirect_uri', options.redirectUri);
  if (options.scope !== undefined) params.set('scope', options.scope);
  params.set('state', state);
  let codeVerifier: string | undefined;
  if (method !== false) {
    const pair = createPkcePair(randomBytes, method, options.verifierLength ?? 64);
    codeVerifier = pair.verifier;
    params.set('code_challenge', pair.challenge);
    params.set('code_challenge_method', method);
  }
  for (const [key, value] of Object.entries(options.extraParams ?? {})) params.set(key, value);
  return {
    url: url.toString(),
    state,
    ...(codeVerifier === undefined || method === false ? {} : { codeVerifier, codeChallengeMethod: method }),
    ...(options.redirectUri === undefined ? {} : { redirectUri: options.redirectUri }),
  };
}

/** What a pasted redirect URL carried. */
export interface RedirectResult {
  /** Secret: exchange it, never show it. */
  readonly code: string;
  readonly state?: string;
}

/**
 * Reads the code from the URL the browser landed on (e.g. MyAnimeList's `http://localhost/?code=…`).
 * With `expectedState`, a missing or different `state` is `OAUTH_STATE_MISMATCH`; an `error`
 * parameter becomes the matching typed error. Surrounding whitespace and quotes are forgiven.
 */
export function parseRedirectUrl(pasted: string, expectedState?: string): RedirectResult {
  const text = pasted.trim().replace(/^["'<]+|["'>]+$/g, '');
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new OAuthError(
      OAuthErrorCode.InvalidRedirect,
      'The pasted text is not a URL: copy the whole address from the browser bar after approving',
      { cause: error },
    );
  }
  const params = new URLSearchParams(url.search);
  if (url.hash.length > 1) {
    for (const [key, value] of new URLSearchParams(url.hash.slice(1))) if (!params.has(key)) params.set(key, value);
  }
  const error = params.get('error');
  if (error !== null) {
    const description = params.get('error_description') ?? undefined;
    const code = error === 'access_denied' ? OAuthErrorCode.AccessDenied : error === 'invalid_request' ? OAuthErrorCode.InvalidRequest : OAuthErrorCode.ProviderError;
    throw new OAuthError(
      code,
      `The authorization page returned an error: ${error}${description === undefined ? '' : ` (${description})`}`,
      { error, ...(description === undefined ? {} : { errorDescription: description }) },
    );
  }
  const code = params.get('code');
  if (code === null || code === '') {
    throw new OAuthError(OAuthErrorCode.InvalidRedirect, 'The pasted URL has no `code` parameter: approve the app first, then copy the address you land on');
  }
  const state = params.get('state') ?? undefined;
  if (expectedState !== undefined && state !== expectedState) {
    throw new OAuthError(
      OAuthErrorCode.StateMismatch,
      state === undefined
        ? 'The pasted URL has no `state`: it does not come from the authorization started here'
        : 'The pasted URL belongs to a different authorization attempt (state mismatch): use the URL from this attempt',
    );
  }
  return { code, ...(state === undefined ? {} : { state }) };
}
