import type { AuthProvider } from './index';
import { AuthError, isAuthError, pluginProblems, selectFlow } from './index';

const provider: AuthProvider = {
  displayName: 'Demo',
  credentials: [{ key: 'client_id', label: 'Client ID', flag: 'client-id', env: 'PMM_CONFIG_DEMO_CLIENT_ID', secret: true }],
  hosts: {
    auth: { default: 'https://auth.example', env: 'PMM_CONFIG_DEMO_AUTH_URL', description: 'OAuth' },
    api: { default: 'https://api.example', env: 'PMM_CONFIG_DEMO_API_URL', description: 'API' },
  },
  flows: [
    { id: 'device', kind: 'authorize', description: 'device code', default: true },
    { id: 'pin', kind: 'authorize', description: 'PIN', inputs: [{ name: 'pin', flag: 'pin', secret: true, description: 'the PIN' }] },
    { id: 'refresh', kind: 'refresh', description: 'refresh' },
    { id: 'check', kind: 'check', description: 'check' },
  ],
  run: async () => ({ ok: true, summary: 'ok' }),
};

describe('selectFlow', () => {
  it('picks the default flow when nothing is asked', () => expect(selectFlow(provider).id).toBe('device'));
  it('picks by id, by kind shortcut and by input flag', () => {
    expect(selectFlow(provider, { flowId: 'pin' }).id).toBe('pin');
    expect(selectFlow(provider, { kind: 'refresh' }).id).toBe('refresh');
    expect(selectFlow(provider, { inputFlags: ['pin'] }).id).toBe('pin');
  });
  it('accepts agreeing choices', () => expect(selectFlow(provider, { flowId: 'pin', inputFlags: ['pin'] }).id).toBe('pin'));
  it('rejects unknown flows, missing kinds and conflicts with AUTH_INVALID_INPUT', () => {
    expect(() => selectFlow(provider, { flowId: 'nope' })).toThrow(/no flow `nope`; choose one of: device, pin, refresh, check/);
    expect(() => selectFlow(provider, { kind: 'revoke' })).toThrow(/cannot revoke/);
    expect(() => selectFlow(provider, { kind: 'check', inputFlags: ['pin'] })).toThrow(/different flows \(check and pin\)/);
    try {
      selectFlow(provider, { flowId: 'nope' });
    } catch (error) {
      expect(isAuthError(error)).toBe(true);
      expect((error as AuthError).code).toBe('AUTH_INVALID_INPUT');
    }
  });
});

describe('pluginProblems for auth providers', () => {
  const plugin = { apiVersion: 1, meta: { id: 'demo', name: 'Demo' }, configKey: 'demo', auth: provider };
  it('accepts a complete provider', () => expect(pluginProblems(plugin)).toEqual([]));
  it('finds bad flows, hosts and credentials', () => {
    const broken = {
      ...plugin,
      auth: {
        ...provider,
        hosts: { auth: { default: 'ftp://x', env: 'lower' } },
        credentials: [{ key: 'client_id', label: 'x', flag: '--client-id', env: 'X', secret: 'yes' }],
        flows: [
          { id: 'a', kind: 'check', default: true },
          { id: 'a', kind: 'teleport' },
        ],
        run: undefined,
      },
    };
    expect(pluginProblems(broken)).toEqual(
      expect.arrayContaining([
        'auth.run must be a function',
        'auth.hosts.auth.default must be an http(s) URL',
        expect.stringContaining('auth.hosts.auth.env must match'),
        'auth.hosts.api must be an object',
        expect.stringContaining('auth.credentials[0].flag must match'),
        'auth.credentials[0].secret must be a boolean',
        'auth.flows[0] is the default but not an authorize flow',
        'auth.flows[1].id "a" is used twice',
        'auth.flows[1].kind must be one of authorize, refresh, check, revoke',
        'auth.flows needs at least one authorize flow',
      ]),
    );
  });
});

describe('AuthError', () => {
  it('chains its cause and keeps a stable code', () => {
    const cause = new Error('low level');
    const error = new AuthError('AUTH_REFUSED', 'Trakt refused the client', { cause });
    expect(error.cause).toBe(cause);
    expect(isAuthError(error)).toBe(true);
    expect(isAuthError(new Error('x'))).toBe(false);
  });
});
