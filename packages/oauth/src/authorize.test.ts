import { buildAuthorizationRequest, OOB_REDIRECT_URI, parseRedirectUrl } from './authorize';
import { OAuthErrorCode } from './errors';
import { pkceChallenge } from './pkce';

const bytes = (size: number) => Uint8Array.from({ length: size }, (_, index) => (index * 37 + 11) % 256);

describe('buildAuthorizationRequest', () => {
  it('puts response_type, client_id, redirect_uri, state and an S256 challenge on the URL', () => {
    const request = buildAuthorizationRequest('https://auth.example/oauth/authorize?signup=true', 'cid', { redirectUri: OOB_REDIRECT_URI }, bytes);
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe('https://auth.example/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      signup: 'true',
      response_type: 'code',
      client_id: 'cid',
      redirect_uri: OOB_REDIRECT_URI,
      state: request.state,
      code_challenge: pkceChallenge(request.codeVerifier ?? '', 'S256'),
      code_challenge_method: 'S256',
    });
    expect(request.state).toMatch(/^[A-Za-z0-9\-_]{22}$/);
  });

  it('omits PKCE when told to', () => {
    const request = buildAuthorizationRequest('https://auth.example/a', 'cid', { pkce: false, scope: 'public' }, bytes);
    expect(request.codeVerifier).toBeUndefined();
    expect(new URL(request.url).searchParams.has('code_challenge')).toBe(false);
    expect(new URL(request.url).searchParams.get('scope')).toBe('public');
  });
});

describe('parseRedirectUrl', () => {
  it('reads code and state, forgiving quotes and whitespace', () => {
    expect(parseRedirectUrl(' "http://localhost/?code=abc123&state=s1" ', 's1')).toEqual({ code: 'abc123', state: 's1' });
    expect(parseRedirectUrl('http://localhost/#code=xyz')).toEqual({ code: 'xyz' });
  });

  it.each([
    ['not a url', OAuthErrorCode.InvalidRedirect],
    ['http://localhost/?state=s1', OAuthErrorCode.InvalidRedirect],
    ['http://localhost/?code=abc&state=other', OAuthErrorCode.StateMismatch],
    ['http://localhost/?code=abc', OAuthErrorCode.StateMismatch],
    ['http://localhost/?error=access_denied&state=s1', OAuthErrorCode.AccessDenied],
    ['http://localhost/?error=server_error', OAuthErrorCode.ProviderError],
  ])('rejects %s', (pasted, code) => {
    expect(() => parseRedirectUrl(pasted, 's1')).toThrow(expect.objectContaining({ code }));
  });

  it('never echoes the pasted URL (it holds the code) in its messages', () => {
    try {
      parseRedirectUrl('http://localhost/?code=SECRETCODE&state=zzz', 's1');
      throw new Error('expected a throw');
    } catch (error) {
      expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain('SECRETCODE');
    }
  });
});
