import { parseJsonReport, runBuiltCli } from './support/run-built-cli';
import { tempTree } from './support/temp-dir';

/** `validate --check-env` end to end: the built CLI, its real environment, a config with Kometa Config Secrets. */
const CONFIG = [
  'plex:',
  '  url: http://<<PLEX_HOST>>:32400',
  '  token: <<PLEX_TOKEN>>',
  'tmdb:',
  '  apikey: "abcdef0123456789abcdef0123456789"',
  'trakt:',
  '  client_id: <<TRAKT_CLIENT_ID>>',
  '  client_secret: <<trakt-client-secret>>',
  'libraries:',
  '  Movies:',
  '    collection_files:',
  '    - default: basic',
  '',
].join('\n');
const TOKEN = 'plex-token-value-never-printed';

let tree: ReturnType<typeof tempTree>;
beforeEach(() => {
  tree = tempTree({ 'config.yml': CONFIG });
});
afterEach(() => tree.remove());

const validate = (args: readonly string[], env: Record<string, string> = {}) => runBuiltCli(['validate', 'config.yml', ...args], { cwd: tree.root, env });
const envFindings = (stdout: string) => parseJsonReport(stdout).results.flatMap((result) => result.diagnostics).filter((d) => d.rule === 'core/unset-placeholder-env');

describe('pmm-config validate --check-env', () => {
  it('is off by default: CI usually lacks the variables', () => {
    const run = validate(['-f', 'json']);
    expect(run.code).toBe(0);
    expect(envFindings(run.stdout)).toEqual([]);
  });

  it('notes, as info, each <<NAME>> whose KOMETA_NAME is unset, never printing a variable’s value', () => {
    const run = validate(['--check-env', '-f', 'json'], { KOMETA_PLEX_TOKEN: TOKEN, KOMETA_TRAKT_CLIENT_SECRET: 'x'.repeat(32) });
    expect(run.code).toBe(0);
    expect(envFindings(run.stdout).map(({ severity, line, message }) => ({ severity, line, message }))).toEqual([
      { severity: 'info', line: 2, message: '`plex.url` uses <<PLEX_HOST>>, but KOMETA_PLEX_HOST is not set in this environment.' },
      { severity: 'info', line: 7, message: '`trakt.client_id` uses <<TRAKT_CLIENT_ID>>, but KOMETA_TRAKT_CLIENT_ID is not set in this environment.' },
    ]);
    const readable = validate(['--check-env'], { KOMETA_PLEX_TOKEN: TOKEN });
    expect(readable.stdout).toContain('core/unset-placeholder-env');
    expect(run.stdout + readable.stdout + readable.stderr).not.toContain(TOKEN);
  });

  it('is quiet when every variable is set', () => {
    const env = { KOMETA_PLEX_HOST: 'plex.lan', KOMETA_PLEX_TOKEN: TOKEN, KOMETA_TRAKT_CLIENT_ID: 'i'.repeat(32), KOMETA_TRAKT_CLIENT_SECRET: 's'.repeat(32) };
    const run = validate(['--check-env', '-f', 'json'], env);
    expect(envFindings(run.stdout)).toEqual([]);
    expect(run.stdout).not.toContain(TOKEN);
  });

  it('is documented in the help and in SARIF’s rule list', () => {
    expect(runBuiltCli(['validate', '--help']).stdout).toMatch(/--check-env\s+note \(info\) each <<NAME>>\s+Config\s+Secret\s+whose\s+KOMETA_NAME/);
    const sarif = JSON.parse(validate(['-f', 'sarif']).stdout) as { runs: { tool: { driver: { rules: { id: string }[] } } }[] };
    expect(sarif.runs[0]?.tool.driver.rules.map((rule) => rule.id)).toContain('core/unset-placeholder-env');
  });
});
