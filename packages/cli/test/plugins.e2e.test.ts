import { describePluginContract } from '@pmm-config/plugin/testing';
import type { Plugin } from '@pmm-config/plugin';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { CLI, REPO_ROOT, runCli, tempConfig } from './fixtures/auth/harness';
import type { TempConfig } from './fixtures/auth/harness';

jest.setTimeout(30_000);

const EXAMPLE_DIR = path.join(REPO_ROOT, 'examples/plugins/example-plugin');
const examplePlugin = require(EXAMPLE_DIR) as Plugin;
const { startExampleMock } = require(path.join(EXAMPLE_DIR, 'mock.js')) as {
  startExampleMock(options?: { clientId?: string; clientSecret?: string }): Promise<{ url: string; clientId: string; clientSecret: string; close(): Promise<void> }>;
};

const CLIENT_ID = 'c'.repeat(32);
const CLIENT_SECRET = 'd'.repeat(64);

describePluginContract(examplePlugin, {
  credentials: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET },
  rejectedCredentials: { client_id: CLIENT_ID, client_secret: 'e'.repeat(64) },
  async startMock() {
    const mock = await startExampleMock({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    return { urls: { auth: mock.url, api: mock.url }, stop: () => mock.close() };
  },
  validConfig: { example_tv: { client_id: CLIENT_ID } },
  invalidConfig: { example_tv: { client_secret: CLIENT_SECRET } },
});

const CONFIG = `libraries:
  Movies:
    collection_files:
    - default: basic
tmdb:
  apikey: abcdef0123456789abcdef0123456789
example_tv:
  client_id:
  client_secret: ${CLIENT_SECRET}
`;

describe('external plugins through the built CLI', () => {
  const temps: TempConfig[] = [];
  const config = (text: string): TempConfig => {
    const temp = tempConfig(text);
    temps.push(temp);
    return temp;
  };
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`build the CLI first: ${CLI} is missing`);
  });
  afterEach(() => temps.splice(0).forEach((temp) => temp.cleanup()));

  const rulesIn = (stdout: string): string[] =>
    (JSON.parse(stdout) as { results: { diagnostics: { rule: string }[] }[] }).results.flatMap((result) => result.diagnostics.map((diagnostic) => diagnostic.rule));

  it('validate runs the rules of a plugin named with --plugin <path>', async () => {
    const temp = config(CONFIG);
    const without = await runCli(['validate', 'config.yml', '--format', 'json'], { cwd: temp.dir });
    expect(rulesIn(without.stdout)).not.toContain('example-tv/missing-client-id');
    const run = await runCli(['validate', 'config.yml', '--format', 'json', '--plugin', EXAMPLE_DIR], { cwd: temp.dir });
    expect(rulesIn(run.stdout)).toContain('example-tv/missing-client-id');
  });

  it("a plugin's builder service checks the builders of linked files, at the builder, only with a config", async () => {
    const temp = config(CONFIG.replace('    - default: basic\n', '    - default: basic\n    - file: shows.yml\n'));
    writeFileSync(path.join(temp.dir, 'shows.yml'), 'collections:\n  Picks:\n    Example_TV_List: https://example.invalid/lists/picks\n');
    const run = await runCli(['validate', 'config.yml', '--format', 'json', '--plugin', EXAMPLE_DIR], { cwd: temp.dir });
    const linked = (JSON.parse(run.stdout) as { results: { file: string; diagnostics: { rule: string; line: number; message: string }[] }[] }).results[1];
    expect(linked?.file).toBe('shows.yml');
    expect(linked?.diagnostics.map((d) => [d.rule, d.line, d.message])).toEqual([
      ['example-tv/builder-needs-example-tv', 3, '`example_tv_list` needs Example TV, but `example_tv.client_id` is blank (config.yml:8)'],
    ]);
    expect(run.code).toBe(1);
    // The same file on its own: no config to judge by, so no builder check (Kometa itself knows no
    // `example_tv_list`, so the collection schema still calls the attribute unknown).
    const alone = await runCli(['validate', 'shows.yml', '--format', 'json', '--plugin', EXAMPLE_DIR], { cwd: temp.dir });
    expect(rulesIn(alone.stdout)).not.toContain('example-tv/builder-needs-example-tv');
    expect(rulesIn(run.stdout)).toContain('example-tv/builder-needs-example-tv');
  });

  it('loads an ES module plugin', async () => {
    const temp = config(`${CONFIG}esm_demo:\n  enabled: true\n`);
    const run = await runCli(['validate', 'config.yml', '--format', 'json', '--plugin', path.join(__dirname, 'fixtures/auth/plugins/esm-plugin.mjs')], { cwd: temp.dir });
    expect(run.stderr).toBe('');
    expect(rulesIn(run.stdout)).toContain('esm-demo/present');
  });

  it('reads the plugins list of .pmm-config.json beside the config', async () => {
    const temp = config(CONFIG);
    writeFileSync(path.join(temp.dir, '.pmm-config.json'), JSON.stringify({ plugins: [path.relative(temp.dir, EXAMPLE_DIR)] }));
    const run = await runCli(['validate', 'config.yml', '--format', 'json'], { cwd: temp.dir });
    expect(rulesIn(run.stdout)).toContain('example-tv/missing-client-id');
  });

  it.each([
    ['./no-such-plugin.js', /plugin "\.\/no-such-plugin\.js" not found: no such file/],
    [path.join(__dirname, 'fixtures/auth/plugins/wrong-version.cjs'), /is not a valid pmm-config plugin: it targets plugin API version 3, but this pmm-config implements version 1 \(update pmm-config\)/],
    [path.join(__dirname, 'fixtures/auth/plugins/impostor.cjs'), /claims the id "trakt", which the Trakt plugin already owns/],
  ])('fails with exit 2 and one line naming the module for --plugin %s', async (specifier, message) => {
    const temp = config(CONFIG);
    const run = await runCli(['validate', 'config.yml', '--plugin', specifier], { cwd: temp.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('auth runs an external provider end to end and writes its authorization block', async () => {
    const mock = await startExampleMock({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    try {
      const temp = config(CONFIG);
      const run = await runCli(['auth', 'example-tv', '--plugin', EXAMPLE_DIR, '--client-id', CLIENT_ID, '--auth-url', mock.url, '--api-url', mock.url], { cwd: temp.dir });
      expect(run.stderr).toContain('enter the code');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Authorized Example TV account example-user');
      const section = (parse(temp.read().toString('utf8')) as { example_tv: { client_id: unknown; authorization: Record<string, unknown> } }).example_tv;
      expect(Object.keys(section.authorization)).toEqual(['access_token', 'token_type', 'expires_in', 'refresh_token', 'created_at']);
      expect(section.client_id).toBeNull();
      expect(run.stdout).not.toContain(String(section.authorization['access_token']));
      const check = await runCli(['auth', 'example-tv', '--check', '--plugin', EXAMPLE_DIR, '--client-id', CLIENT_ID, '--auth-url', mock.url, '--api-url', mock.url], { cwd: temp.dir });
      expect(check.code).toBe(0);
      expect(check.stdout).toContain('The token works for Example TV account example-user');
    } finally {
      await mock.close();
    }
  });
});
