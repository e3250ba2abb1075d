import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startMalMock, type MalMock } from '@pmm-config/mock-oauth';

/**
 * `pmm-config auth mal` end to end: the built CLI as a child process against the MyAnimeList mock on 127.0.0.1.
 * Every failure must leave the config byte-identical; no run may print the client secret, a code or a token
 * (except `--print`, whose job is to print the block).
 */
const repoRoot = resolve(__dirname, '../../..');
const builtMain = resolve(repoRoot, 'packages/cli/dist/main.js');
const fixture = resolve(__dirname, 'fixtures/auth-mal/config.yml');
const CLIENT_ID = '0123456789abcdef0123456789abcdef';
const CLIENT_SECRET = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';
/** Kometa's fixed verifier for `mal.localhost_url` (modules/mal.py); duplicated on purpose so a change there is noticed. */
const KOMETA_VERIFIER = 'k_UHwN_eHAPQVXiceC-rYGkozKqrJmKxPUIUOBIKo1noq_4XGRVCViP_dGcwB-fkPql8f56mmWj5aWCa2HDeugf6sRvnc9Rjhbb1vKGYLY0IwWsDNXRqXdksaVGJthux';
const BLANK_BLOCK = '    access_token:\n    token_type:\n    expires_in:\n    refresh_token:\n';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let mock: MalMock;
let dir: string;
let configPath: string;

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '',
    HOME: dir,
    PMM_CONFIG_NO_BROWSER: '1',
    PMM_CONFIG_MAL_AUTH_URL: mock.authUrl,
    PMM_CONFIG_MAL_API_URL: mock.apiUrl,
    ...extra,
  };
}

/** Runs the built CLI without a terminal; the mock keeps answering because this does not block the event loop. */
function cli(args: readonly string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [builtMain, ...args], { cwd: dir, env: env(extraEnv), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end();
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Runs the CLI on a pseudo-terminal (util-linux `script`) and answers the URL prompt with `answer(output)`. */
function cliOnTerminal(args: readonly string[], answer: (output: string) => Promise<string>): Promise<Run> {
  const command = [process.execPath, builtMain, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((done, fail) => {
    const child = spawn('script', ['-qefc', command, '/dev/null'], { cwd: dir, env: { ...env(), TERM: 'dumb' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let answered = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!answered && /Address you landed on[^\n]*: ?$/.test(output.trimEnd() + ' ')) {
        answered = true;
        answer(output).then((line) => child.stdin.write(`${line}\n`), fail);
      }
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout: output, stderr: '' }));
  });
}

function authorizeUrlIn(output: string): string {
  // Stops at whitespace or a terminal escape sequence (ESC, U+001B) in pseudo-terminal output.
  const match = new RegExp(`(http://127\\.0\\.0\\.1:\\d+/v1/oauth2/authorize\\?[^\\s${String.fromCharCode(27)}]+)`).exec(output);
  if (!match?.[1]) throw new Error(`no authorize URL in:\n${output}`);
  return match[1];
}

/** First run without a terminal: prints the authorize URL and stops; the "user" then approves it in the mock. */
async function redirectFromHeadlessRun(): Promise<string> {
  const first = await cli(['auth', 'mal', '-c', configPath]);
  expect(first.code).toBe(2);
  return mock.approve(authorizeUrlIn(first.stderr));
}

function config(): string {
  return readFileSync(configPath, 'utf8');
}

function malSection(text: string): string {
  return text.slice(text.indexOf('\nmal:'), text.indexOf('\nsettings:'));
}

function outsideMal(text: string): string {
  return text.replace(malSection(text), '');
}

function withTokens(text: string, access: string, refresh: string): string {
  return text.replace(BLANK_BLOCK, `    access_token: ${access}\n    token_type: Bearer\n    expires_in: 2678400\n    refresh_token: ${refresh}\n`);
}

/** Nothing secret reached the user's screen: the client secret, any code or token the mock issued. */
function expectNoSecrets(run: Run): void {
  const shown = `${run.stdout}\n${run.stderr}`;
  expect(shown).not.toContain(CLIENT_SECRET);
  for (const code of mock.state.codes.keys()) expect(shown).not.toContain(code);
  for (const token of mock.state.tokens) {
    expect(shown).not.toContain(token.accessToken);
    expect(shown).not.toContain(token.refreshToken);
  }
}

// Each test starts the CLI a few times; on a busy machine one start takes seconds.
jest.setTimeout(120_000);

const describeBuilt = existsSync(builtMain) ? describe : describe.skip;
if (!existsSync(builtMain)) console.warn(`auth-mal e2e skipped: ${builtMain} is missing (build pmm-config first)`);
/** The prompt test needs a pseudo-terminal; util-linux `script` provides one (BSD/macOS `script` takes other flags). */
const hasPty = /util-linux/.test(spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout ?? '');
const itOnPty = hasPty ? it : it.skip;
if (!hasPty) console.warn('auth-mal e2e: the prompt test is skipped: util-linux `script` is not available for a pseudo-terminal');

describeBuilt('pmm-config auth mal (built CLI against the MyAnimeList mock)', () => {
  let original: string;

  beforeEach(async () => {
    mock = await startMalMock({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    dir = mkdtempSync(join(tmpdir(), 'pmm-auth-mal-'));
    configPath = join(dir, 'config.yml');
    copyFileSync(fixture, configPath);
    original = config();
  });
  afterEach(async () => {
    await mock.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('headless: prints the authorize URL and stops with exit 2, then exchanges the pasted --url and writes four keys in Kometa order', async () => {
    const first = await cli(['auth', 'mal', '-c', configPath]);
    expect(first.code).toBe(2);
    expect(first.stderr).toContain('--url');
    expect(config()).toBe(original);
    const url = new URL(authorizeUrlIn(first.stderr));
    expect(url.searchParams.get('code_challenge_method')).toBe('plain');
    expect(url.searchParams.get('code_challenge')).toHaveLength(128);

    const redirect = await mock.approve(url.toString());
    const second = await cli(['auth', 'mal', '-c', configPath, '--url', redirect]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('MyAnimeList account pmmtester');
    const written = config();
    expect(outsideMal(written)).toBe(outsideMal(original));
    const token = mock.state.tokens[0];
    expect(malSection(written)).toBe(
      malSection(withTokens(original, token?.accessToken ?? '?', token?.refreshToken ?? '?')),
    );
    const exchange = mock.log.find((entry) => entry.path === '/v1/oauth2/token');
    expect(exchange?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(exchange?.body).toMatchObject({ grant_type: 'authorization_code', code_verifier: url.searchParams.get('code_challenge') });
    expectNoSecrets(first);
    expectNoSecrets(second);
  });

  it('takes the redirect URL from PMM_CONFIG_MAL_REDIRECT_URL too', async () => {
    const redirect = await redirectFromHeadlessRun();
    const run = await cli(['auth', 'mal', '-c', configPath], { PMM_CONFIG_MAL_REDIRECT_URL: redirect });
    expect(run.code).toBe(0);
    expect(config()).toContain('    token_type: Bearer\n');
  });

  itOnPty('accepts the pasted redirect URL at the prompt on a terminal', async () => {
    const run = await cliOnTerminal(['auth', 'mal', '-c', configPath], (output) => mock.approve(authorizeUrlIn(output)));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('MyAnimeList account pmmtester');
    expect(config()).toContain('    token_type: Bearer\n    expires_in: 2678400\n');
    expect(outsideMal(config())).toBe(outsideMal(original));
    expectNoSecrets(run);
  });

  it('refuses a URL from another authorization attempt (state mismatch) before spending its code', async () => {
    const redirect = new URL(await redirectFromHeadlessRun());
    redirect.searchParams.set('state', 'not-ours.at-all');
    const run = await cli(['auth', 'mal', '-c', configPath, '--url', redirect.toString()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('state mismatch');
    expect(run.stderr).toContain('nothing was written');
    expect(config()).toBe(original);
    expect(mock.log.filter((entry) => entry.path === '/v1/oauth2/token')).toEqual([]);
    expectNoSecrets(run);
  });

  it('reports a code that does not match the verifier (wrong verifier) and writes nothing', async () => {
    const state = new URL(await redirectFromHeadlessRun()).searchParams.get('state') ?? '';
    const foreignCode = mock.issueCode('w'.repeat(64));
    const run = await cli(['auth', 'mal', '-c', configPath, '--url', `http://localhost/?code=${foreignCode}&state=${state}`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('MyAnimeList rejected the code');
    expect(run.stderr).toContain('Failed to verify `code_verifier`');
    expect(config()).toBe(original);
    const exchange = mock.log.filter((entry) => entry.path === '/v1/oauth2/token');
    expect(exchange.map((entry) => entry.status)).toEqual([400]);
    expectNoSecrets(run);
  });

  it('reports a reused code and leaves the config alone', async () => {
    const redirect = await redirectFromHeadlessRun();
    expect((await cli(['auth', 'mal', '-c', configPath, '--url', redirect])).code).toBe(0);
    writeFileSync(configPath, original);
    const again = await cli(['auth', 'mal', '-c', configPath, '--url', redirect]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already used');
    expect(again.stderr).toContain('Authorization code has been revoked');
    expect(config()).toBe(original);
    expectNoSecrets(again);
  });

  it("exchanges mal.localhost_url with Kometa's fixed verifier, explains it, and blanks the spent URL", async () => {
    const code = mock.issueCode(KOMETA_VERIFIER);
    writeFileSync(configPath, original.replace('  localhost_url:\n', `  localhost_url: http://localhost/?code=${code}\n`));
    const run = await cli(['auth', 'mal', '-c', configPath]);
    expect(run.stderr).toContain('verifier that produced it');
    expect(run.code).toBe(0);
    const written = config();
    expect(written).toContain('  localhost_url:\n');
    expect(written).not.toContain(code);
    expect(written).toContain('    token_type: Bearer\n');
    expectNoSecrets(run);
  });

  it('explains a stale mal.localhost_url and, headless, stops with the new URL without touching the file', async () => {
    const code = mock.issueCode('s'.repeat(64));
    const stale = original.replace('  localhost_url:\n', `  localhost_url: http://localhost/?code=${code}\n`);
    writeFileSync(configPath, stale);
    const run = await cli(['auth', 'mal', '-c', configPath]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('could not be used');
    expect(run.stderr).toContain('/v1/oauth2/authorize?');
    expect(config()).toBe(stale);
  });

  it('refreshes the stored token (rotating it) and a second refresh with the spent token fails without a write', async () => {
    const tokens = mock.issueTokens();
    const stored = withTokens(original, tokens.access_token, tokens.refresh_token);
    writeFileSync(configPath, stored);
    const run = await cli(['auth', 'mal', '-c', configPath, '--refresh']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Refreshed');
    const renewed = mock.state.tokens[1];
    expect(config()).toBe(withTokens(original, renewed?.accessToken ?? '?', renewed?.refreshToken ?? '?'));
    expect(mock.log.find((entry) => entry.path === '/v1/oauth2/token')?.body).toMatchObject({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expectNoSecrets(run);

    writeFileSync(configPath, stored);
    const spent = await cli(['auth', 'mal', '-c', configPath, '--refresh']);
    expect(spent.code).toBe(1);
    expect(spent.stderr).toContain('refresh token');
    expect(config()).toBe(stored);
    expectNoSecrets(spent);
  });

  it('checks the stored token with the API and changes nothing; a dead token exits 1', async () => {
    const tokens = mock.issueTokens();
    const stored = withTokens(original, tokens.access_token, tokens.refresh_token);
    writeFileSync(configPath, stored);
    const ok = await cli(['auth', 'mal', '-c', configPath, '--check']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('pmmtester');
    expect(ok.stdout).toContain('valid until');
    expect(mock.log.some((entry) => entry.path === '/v2/users/@me' && entry.headers.authorization === `Bearer ${tokens.access_token}`)).toBe(true);
    expect(config()).toBe(stored);

    const dead = withTokens(original, 'not-a-live-token', tokens.refresh_token);
    writeFileSync(configPath, dead);
    const bad = await cli(['auth', 'mal', '-c', configPath, '--check']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('--refresh');
    expect(config()).toBe(dead);
    expectNoSecrets(ok);
    expectNoSecrets(bad);
  });

  it('--print writes nothing and prints the block to paste', async () => {
    const redirect = await redirectFromHeadlessRun();
    const run = await cli(['auth', 'mal', '-c', configPath, '--url', redirect, '--print']);
    expect(run.code).toBe(0);
    expect(config()).toBe(original);
    const token = mock.state.tokens[0];
    expect(run.stdout).toContain('mal:');
    expect(run.stdout).toContain(`access_token: ${token?.accessToken}`);
    expect(run.stdout.indexOf('access_token')).toBeLessThan(run.stdout.indexOf('token_type'));
    expect(run.stdout.indexOf('expires_in')).toBeLessThan(run.stdout.indexOf('refresh_token'));
  });

  it('uses --auth-url/--api-url over the environment', async () => {
    const tokens = mock.issueTokens();
    writeFileSync(configPath, withTokens(original, tokens.access_token, tokens.refresh_token));
    const run = await cli(['auth', 'mal', '-c', configPath, '--check', '--auth-url', mock.authUrl, '--api-url', mock.apiUrl], {
      PMM_CONFIG_MAL_AUTH_URL: 'http://127.0.0.1:9',
      PMM_CONFIG_MAL_API_URL: 'http://127.0.0.1:9',
    });
    expect(run.code).toBe(0);
  });

  it('leaves the config byte-identical when the token endpoint fails', async () => {
    const redirect = await redirectFromHeadlessRun();
    mock.faults.add({ fault: { kind: 'status', status: 503 }, path: '/v1/oauth2/token' });
    const run = await cli(['auth', 'mal', '-c', configPath, '--url', redirect]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('MyAnimeList');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(config()).toBe(original);
    expectNoSecrets(run);
  });

  it('fills <<MAL_CLIENT_ID>> placeholders from KOMETA_MAL_CLIENT_ID as Kometa does, says so, and keeps them', async () => {
    const withPlaceholders = original
      .replace(/client_id: \S+/, 'client_id: <<MAL_CLIENT_ID>>')
      .replace(/client_secret: '[^']+'/, 'client_secret: <<mal-client-secret>>');
    writeFileSync(configPath, withPlaceholders);
    const kometa = { KOMETA_MAL_CLIENT_ID: CLIENT_ID, KOMETA_MAL_CLIENT_SECRET: CLIENT_SECRET };
    const first = await cli(['auth', 'mal', '-c', configPath], kometa);
    expect(first.code).toBe(2);
    expect(first.stderr).toContain('Credentials: client_id from KOMETA_MAL_CLIENT_ID, client_secret from KOMETA_MAL_CLIENT_SECRET.');
    const run = await cli(['auth', 'mal', '-c', configPath, '--url', await mock.approve(authorizeUrlIn(first.stderr))], kometa);
    expect(run.code).toBe(0);
    const written = config();
    expect(outsideMal(written)).toBe(outsideMal(withPlaceholders));
    expect(malSection(written)).toContain('client_id: <<MAL_CLIENT_ID>>');
    expect(malSection(written)).toContain('client_secret: <<mal-client-secret>>');
    expect(run.stdout).not.toMatch(/saved [^\n]*client_/);
    expectNoSecrets(run);
    // The authorize URL of the first run carries the client id, as the page needs it; nothing else shows it.
    expect(`${first.stderr.replace(authorizeUrlIn(first.stderr), '<url>')}${run.stderr}${run.stdout}`).not.toContain(CLIENT_ID);

    writeFileSync(configPath, withPlaceholders);
    const unset = await cli(['auth', 'mal', '-c', configPath]);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('(mal.client_id is <<MAL_CLIENT_ID>> and KOMETA_MAL_CLIENT_ID is not set): set KOMETA_MAL_CLIENT_ID, pass --client-id or set PMM_CONFIG_MAL_CLIENT_ID');
    expect(config()).toBe(withPlaceholders);
  });
});
