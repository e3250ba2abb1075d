import { describeUnavailable } from './describe-unavailable';
import { OAuthError, OAuthErrorCode } from './errors';

const request = { service: 'Trakt', step: 'refresh', host: 'https://auth.trakt.tv', restart: 'run `pmm-config auth trakt`' };

describe('describeUnavailable', () => {
  it('says how long a rate-limited service asks to wait', () => {
    const error = new OAuthError(OAuthErrorCode.RateLimited, 'rate limited', { status: 429, retryAfterMs: 30_500 });
    expect(describeUnavailable(error, request)).toBe('Trakt is rate limiting requests (it asks to wait 31s); try again later');
  });

  it('names the host it could not reach and tells a timeout from a refused connection', () => {
    expect(describeUnavailable(new OAuthError(OAuthErrorCode.Timeout, 'timeout'), request)).toContain('could not reach Trakt at https://auth.trakt.tv (timed out)');
    expect(describeUnavailable(new OAuthError(OAuthErrorCode.Network, 'network'), request)).toContain('(connection failed)');
  });

  it('warns that a lost refresh may have spent the single-use refresh token', () => {
    const error = new OAuthError(OAuthErrorCode.ServerError, 'bad gateway', { status: 502, grantMayBeConsumed: true });
    expect(describeUnavailable(error, request)).toBe(
      'Trakt kept failing with server errors (HTTP 502); try again later The refresh token may have been used up by the lost request; run `pmm-config auth trakt`.',
    );
  });

  it('falls back to the step and the error message for anything else', () => {
    const error = new OAuthError(OAuthErrorCode.BadResponse, 'the token answer has no access_token');
    expect(describeUnavailable(error, { ...request, step: 'check' })).toBe('Trakt check failed: the token answer has no access_token');
  });
});
