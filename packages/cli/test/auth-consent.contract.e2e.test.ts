import { startMalMock, startTraktMock } from '@pmm-config/mock-oauth';
import type { AuthProvider, Plugin } from '@pmm-config/plugin';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { builtinPlugins } from '../src/plugins/registry';
import { CLI, REPO_ROOT, runCli, tempConfig } from './fixtures/auth/harness';
import type { CliRun, TempConfig } from './fixtures/auth/harness';

/**
 * The consent contract of `pmm-config auth`, for every provider that ships and for an external one loaded with
 * `--plugin`: without a terminal and without `--save-credentials`, credentials given by flag or env never reach the
 * config, whatever the provider. Only the `authorization` block changes, byte for byte. It runs the built CLI
 * against each provider's mock on 127.0.0.1.
 */

/** The example third-party plugin of docs/writing-a-plugin.md, with its own mock. */
const EXAMPLE_DIR = path.join(REPO_ROOT, 'examples/plugins/example-plugin');
const examplePlugin = require(EXAMPLE_DIR) as Plugin;
const { startExampleMock } = require(path.join(EXAMPLE_DIR, 'mock.js')) as {
  startExampleMock(options: { clientId: string; clientSecret: string }): Promise<{ url: string; close(): Promise<void> }>;
};

/** A provider's mock and how a user without a terminal authorizes with it. */
interface LiveProvider {
  /** `--auth-url`/`--api-url` equivalents, as the provider's own env vars. */
  readonly hostEnv: Record<string, string>;
  /** Runs the default flow to the end: one run, or a first run that prints a URL, the approval, and a second run. */
  authorize(run: (extraArgs: readonly string[]) => Promise<CliRun>): Promise<CliRun>;
  stop(): Promise<void>;
}

interface ProviderHarness {
  /** Arguments that load the plugin (`--plugin <dir>`); none for a built-in one. */
  readonly loadArgs?: readonly string[];
  /** Values by credential key that the mock accepts. */
  readonly credentials: Readonly<Record<string, string>>;
  start(provider: AuthProvider): Promise<LiveProvider>;
}

function hostEnv(provider: AuthProvider, auth: string, api: string): Record<string, string> {
  return { [provider.hosts.auth.env]: auth, [provider.hosts.api.env]: api };
}

/** Every built-in provider needs an entry: a provider added without one fails the first test. */
const harnesses: Readonly<Record<string, ProviderHarness>> = {
  trakt: {
    credentials: { client_id: 'c0ffee'.repeat(10) + 'c0ff', client_secret: '5ecre7'.repeat(10) + '5ecr' },
    async start(provider) {
      const mock = await startTraktMock({ clientId: this.credentials['client_id'], clientSecret: this.credentials['client_secret'], deviceInterval: 1, enforceInterval: false, autoApproveAfterPolls: 1 });
      return { hostEnv: hostEnv(provider, mock.url, mock.url), authorize: (run) => run([]), stop: () => mock.handle.close() };
    },
  },
  mal: {
    credentials: { client_id: '0123456789abcdef0123456789abcdef', client_secret: '9a8b7c6d'.repeat(8) },
    async start(provider) {
      const mock = await startMalMock({ clientId: this.credentials['client_id'], clientSecret: this.credentials['client_secret'] });
      return {
        hostEnv: hostEnv(provider, mock.authUrl, mock.apiUrl),
        async authorize(run) {
          const first = await run([]);
          const url = /(http:\/\/127\.0\.0\.1:\d+\/\S*authorize\?\S+)/.exec(first.stderr)?.[1];
          if (first.code !== 2 || url === undefined) throw new Error(`expected the authorize URL and exit 2, got ${first.code}:\n${first.stderr}`);
          return run(['--url', await mock.approve(url)]);
        },
        stop: () => mock.close(),
      };
    },
  },
  'example-tv': {
    loadArgs: ['--plugin', EXAMPLE_DIR],
    credentials: { client_id: 'e'.repeat(32), client_secret: 'f'.repeat(64) },
    async start(provider) {
      const mock = await startExampleMock({ clientId: this.credentials['client_id'] as string, clientSecret: this.credentials['client_secret'] as string });
      return { hostEnv: hostEnv(provider, mock.url, mock.url), authorize: (run) => run([]), stop: () => mock.close() };
    },
  },
};

const providers = [...builtinPlugins, examplePlugin].filter((plugin): plugin is Plugin & { auth: AuthProvider } => plugin.auth !== undefined);

/** A config with the provider's section: blank credentials, an empty authorization block, comments and neighbours around it. */
function configWithSection(plugin: Plugin & { auth: AuthProvider }): string {
  const credentials = plugin.auth.credentials.map((field) => `  ${field.key}:            # ${field.label}\n`).join('');
  return `# my config\ntmdb:\n  apikey: "abcdef0123456789abcdef0123456789"\n${plugin.configKey}:\n${credentials}  authorization:\n    access_token:\nsettings:\n  cache: true   # keep\n`;
}

const configWithoutSection = '# my config\ntmdb:\n  apikey: "abcdef0123456789abcdef0123456789"\nsettings:\n  cache: true   # keep\n';

/** The text with the section's `authorization:` line and the lines indented below it taken out. */
function withoutAuthorizationBlock(text: string, configKey: string): string {
  const lines = text.split('\n');
  const section = lines.indexOf(`${configKey}:`);
  const start = lines.findIndex((line, index) => index > section && /^\s+authorization:/.test(line));
  if (section < 0 || start < 0) throw new Error(`no ${configKey}.authorization in:\n${text}`);
  const indent = /^\s*/.exec(lines[start] as string)?.[0].length ?? 0;
  let end = start + 1;
  while (end < lines.length && ((lines[end] as string).trim() === '' ? end + 1 < lines.length : (/^\s*/.exec(lines[end] as string)?.[0].length ?? 0) > indent)) end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

function expectNoSecrets(run: CliRun, secrets: readonly unknown[]): void {
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < 6) continue;
    expect(run.stdout).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
  }
}

const temps: TempConfig[] = [];
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`build the CLI first: ${CLI} is missing`);
});
afterEach(() => temps.splice(0).forEach((temp) => temp.cleanup()));

it('has a consent harness for every built-in auth provider and the external example', () => {
  expect(providers.length).toBe(builtinPlugins.filter((plugin) => plugin.auth).length + 1);
  expect(providers.map((plugin) => plugin.meta.id).sort()).toEqual(Object.keys(harnesses).sort());
});

describe.each(providers.map((plugin) => [plugin.meta.id, plugin] as const))('auth consent contract: %s', (id, plugin) => {
  const harness = harnesses[id] as ProviderHarness;
  let live: LiveProvider;
  beforeEach(async () => {
    live = await harness.start(plugin.auth);
  });
  afterEach(() => live.stop());

  const credentialFlags = (): string[] => plugin.auth.credentials.flatMap((field) => [`--${field.flag}`, harness.credentials[field.key] as string]);
  const credentialEnv = (): Record<string, string> => Object.fromEntries(plugin.auth.credentials.map((field) => [field.env, harness.credentials[field.key] as string]));

  async function authorize(content: string, how: { args?: readonly string[]; env?: Record<string, string> }): Promise<{ temp: TempConfig; run: CliRun; written: string }> {
    const temp = tempConfig(content);
    temps.push(temp);
    const run = await live.authorize((extra) =>
      runCli(['auth', id, ...(harness.loadArgs ?? []), ...(how.args ?? []), ...extra], { cwd: temp.dir, env: { ...live.hostEnv, ...how.env } }),
    );
    return { temp, run, written: temp.read().toString('utf8') };
  }

  function expectNothingSaved(run: CliRun, written: string): void {
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/saved [^\n]*client_/);
    const section = (parse(written) as Record<string, Record<string, unknown>>)[plugin.configKey] ?? {};
    for (const field of plugin.auth.credentials) expect(section[field.key] ?? null).toBeNull();
    const block = (section['authorization'] ?? {}) as Record<string, unknown>;
    expect(typeof block['access_token']).toBe('string');
    expectNoSecrets(run, [...Object.values(harness.credentials), block['access_token'], block['refresh_token']]);
  }

  it('credentials from env vars: only the authorization block changes', async () => {
    const before = configWithSection(plugin);
    const { run, written } = await authorize(before, { env: credentialEnv() });
    expectNothingSaved(run, written);
    expect(withoutAuthorizationBlock(written, plugin.configKey)).toBe(withoutAuthorizationBlock(before, plugin.configKey));
  });

  it('credentials from flags, no section yet: the new section holds only the authorization block', async () => {
    const { run, written } = await authorize(configWithoutSection, { args: credentialFlags() });
    expectNothingSaved(run, written);
    expect(written.startsWith(configWithoutSection)).toBe(true);
    expect(Object.keys((parse(written) as Record<string, object>)[plugin.configKey] ?? {})).toEqual(['authorization']);
  });

  it('credentials from env vars, an empty section (only a comment): it gets only the authorization block', async () => {
    const before = configWithoutSection.replace('settings:', `${plugin.configKey}:   # fill me\nsettings:`);
    const { run, written } = await authorize(before, { env: credentialEnv() });
    expectNothingSaved(run, written);
    expect(Object.keys((parse(written) as Record<string, object>)[plugin.configKey] ?? {})).toEqual(['authorization']);
    expect(written).toContain(`${plugin.configKey}:   # fill me\n`);
  });

  it('--save-credentials is the consent that saves them', async () => {
    const { run, written } = await authorize(configWithSection(plugin), { args: ['--save-credentials'], env: credentialEnv() });
    expect(run.code).toBe(0);
    const section = (parse(written) as Record<string, Record<string, unknown>>)[plugin.configKey] ?? {};
    for (const field of plugin.auth.credentials) expect(section[field.key]).toBe(harness.credentials[field.key]);
    expect(run.stdout).toMatch(/saved [^\n]*client_id/);
    expectNoSecrets(run, Object.values(harness.credentials));
  });
});
