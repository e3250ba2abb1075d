import { startTraktMock } from '@pmm-config/mock-oauth';
import type { TraktMockHandle, TraktMockOptions } from '@pmm-config/mock-oauth';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { parse } from 'yaml';
import { authorizationOf, CLI, fixture, normalizeTokens, REPO_ROOT, runCli, tempConfig, toCrlf } from './fixtures/auth/harness';
import type { CliRun, TempConfig } from './fixtures/auth/harness';

jest.setTimeout(30_000);

const CLIENT_ID = 'f00d'.repeat(16);
const CLIENT_SECRET = 'b4d5ecre7'.repeat(7).slice(0, 64);

let mock: { url: string; handle: TraktMockHandle } | undefined;
const temps: TempConfig[] = [];

/** The running mock; each test gets a fresh one. */
function live(): { url: string; handle: TraktMockHandle } {
  if (!mock) throw new Error('mock not started');
  return mock;
}

async function startMock(options: TraktMockOptions = {}): Promise<void> {
  await mock?.handle.close();
  mock = await startTraktMock({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, deviceInterval: 1, enforceInterval: false, autoApproveAfterPolls: 1, ...options });
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`build the CLI first: ${CLI} is missing`);
});
beforeEach(() => startMock());
afterEach(async () => {
  await mock?.handle.close();
  mock = undefined;
  temps.splice(0).forEach((temp) => temp.cleanup());
});

function config(content: string | Buffer): TempConfig {
  const temp = tempConfig(content);
  temps.push(temp);
  return temp;
}

function auth(temp: TempConfig, args: readonly string[] = [], env: Record<string, string> = {}, onSpawn?: Parameters<typeof runCli>[1]['onSpawn']): Promise<CliRun> {
  return runCli(['auth', 'trakt', '--auth-url', live().url, '--api-url', live().url, ...args], { cwd: temp.dir, env, ...(onSpawn ? { onSpawn } : {}) });
}

/** The kitchen fixture with a live token pair from the mock in place of the old one. */
function withLiveTokens(text: string): { text: string; tokens: { access_token: string; refresh_token: string } } {
  const tokens = live().handle.issueTokens();
  return { text: text.replace('0ldacce55', tokens.access_token).replace('0ldref4e5h', tokens.refresh_token), tokens };
}

/** No output stream may carry a credential or a token. */
function expectNoSecrets(run: CliRun, secrets: readonly unknown[]): void {
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < 6) continue;
    expect(run.stdout).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
  }
}

function expectUnchanged(temp: TempConfig): void {
  expect(temp.read().equals(temp.original)).toBe(true);
}

/** Lines that differ between two texts, as [before, after] pairs of changed line numbers' content. */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  return b.filter((line, index) => a[index] !== line);
}

/**
 * A golden file's text. `UPDATE_GOLDEN=1` rewrites it from the actual output instead (review the diff!).
 */
function golden(name: string, actual?: string): string {
  const file = path.join(__dirname, 'fixtures/auth', name);
  if (process.env['UPDATE_GOLDEN'] === '1' && actual !== undefined) writeFileSync(file, actual);
  return readFileSync(file, 'utf8');
}

describe('pmm-config auth trakt: device flow', () => {
  it('authorizes, writes only authorization and pin, and shows no secret', async () => {
    const temp = config(fixture('kitchen.yml'));
    const run = await auth(temp);
    expect(run.stderr).toMatch(/open http:\/\/127\.0\.0\.1:\d+\/activate and enter the code [0-9A-F]{8}/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Authorized Trakt account pmmtester');
    expect(run.stdout).toContain('access_token: ********');
    const written = temp.read().toString('utf8');
    expect(normalizeTokens(written)).toBe(golden('kitchen.expected.yml', normalizeTokens(written)));
    const block = authorizationOf(written);
    expectNoSecrets(run, [CLIENT_ID, CLIENT_SECRET, block['access_token'], block['refresh_token']]);
    expect(changedLines(fixture('kitchen.yml'), written).every((line) => /^\s+(access_token|token_type|expires_in|refresh_token|created_at|pin):/.test(line))).toBe(true);
  });

  it('keeps CRLF line endings', async () => {
    const temp = config(toCrlf(fixture('kitchen.yml')));
    const run = await auth(temp);
    expect(run.code).toBe(0);
    expect(normalizeTokens(temp.read().toString('utf8'))).toBe(toCrlf(golden('kitchen.expected.yml')));
  });

  it('keeps polling through pending and slow_down, then succeeds', async () => {
    await startMock({ autoApproveAfterPolls: undefined });
    live().handle.scriptNextDevice(3, 'approve');
    live().handle.addFault({ fault: { kind: 'status', status: 429 }, path: '/oauth/device/token' });
    const temp = config(fixture('kitchen.yml'));
    const run = await auth(temp);
    expect(run.code).toBe(0);
    const statuses = live().handle.requestsTo('/oauth/device/token').map((entry) => entry.status);
    expect(statuses[0]).toBe(429);
    expect(statuses).toContain(400);
    expect(statuses[statuses.length - 1]).toBe(200);
    // Slow-down makes the client wait longer than the 1 s interval before the next poll.
    const times = live().handle.requestsTo('/oauth/device/token').map((entry) => entry.at);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(5000);
    expect(authorizationOf(temp.read().toString('utf8'))['access_token']).not.toBe('0ldacce55');
  }, 30_000);

  it.each([
    ['denied', 'deny', /denied/],
    ['expired', 'expire', /expired before it was approved/],
  ] as const)('exits 1 when the user code is %s, leaving the file byte-identical', async (_name, outcome, message) => {
    await startMock({ autoApproveAfterPolls: undefined });
    live().handle.scriptNextDevice(1, outcome);
    const temp = config(fixture('kitchen.yml'));
    const run = await auth(temp);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('nothing was written');
    expectUnchanged(temp);
  });

  it('works headless: prints the URL and code and polls, never reading stdin', async () => {
    const temp = config(fixture('kitchen.yml'));
    const run = await auth(temp);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('\x1b[');
    expect(run.stderr).toContain('Waiting for you to approve on Trakt');
  });

  it('stops cleanly on Ctrl-C with exit 130 and nothing written', async () => {
    await startMock({ autoApproveAfterPolls: undefined, deviceInterval: 1 });
    const temp = config(fixture('kitchen.yml'));
    const run = await auth(temp, [], {}, (child) => {
      child.stderr?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Waiting for you to approve')) child.kill('SIGINT');
      });
    });
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('cancelled; nothing was written');
    expectUnchanged(temp);
  });
});

describe('pmm-config auth trakt: PIN flow', () => {
  it('exchanges --pin and blanks the pin in the config', async () => {
    const temp = config(fixture('kitchen.yml'));
    const pin = live().handle.issuePin();
    const run = await auth(temp, ['--pin', pin]);
    expect(run.code).toBe(0);
    expect(normalizeTokens(temp.read().toString('utf8'))).toBe(golden('kitchen.expected.yml'));
    expectNoSecrets(run, [pin]);
  });

  it('uses trakt.pin from the config with --flow pin', async () => {
    const pin = live().handle.issuePin();
    const temp = config(fixture('kitchen.yml').replace('"8A7B6C5D"', `"${pin}"`));
    const run = await auth(temp, ['--flow', 'pin']);
    expect(run.code).toBe(0);
    expect(parse(temp.read().toString('utf8')).trakt.pin).toBeNull();
  });

  it('refuses a reused PIN with advice and leaves the file byte-identical', async () => {
    const pin = live().handle.issuePin();
    const first = config(fixture('kitchen.yml'));
    expect((await auth(first, ['--pin', pin])).code).toBe(0);
    const second = config(fixture('kitchen.yml'));
    const run = await auth(second, ['--pin', pin]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the PIN was already used or expired (PINs are single-use and last about 10 minutes): run `pmm-config auth trakt` for a new device code');
    expectUnchanged(second);
  });

  it('without a terminal, --flow pin prints the page to get a PIN, exits 2 saying to rerun with --pin, and that rerun works', async () => {
    const temp = config(fixture('kitchen.yml').replace('pin: "8A7B6C5D"', 'pin:'));
    const run = await auth(temp, ['--flow', 'pin']);
    expect(run.code).toBe(2);
    const url = /Open this page, approve pmm-config, and copy the PIN Trakt shows:\n {2}(http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?\S+)\n/.exec(run.stderr)?.[1];
    expect(url).toBeDefined();
    expect(run.stderr.split('\n').filter((line) => line.startsWith('pmm-config:'))).toEqual([
      'pmm-config: auth trakt: no terminal to type the PIN into: run this command again with --pin <PIN> (a PIN works once, for about 10 minutes), or drop --flow pin to use the device flow; nothing was written',
    ]);
    expect(run.stderr).not.toContain('plain text');
    expectUnchanged(temp);

    // The user opens the page (the mock approves at once, and wants PKCE as Trakt does) and copies the PIN.
    const page = await fetch(url as string, { redirect: 'follow', headers: { 'User-Agent': 'browser' } });
    const pin = /<code id="pin">([^<]+)<\/code>/.exec(await page.text())?.[1] as string;
    const rerun = await auth(temp, ['--pin', pin]);
    expect(rerun.code).toBe(0);
    expect(authorizationOf(temp.read().toString('utf8'))['access_token']).toEqual(expect.any(String));
    expectNoSecrets(rerun, [pin, CLIENT_SECRET]);
  });
});

describe('pmm-config auth trakt: refresh, check, revoke', () => {
  it('rotates the refresh token and saves the new pair; the old one is then refused', async () => {
    const { text, tokens } = withLiveTokens(fixture('kitchen.yml'));
    const temp = config(text);
    const run = await auth(temp, ['--refresh']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Refreshed the token of Trakt account pmmtester');
    const block = authorizationOf(temp.read().toString('utf8'));
    expect(block['refresh_token']).not.toBe(tokens.refresh_token);
    expect(block['access_token']).not.toBe(tokens.access_token);
    expectNoSecrets(run, [tokens.access_token, tokens.refresh_token, block['access_token'], block['refresh_token']]);

    const stale = config(text);
    const again = await auth(stale, ['--refresh']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('refresh tokens are single-use');
    expectUnchanged(stale);
  });

  it('checks a valid token: exit 0, account and expiry, file untouched', async () => {
    const temp = config(withLiveTokens(fixture('kitchen.yml')).text);
    const run = await auth(temp, ['--check']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/The token works for Trakt account pmmtester; it is expired on 2024-04-06 \d\d:\d\d UTC, though Trakt still accepts it/);
    expectUnchanged(temp);
  });

  it('checks an invalid token: exit 1 (401)', async () => {
    const temp = config(fixture('kitchen.yml'));
    const run = await auth(temp, ['--check']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('401');
    expect(run.stdout).toContain('pmm-config auth trakt --refresh');
    expectUnchanged(temp);
  });

  it('checks a locked account: exit 1 (423)', async () => {
    live().handle.setSettingsOutcome(423);
    const temp = config(withLiveTokens(fixture('kitchen.yml')).text);
    const run = await auth(temp, ['--check', '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { ok: boolean; summary: string };
    expect(report.ok).toBe(false);
    expect(report.summary).toContain('locked (423)');
  });

  it('revokes the token and blanks it in the config', async () => {
    const { text, tokens } = withLiveTokens(fixture('kitchen.yml'));
    const temp = config(text);
    const run = await auth(temp, ['--revoke']);
    expect(run.code).toBe(0);
    const block = authorizationOf(temp.read().toString('utf8'));
    expect(Object.values(block).every((value) => value === null)).toBe(true);
    const check = await auth(config(text), ['--check']);
    expect(check.code).toBe(1);
    expectNoSecrets(run, [tokens.access_token]);
  });
});

describe('pmm-config auth trakt: network trouble', () => {
  it('retries 5xx answers and succeeds', async () => {
    live().handle.addFault({ fault: { kind: 'status', status: 503 }, path: '/oauth/device/code', times: 2 });
    const temp = config(fixture('kitchen.yml'));
    const run = await auth(temp);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Trakt server error 503; retrying');
  }, 20_000);

  it('waits out a 429 with Retry-After', async () => {
    live().handle.addFault({ fault: { kind: 'rate-limit', retryAfter: '1' }, path: '/oauth/device/code' });
    const temp = config(fixture('kitchen.yml'));
    const started = Date.now();
    const run = await auth(temp);
    expect(run.code).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(run.stderr).toContain('Trakt rate limited; retrying in 1s');
  }, 20_000);

  it('reports an unreachable server with exit 2 and nothing written', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const address = server.address() as { port: number };
        server.close(() => resolve(address.port));
      });
    });
    const temp = config(fixture('kitchen.yml'));
    const run = await runCli(['auth', 'trakt', '--auth-url', `http://127.0.0.1:${port}`, '--api-url', `http://127.0.0.1:${port}`], { cwd: temp.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/could not reach Trakt at http:\/\/127\.0\.0\.1:\d+ \(connection failed\)/);
    expect(run.stderr.trim().split('\n').filter((line) => line.startsWith('pmm-config:'))).toHaveLength(1);
    expectUnchanged(temp);
  }, 30_000);
});

describe('pmm-config auth trakt: credentials and config writing', () => {
  it('exits 2 at once without credentials and no terminal, naming the flag and env var', async () => {
    const temp = config(fixture('blank-credentials.yml'));
    const run = await auth(temp);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing Trakt Client ID (trakt.client_id is not set): pass --client-id or set PMM_CONFIG_TRAKT_CLIENT_ID');
    expect(live().handle.requests).toHaveLength(0);
    expectUnchanged(temp);
  });

  it('takes credentials from env and does not save them unless asked', async () => {
    const env = { PMM_CONFIG_TRAKT_CLIENT_ID: CLIENT_ID, PMM_CONFIG_TRAKT_CLIENT_SECRET: CLIENT_SECRET };
    const temp = config(fixture('blank-credentials.yml'));
    const run = await auth(temp, [], env);
    expect(run.code).toBe(0);
    expect(normalizeTokens(temp.read().toString('utf8'))).toBe(golden('blank-credentials.expected.yml', normalizeTokens(temp.read().toString('utf8'))));
    expectNoSecrets(run, [CLIENT_ID, CLIENT_SECRET]);

    const saving = config(fixture('blank-credentials.yml'));
    expect((await auth(saving, ['--save-credentials'], env)).code).toBe(0);
    const saved = parse(saving.read().toString('utf8')).trakt;
    expect([saved.client_id, saved.client_secret]).toEqual([CLIENT_ID, CLIENT_SECRET]);
  });

  it('without a terminal, a missing trakt: gets only the authorization block; --save-credentials adds the credentials', async () => {
    const temp = config(fixture('no-trakt.yml'));
    const run = await auth(temp, ['--client-id', CLIENT_ID, '--client-secret', CLIENT_SECRET]);
    expect(run.code).toBe(0);
    const written = temp.read().toString('utf8');
    expect(Object.keys(parse(written).trakt)).toEqual(['authorization']);
    expect(written.startsWith(fixture('no-trakt.yml').replace(/# no trakt section, no final newline$/, ''))).toBe(true);
    expect(run.stdout).not.toMatch(/saved [^\n]*client_id/);
    expect(run.stdout).toContain('left out trakt.client_id and trakt.client_secret: without a terminal to ask, credentials go into the config only with --save-credentials');
    expectNoSecrets(run, [CLIENT_ID, CLIENT_SECRET]);

    const saving = config(fixture('no-trakt.yml'));
    expect((await auth(saving, ['--client-id', CLIENT_ID, '--client-secret', CLIENT_SECRET, '--save-credentials'])).code).toBe(0);
    expect(normalizeTokens(saving.read().toString('utf8'))).toBe(golden('no-trakt.expected.yml', normalizeTokens(saving.read().toString('utf8'))));
  });

  it('refuses <<SECRET>> credentials without flags or env, naming the KOMETA_ variable, then works with them', async () => {
    const temp = config(fixture('placeholder-credentials.yml'));
    const refused = await auth(temp);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'missing Trakt Client ID (trakt.client_id is <<TRAKT_CLIENT_ID>> and KOMETA_TRAKT_CLIENT_ID is not set): set KOMETA_TRAKT_CLIENT_ID, pass --client-id or set PMM_CONFIG_TRAKT_CLIENT_ID',
    );
    expect(refused.stderr).not.toContain('plain text');
    expectUnchanged(temp);

    const run = await auth(temp, [], { PMM_CONFIG_TRAKT_CLIENT_ID: CLIENT_ID, PMM_CONFIG_TRAKT_CLIENT_SECRET: CLIENT_SECRET });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Credentials: client_id from PMM_CONFIG_TRAKT_CLIENT_ID, client_secret from PMM_CONFIG_TRAKT_CLIENT_SECRET.');
    expect(run.stderr).toContain('keeps the credentials as secret placeholders, but the new tokens will be written in plain text');
    const written = temp.read().toString('utf8');
    expect(changedLines(fixture('placeholder-credentials.yml'), written).every((line) => /^\s+(access_token|token_type|expires_in|refresh_token|scope|created_at):/.test(line))).toBe(true);
    expect(written).toContain('client_id: <<TRAKT_CLIENT_ID>>     # Kometa fills these from KOMETA_TRAKT_CLIENT_ID');
  });

  it('fills <<TRAKT_CLIENT_ID>> from KOMETA_TRAKT_CLIENT_ID as Kometa does, says so, and keeps the placeholders', async () => {
    const kometa = { KOMETA_TRAKT_CLIENT_ID: CLIENT_ID, KOMETA_TRAKT_CLIENT_SECRET: CLIENT_SECRET };
    const temp = config(fixture('placeholder-credentials.yml'));
    const run = await auth(temp, [], kometa);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Credentials: client_id from KOMETA_TRAKT_CLIENT_ID, client_secret from KOMETA_TRAKT_CLIENT_SECRET.');
    const written = temp.read().toString('utf8');
    expect(changedLines(fixture('placeholder-credentials.yml'), written).every((line) => /^\s+(access_token|token_type|expires_in|refresh_token|scope|created_at):/.test(line))).toBe(true);
    expect(parse(written).trakt).toMatchObject({ client_id: '<<TRAKT_CLIENT_ID>>', client_secret: '<<TRAKT_CLIENT_SECRET>>' });
    expect(run.stdout).not.toMatch(/saved [^\n]*client_/);
    const block = authorizationOf(written);
    expectNoSecrets(run, [CLIENT_ID, CLIENT_SECRET, block['access_token'], block['refresh_token']]);

    // The flag and PMM_CONFIG_* still win over Kometa's variables (wrong values there prove which one was used).
    const wrong = { KOMETA_TRAKT_CLIENT_ID: 'a'.repeat(64), KOMETA_TRAKT_CLIENT_SECRET: 'b'.repeat(64) };
    const overridden = config(fixture('placeholder-credentials.yml'));
    const winning = await auth(overridden, ['--client-id', CLIENT_ID], { ...wrong, PMM_CONFIG_TRAKT_CLIENT_SECRET: CLIENT_SECRET });
    expect(winning.code).toBe(0);
    expect(winning.stderr).toContain('Credentials: client_id from --client-id, client_secret from PMM_CONFIG_TRAKT_CLIENT_SECRET.');
    const refused = config(fixture('placeholder-credentials.yml'));
    expect((await auth(refused, [], wrong)).code).not.toBe(0);
    expectUnchanged(refused);
  });

  it('says in --help where credentials come from and when they are saved', async () => {
    const help = await runCli(['auth', '--help'], { cwd: REPO_ROOT });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('<<NAME>> placeholder in the config, the KOMETA_NAME variable Kometa fills it');
    expect(help.stdout).toContain('Credentials are saved into the config only with --save-credentials or a yes');
    expect(help.stdout).toMatch(/default: ask on a\s+terminal, never without\s+one\)/);
  });

  it('notes plain-text tokens only when tokens are written: not for --revoke, not after a refusal', async () => {
    const kometa = { KOMETA_TRAKT_CLIENT_ID: CLIENT_ID, KOMETA_TRAKT_CLIENT_SECRET: CLIENT_SECRET };
    const temp = config(fixture('placeholder-credentials.yml'));
    expect((await auth(temp, [], kometa)).code).toBe(0);
    const revoke = await auth(temp, ['--revoke'], kometa);
    expect(revoke.code).toBe(0);
    expect(Object.values(authorizationOf(temp.read().toString('utf8'))).every((value) => value === null)).toBe(true);
    expect(revoke.stderr).not.toContain('plain text');

    const refused = config(fixture('placeholder-credentials.yml'));
    const run = await auth(refused, [], { ...kometa, KOMETA_TRAKT_CLIENT_SECRET: 'c'.repeat(64) });
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('plain text');
    expectUnchanged(refused);
  });

  it('never overwrites a <<SECRET>> token placeholder, but --print works and keeps the credential placeholders', async () => {
    const temp = config(fixture('placeholders.yml'));
    const refused = await auth(temp, ['--client-id', CLIENT_ID, '--client-secret', CLIENT_SECRET]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('trakt.authorization.access_token as a secret placeholder');
    expect(refused.stderr).toContain('--print');
    expectUnchanged(temp);

    const printed = await auth(temp, ['--print', '--client-id', CLIENT_ID, '--client-secret', CLIENT_SECRET]);
    expect(printed.code).toBe(0);
    // The block goes back into this config: its <<NAME>> credentials stay placeholders, the real ones are not printed.
    expect(printed.stdout).toMatch(/^########## GENERATED BY PMM-CONFIG ##########\ntrakt:\n {2}client_id: <<TRAKT_CLIENT_ID>>\n {2}client_secret: <<TRAKT_CLIENT_SECRET>>\n/);
    expect(printed.stdout).not.toContain(CLIENT_ID);
    expect(printed.stdout).not.toContain(CLIENT_SECRET);
    const pasted = parse(printed.stdout) as { trakt: { authorization: Record<string, unknown>; pin: unknown } };
    expect(Object.keys(pasted.trakt.authorization)).toEqual(['access_token', 'token_type', 'expires_in', 'refresh_token', 'scope', 'created_at']);
    expect(pasted.trakt.pin).toBeNull();
    expect(printed.stderr).not.toContain(String(pasted.trakt.authorization['access_token']));
    expectUnchanged(temp);
  });

  it('--json with credentials from KOMETA_* gives the section with its placeholders, never the values', async () => {
    const temp = config(fixture('placeholder-credentials.yml'));
    const run = await auth(temp, ['--json'], { KOMETA_TRAKT_CLIENT_ID: CLIENT_ID, KOMETA_TRAKT_CLIENT_SECRET: CLIENT_SECRET });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { trakt: Record<string, unknown> };
    expect(report.trakt).toMatchObject({ client_id: '<<TRAKT_CLIENT_ID>>', client_secret: '<<TRAKT_CLIENT_SECRET>>' });
    expect(run.stdout + run.stderr).not.toContain(CLIENT_SECRET);
    expect(run.stdout + run.stderr).not.toContain(CLIENT_ID);
    expectUnchanged(temp);
  });

  it('--json prints the block for scripts and writes nothing', async () => {
    const temp = config(fixture('kitchen.yml'));
    const run = await auth(temp, ['--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { ok: boolean; account: string; trakt: { authorization: Record<string, unknown> } };
    expect(report).toMatchObject({ ok: true, account: 'pmmtester' });
    expect(typeof report.trakt.authorization['access_token']).toBe('string');
    expectUnchanged(temp);
  });

  it('--json reports failures as JSON too', async () => {
    const temp = config(fixture('blank-credentials.yml'));
    const run = await auth(temp, ['--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      provider: 'trakt',
      ok: false,
      error: { code: 'AUTH_MISSING_INPUT', message: expect.stringContaining('pass --client-id or set PMM_CONFIG_TRAKT_CLIENT_ID') },
    });
  });

  it('--backup keeps the previous file', async () => {
    const temp = config(fixture('kitchen.yml'));
    const run = await auth(temp, ['--backup']);
    expect(run.code).toBe(0);
    expect(readFileSync(`${temp.file}.bak`).equals(temp.original)).toBe(true);
    expect(run.stdout).toContain('backup of the previous file: config.yml.bak');
  });

  it('finds config/config.yml and honours --config', async () => {
    const temp = config(fixture('kitchen.yml'));
    const run = await runCli(['auth', 'trakt', '--check', '--config', path.basename(temp.file), '--auth-url', live().url, '--api-url', live().url], { cwd: temp.dir });
    expect(run.code).toBe(1);
    const missing = await runCli(['auth', 'trakt', '--config', 'nope.yml'], { cwd: temp.dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yml not found');
  });

  it('refuses to write when the file changed on disk meanwhile (exit 1)', async () => {
    await startMock({ autoApproveAfterPolls: undefined, deviceInterval: 1 });
    const temp = config(fixture('kitchen.yml'));
    const edited = `${fixture('kitchen.yml')}# edited by hand meanwhile\n`;
    const run = await auth(temp, [], {}, (child) => {
      let done = false;
      child.stderr?.on('data', () => {
        const device = live().handle.deviceCodes()[0];
        if (done || !device) return;
        done = true;
        writeFileSync(temp.file, edited);
        live().handle.approveDevice(device.userCode);
      });
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('changed on disk while authorizing, so nothing was written');
    expect(temp.read().toString('utf8')).toBe(edited);
  });

  it('keeps the original intact when killed in the middle of writing (fault injection)', async () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const temp = config(fixture('kitchen.yml'));
      const delay = attempt * 3;
      const run = await auth(temp, [], {}, (child) => {
        child.stderr?.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('Approved on Trakt')) setTimeout(() => child.kill('SIGKILL'), delay);
        });
      });
      const text = temp.read().toString('utf8');
      if (run.signal === 'SIGKILL' && text === fixture('kitchen.yml')) continue;
      // Either the kill came too late (the write finished) or it never hit: the file must be the complete new one.
      expect(normalizeTokens(text)).toBe(golden('kitchen.expected.yml'));
    }
  }, 60_000);

  it('names unknown providers', async () => {
    const temp = config(fixture('kitchen.yml'));
    const run = await runCli(['auth', 'simkl'], { cwd: temp.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown provider "simkl"; choose one of: trakt');
  });
});
