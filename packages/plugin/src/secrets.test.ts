import { definePlugin, isSecretKey, maskSecret } from './index';

describe('isSecretKey', () => {
  it.each(['client_secret', 'client_id', 'access_token', 'refresh_token', 'token', 'apikey', 'pin', 'password', 'APIKEY'])(
    'treats %s as secret',
    (key) => expect(isSecretKey(key)).toBe(true),
  );
  it.each(['url', 'language', 'cache_expiration', 'token_type', 'expires_in', 'scope'])('does not treat %s as secret', (key) =>
    expect(isSecretKey(key)).toBe(false),
  );
});

describe('maskSecret', () => {
  it('never reveals any character of the secret', () => {
    const secret = 'abcdef0123456789';
    const masked = maskSecret(secret);
    for (const ch of new Set(secret)) expect(masked).not.toContain(ch);
  });
  it('says when a secret is blank', () => {
    expect(maskSecret(null)).toBe('(blank)');
    expect(maskSecret('')).toBe('(blank)');
  });
});

describe('definePlugin', () => {
  it('returns the plugin unchanged with its literal types', () => {
    const plugin = definePlugin({ apiVersion: 1, meta: { id: 'demo', name: 'Demo' }, configKey: 'demo' });
    const key: 'demo' = plugin.configKey;
    expect(key).toBe('demo');
  });
});
