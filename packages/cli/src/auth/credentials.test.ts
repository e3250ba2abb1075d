import type { AuthProvider } from '@pmm-config/plugin';
import { placeholderKeys, resolveCredentials } from './credentials';
import { AuthCommandError } from './errors';
import { resolveUrls } from './hosts';

const provider: AuthProvider = {
  displayName: 'Demo',
  credentials: [
    { key: 'client_id', label: 'Demo Client ID', flag: 'client-id', env: 'PMM_CONFIG_DEMO_CLIENT_ID', secret: true, help: 'from the app page' },
    { key: 'client_secret', label: 'Demo Client Secret', flag: 'client-secret', env: 'PMM_CONFIG_DEMO_CLIENT_SECRET', secret: true },
  ],
  hosts: {
    auth: { default: 'https://auth.demo.example/', env: 'PMM_CONFIG_DEMO_AUTH_URL', description: 'OAuth host' },
    api: { default: 'https://api.demo.example', env: 'PMM_CONFIG_DEMO_API_URL', description: 'API host' },
  },
  flows: [{ id: 'device', kind: 'authorize', default: true, description: 'device' }],
  run: async () => ({ ok: true, summary: '' }),
};

describe('resolveCredentials', () => {
  it('prefers flags, then env, then the config', async () => {
    const resolved = await resolveCredentials(provider, 'demo', {
      flags: { 'client-id': 'from-flag' },
      env: { PMM_CONFIG_DEMO_CLIENT_ID: 'from-env', PMM_CONFIG_DEMO_CLIENT_SECRET: 'secret-env' },
      section: { client_id: 'from-config', client_secret: 'secret-config' },
    });
    expect(resolved.values).toEqual({ client_id: 'from-flag', client_secret: 'secret-env' });
    expect(resolved.notInConfig).toEqual([]);
  });

  it('asks only when nothing else has it, and remembers what the config lacks', async () => {
    const asked: string[] = [];
    const resolved = await resolveCredentials(provider, 'demo', {
      flags: {},
      env: {},
      section: { client_id: 'cfg', client_secret: null },
      ask: async (field) => (asked.push(field.key), 'typed'),
    });
    expect(asked).toEqual(['client_secret']);
    expect(resolved.values['client_secret']).toBe('typed');
    expect(resolved.notInConfig.map((field) => field.key)).toEqual(['client_secret']);
  });

  it('never uses a placeholder and says so when nothing replaces it', async () => {
    const error = await resolveCredentials(provider, 'demo', { flags: {}, env: {}, section: { client_id: '<<DEMO_ID>>' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthCommandError);
    expect((error as AuthCommandError).code).toBe('AUTH_MISSING_INPUT');
    expect((error as Error).message).toBe(
      'missing Demo Client ID (demo.client_id is a placeholder pmm-config cannot resolve): pass --client-id or set PMM_CONFIG_DEMO_CLIENT_ID; get it from the app page',
    );
  });

  it('lists placeholder keys in credentials and tokens', () => {
    expect(placeholderKeys(provider, { client_id: '${ID}', client_secret: 'real', authorization: { access_token: '{{ .token }}' } })).toEqual([
      'client_id',
      'authorization.access_token',
    ]);
    expect(placeholderKeys(provider, undefined)).toEqual([]);
  });
});

describe('resolveUrls', () => {
  it('uses flags, then env, then defaults, without trailing slashes', () => {
    expect(resolveUrls(provider, {}, {})).toEqual({ auth: 'https://auth.demo.example', api: 'https://api.demo.example' });
    expect(resolveUrls(provider, { authUrl: 'http://127.0.0.1:9000/' }, { PMM_CONFIG_DEMO_API_URL: 'https://proxy.example/trakt' })).toEqual({
      auth: 'http://127.0.0.1:9000',
      api: 'https://proxy.example/trakt',
    });
  });
  it.each([
    ['not a url', /--auth-url is not a URL/],
    ['http://auth.example.com', /must use https/],
    ['https://auth.example.com/?x=1', /without \?query/],
  ])('rejects %s', (value, message) => {
    expect(() => resolveUrls(provider, { authUrl: value }, {})).toThrow(message);
  });
});
