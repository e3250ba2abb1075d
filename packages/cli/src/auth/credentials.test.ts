import type { AuthProvider } from '@pmm-config/plugin';
import { describeCredentialSources, placeholderKeys, resolveCredentials } from './credentials';
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
    const error = await resolveCredentials(provider, 'demo', { flags: {}, env: {}, section: { client_id: '${DEMO_ID}' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthCommandError);
    expect((error as AuthCommandError).code).toBe('AUTH_MISSING_INPUT');
    expect((error as Error).message).toBe(
      'missing Demo Client ID (demo.client_id is a placeholder pmm-config cannot resolve): pass --client-id or set PMM_CONFIG_DEMO_CLIENT_ID; get it from the app page',
    );
  });

  it('fills a <<NAME>> placeholder from KOMETA_NAME, as Kometa does, after the flag and PMM_CONFIG_* env', async () => {
    const section = { client_id: '<<DEMO_ID>>', client_secret: '<<demo-secret>>' };
    const kometa = { KOMETA_DEMO_ID: 'kometa-id', KOMETA_DEMO_SECRET: 'kometa-secret' };
    const fromKometa = await resolveCredentials(provider, 'demo', { flags: {}, env: kometa, section });
    expect(fromKometa.values).toEqual({ client_id: 'kometa-id', client_secret: 'kometa-secret' });
    expect(fromKometa.sources).toEqual({ client_id: 'KOMETA_DEMO_ID', client_secret: 'KOMETA_DEMO_SECRET' });
    // The placeholder is the config's value for Kometa, so nothing is missing from the config: nothing to save over it.
    expect(fromKometa.notInConfig).toEqual([]);

    const overridden = await resolveCredentials(provider, 'demo', { flags: { 'client-id': 'flag-id' }, env: { ...kometa, PMM_CONFIG_DEMO_CLIENT_SECRET: 'own-secret' }, section });
    expect(overridden.values).toEqual({ client_id: 'flag-id', client_secret: 'own-secret' });
    expect(overridden.sources).toEqual({ client_id: '--client-id', client_secret: 'PMM_CONFIG_DEMO_CLIENT_SECRET' });
  });

  it('names the KOMETA_ variable to set when a <<NAME>> placeholder has none', async () => {
    const unset = await resolveCredentials(provider, 'demo', { flags: {}, env: { KOMETA_DEMO_ID: '  ' }, section: { client_id: '<<DEMO_ID>>' } }).catch((caught: unknown) => caught);
    expect((unset as Error).message).toBe(
      'missing Demo Client ID (demo.client_id is <<DEMO_ID>> and KOMETA_DEMO_ID is not set): set KOMETA_DEMO_ID, pass --client-id or set PMM_CONFIG_DEMO_CLIENT_ID; get it from the app page',
    );
    const neverFilled = await resolveCredentials(provider, 'demo', { flags: {}, env: { KOMETA_DEMO_ID: 'x' }, section: { client_id: '<<demo_id>>' } }).catch((caught: unknown) => caught);
    expect((neverFilled as Error).message).toBe(
      'missing Demo Client ID (demo.client_id is <<demo_id>>, which Kometa never fills: it reads <<DEMO_ID>> from KOMETA_DEMO_ID): pass --client-id or set PMM_CONFIG_DEMO_CLIENT_ID; get it from the app page',
    );
  });

  it('says where credentials came from only when some came from outside the config, never their values', async () => {
    const fromConfig = await resolveCredentials(provider, 'demo', { flags: {}, env: {}, section: { client_id: 'cfg-id', client_secret: 'cfg-secret' } });
    expect(describeCredentialSources(fromConfig)).toBeUndefined();
    const mixed = await resolveCredentials(provider, 'demo', { flags: {}, env: { KOMETA_DEMO_ID: 'kometa-id' }, section: { client_id: '<<DEMO_ID>>', client_secret: 'cfg-secret' } });
    expect(describeCredentialSources(mixed)).toBe('Credentials: client_id from KOMETA_DEMO_ID, client_secret from the config.');
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
