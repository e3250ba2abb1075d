import { OAuthErrorCode } from './errors';
import type { HttpResponse } from './http';
import { Redactor } from './redactor';
import { errorFromResponse, parseDeviceCodeResponse, parseTokenResponse, readServerError } from './response';

function answer(status: number, text: string, headers: Record<string, string> = {}): HttpResponse {
  return { status, text, headers: new Headers(headers) };
}

const good = { access_token: 'a'.repeat(8), token_type: 'Bearer', expires_in: 2678400, refresh_token: 'r'.repeat(8) };

describe('parseTokenResponse', () => {
  it('keeps wire names and drops unknown fields', () => {
    expect(parseTokenResponse('refresh', answer(200, JSON.stringify({ ...good, extra: 1 })))).toEqual(good);
    expect(parseTokenResponse('refresh', answer(200, JSON.stringify({ ...good, scope: 'public', created_at: 1 })))).toEqual({ ...good, scope: 'public', created_at: 1 });
  });

  it.each([
    ['missing refresh_token', { ...good, refresh_token: undefined }, '`refresh_token` is missing'],
    ['string expires_in', { ...good, expires_in: '3600' }, '`expires_in` is not a non-negative integer'],
    ['empty access_token', { ...good, access_token: '' }, '`access_token` is not a non-empty string'],
    ['numeric scope', { ...good, scope: 5 }, '`scope` is not a string'],
  ])('turns %s into OAUTH_BAD_RESPONSE', (_, body, detail) => {
    expect(() => parseTokenResponse('code_exchange', answer(200, JSON.stringify(body)))).toThrow(
      expect.objectContaining({ code: OAuthErrorCode.BadResponse, message: expect.stringContaining(detail) }),
    );
  });

  it('rejects arrays and non-JSON', () => {
    expect(() => parseTokenResponse('refresh', answer(200, '[1]'))).toThrow(expect.objectContaining({ code: OAuthErrorCode.BadResponse }));
    expect(() => parseTokenResponse('refresh', answer(200, '<html>'))).toThrow(expect.objectContaining({ code: OAuthErrorCode.BadResponse }));
  });
});

describe('parseDeviceCodeResponse', () => {
  const body = { device_code: 'd'.repeat(64), user_code: '5055CC52', verification_url: 'https://trakt.tv/activate', expires_in: 600, interval: 5 };

  it('reads the dialect verification field and defaults the interval to 5', () => {
    const parsed = parseDeviceCodeResponse(answer(200, JSON.stringify({ ...body, interval: undefined })), 'verification_url');
    expect(parsed.verificationUrl).toBe('https://trakt.tv/activate');
    expect(parsed.response.interval).toBe(5);
  });

  it('rejects a non-URL verification page and a zero expires_in', () => {
    expect(() => parseDeviceCodeResponse(answer(200, JSON.stringify({ ...body, verification_url: 'javascript:alert(1)' })), 'verification_url')).toThrow(
      expect.objectContaining({ code: OAuthErrorCode.BadResponse }),
    );
    expect(() => parseDeviceCodeResponse(answer(200, JSON.stringify({ ...body, expires_in: 0 })), 'verification_url')).toThrow(
      expect.objectContaining({ code: OAuthErrorCode.BadResponse }),
    );
  });
});

describe('errorFromResponse', () => {
  it('maps OAuth error values and scrubs known secrets from the description', () => {
    const redactor = new Redactor();
    redactor.add('PIN12345');
    const error = errorFromResponse('code_exchange', answer(400, JSON.stringify({ error: 'invalid_grant', error_description: 'code PIN12345 expired' })), redactor);
    expect(error).toMatchObject({ code: OAuthErrorCode.InvalidGrant, status: 400, error: 'invalid_grant', errorDescription: 'code ******** expired' });
    expect(error.message).not.toContain('PIN12345');
  });

  it('reads the legacy WWW-Authenticate header and MAL`s message field', () => {
    const legacy = errorFromResponse('refresh', answer(401, '', { 'www-authenticate': 'Bearer realm="Doorkeeper", error="invalid_client", error_description="nope"' }), new Redactor());
    expect(legacy).toMatchObject({ code: OAuthErrorCode.InvalidClient, error: 'invalid_client', errorDescription: 'nope' });
    const mal = errorFromResponse('code_exchange', answer(400, JSON.stringify({ error: 'invalid_grant', message: 'bad', hint: 'Failed to verify `code_verifier`.' })), new Redactor());
    expect(mal).toMatchObject({ code: OAuthErrorCode.InvalidGrant, errorDescription: 'bad', errorHint: 'Failed to verify `code_verifier`.' });
    expect(mal.message).toContain('[server said: invalid_grant: bad: Failed to verify `code_verifier`.]');
  });

  it('keeps MAL`s hint scrubbed, apart from the description, and drops one too long to be a reason', () => {
    const redactor = new Redactor();
    redactor.add('VERIFIER-123456');
    const scrubbed = readServerError(answer(400, JSON.stringify({ error: 'invalid_grant', message: 'generic', hint: 'verifier VERIFIER-123456 is wrong' })), redactor);
    expect(scrubbed).toEqual({ error: 'invalid_grant', errorDescription: 'generic', errorHint: 'verifier ******** is wrong' });
    const hintOnly = readServerError(answer(400, JSON.stringify({ error: 'invalid_grant', hint: 'Authorization code has been revoked' })), redactor);
    expect(hintOnly).toEqual({ error: 'invalid_grant', errorDescription: 'Authorization code has been revoked' });
    const huge = readServerError(answer(400, JSON.stringify({ error: 'invalid_grant', message: 'generic', hint: 'x'.repeat(201) })), redactor);
    expect(huge).toEqual({ error: 'invalid_grant', errorDescription: 'generic' });
  });

  it('treats a bare 400/401 on a grant step as a dead grant, elsewhere as an HTTP error', () => {
    expect(errorFromResponse('refresh', answer(400, ''), new Redactor()).code).toBe(OAuthErrorCode.InvalidGrant);
    expect(errorFromResponse('revoke', answer(400, ''), new Redactor()).code).toBe(OAuthErrorCode.HttpError);
    expect(errorFromResponse('code_exchange', answer(400, JSON.stringify({ error: 'unsupported_grant_type' })), new Redactor()).code).toBe(OAuthErrorCode.ProviderError);
  });

  it('explains a redirect instead of following it (a redirected POST turns into a GET)', () => {
    const error = errorFromResponse('device_code', answer(301, '', { location: 'https://api.example.test/oauth/device/code?x=1' }), new Redactor());
    expect(error).toMatchObject({ code: OAuthErrorCode.HttpError, status: 301 });
    expect(error.message).toContain('redirects to https://api.example.test');
    expect(error.message).not.toContain('x=1');
  });
});
