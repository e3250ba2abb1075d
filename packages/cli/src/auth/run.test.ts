import { startTraktMock } from '@pmm-config/mock-oauth';
import type { TraktMockHandle } from '@pmm-config/mock-oauth';
import { traktPlugin } from '@pmm-config/provider-trakt';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { CliIO } from '../io';
import { runAuth } from './run';
import type { AuthOptions } from './run';
import type { AuthTerminal } from './terminal';

jest.setTimeout(20_000);

const CLIENT_ID = '7a'.repeat(32);
const CLIENT_SECRET = '8b'.repeat(32);

let mock: { url: string; handle: TraktMockHandle };
let dir: string;

beforeEach(async () => {
  mock = await startTraktMock({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, deviceInterval: 1, enforceInterval: false, autoApproveAfterPolls: 1 });
  dir = mkdtempSync(path.join(tmpdir(), 'pmm-run-auth-'));
});
afterEach(async () => {
  await mock.handle.close();
  rmSync(dir, { recursive: true, force: true });
});

function io(): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    writeStdout: (text) => void out.push(text),
    writeStderr: (text) => void err.push(text),
    readStdin: () => Promise.reject(new Error('stdin is not read by auth')),
    stdoutIsTTY: true,
    stderrIsTTY: true,
    env: {},
    cwd: dir,
  };
}

/** A terminal whose user answers from a script and whose browser records what it was asked to open. */
function terminal(answers: Record<string, string>): AuthTerminal & { asked: { question: string; secret: boolean }[]; opened: string[] } {
  const asked: { question: string; secret: boolean }[] = [];
  const opened: string[] = [];
  return {
    interactive: true,
    asked,
    opened,
    async ask(question, { secret }) {
      asked.push({ question, secret: secret === true });
      const key = Object.keys(answers).find((prefix) => question.startsWith(prefix));
      if (key === undefined) throw new Error(`unexpected question: ${question}`);
      return answers[key];
    },
    async openUrl(url) {
      opened.push(url);
      return true;
    },
    onInterrupt: () => () => undefined,
  };
}

function options(overrides: Partial<AuthOptions> = {}): AuthOptions {
  return {
    provider: 'trakt',
    refresh: false,
    check: false,
    revoke: false,
    print: false,
    json: false,
    backup: false,
    browser: true,
    authUrl: mock.url,
    apiUrl: mock.url,
    flags: {},
    inputs: [],
    plugins: [traktPlugin],
    version: '0.0.0-test',
    debug: false,
    ...overrides,
  };
}

const runtime = (term: AuthTerminal) => ({ terminal: term, fetch: (input: string, init: RequestInit) => fetch(input, init), now: Date.now });

const CONFIG = 'tmdb:\n  apikey: x\ntrakt:\n  client_id:\n  client_secret:\n';

describe('runAuth on a terminal', () => {
  it('asks for missing credentials (hidden), offers to save them, and saves on yes', async () => {
    writeFileSync(path.join(dir, 'config.yml'), CONFIG);
    const term = terminal({ 'Trakt Client ID': CLIENT_ID, 'Trakt Client Secret': CLIENT_SECRET, 'Save the': '' });
    const cli = io();
    expect(await runAuth(options(), cli, runtime(term))).toBe(0);
    expect(term.asked.map((entry) => [entry.question, entry.secret])).toEqual([
      ['Trakt Client ID', true],
      ['Trakt Client Secret', true],
      ['Save the Trakt Client ID and Trakt Client Secret to config.yml too? [Y/n]', false],
    ]);
    // Where to find them is said once, on its own line, not inside each prompt.
    const where = cli.err.join('').split('\n').filter((line) => line.includes('settings/apps'));
    expect(where).toEqual(['Trakt Client ID and Trakt Client Secret come from your Trakt API app at https://app.trakt.tv/settings/apps/api (Trakt VIP is required to create one since July 2026).']);
    const trakt = parse(readFileSync(path.join(dir, 'config.yml'), 'utf8')).trakt;
    expect([trakt.client_id, trakt.client_secret]).toEqual([CLIENT_ID, CLIENT_SECRET]);
    expect(cli.out.join('')).toContain('saved trakt.client_id and trakt.client_secret');
    expect(cli.out.join('') + cli.err.join('')).not.toContain(CLIENT_SECRET);
  });

  it('does not save credentials when the answer is no', async () => {
    writeFileSync(path.join(dir, 'config.yml'), CONFIG);
    const term = terminal({ 'Trakt Client ID': CLIENT_ID, 'Trakt Client Secret': CLIENT_SECRET, 'Save the': 'n' });
    expect(await runAuth(options(), io(), runtime(term))).toBe(0);
    const trakt = parse(readFileSync(path.join(dir, 'config.yml'), 'utf8')).trakt;
    expect([trakt.client_id, trakt.client_secret]).toEqual([null, null]);
    expect(typeof trakt.authorization.access_token).toBe('string');
  });

  it('asks before saving credentials into a section it creates, and writes only the authorization block on no', async () => {
    writeFileSync(path.join(dir, 'config.yml'), 'tmdb:\n  apikey: x\n');
    const term = terminal({ 'Save the': 'no' });
    const cli = io();
    expect(await runAuth(options({ flags: { 'client-id': CLIENT_ID, 'client-secret': CLIENT_SECRET } }), cli, runtime(term))).toBe(0);
    expect(term.asked.map((entry) => entry.question)).toEqual(['Save the Trakt Client ID and Trakt Client Secret to config.yml too? [Y/n]']);
    expect(Object.keys(parse(readFileSync(path.join(dir, 'config.yml'), 'utf8')).trakt)).toEqual(['authorization']);
    expect(cli.out.join('')).not.toMatch(/saved|left out/);
  });

  it('draws a QR code, opens the activation page, and respects --no-browser', async () => {
    writeFileSync(path.join(dir, 'config.yml'), CONFIG.replace('client_id:', `client_id: ${CLIENT_ID}`).replace('client_secret:', `client_secret: ${CLIENT_SECRET}`));
    const term = terminal({});
    const cli = io();
    expect(await runAuth(options(), cli, runtime(term))).toBe(0);
    expect(cli.err.join('')).toContain('▀');
    expect(term.opened).toEqual([expect.stringMatching(/\/activate\/[0-9A-F]{8}$/)]);

    const quiet = terminal({});
    expect(await runAuth(options({ browser: false }), io(), runtime(quiet))).toBe(0);
    expect(quiet.opened).toEqual([]);
  });

  it('cancels on Ctrl-C while waiting and writes nothing', async () => {
    await mock.handle.close();
    mock = await startTraktMock({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, deviceInterval: 1, enforceInterval: false });
    const text = CONFIG.replace('client_id:', `client_id: ${CLIENT_ID}`).replace('client_secret:', `client_secret: ${CLIENT_SECRET}`);
    writeFileSync(path.join(dir, 'config.yml'), text);
    let interrupt: () => void = () => undefined;
    const term: AuthTerminal = { ...terminal({}), onInterrupt: (handler) => ((interrupt = handler), () => undefined) };
    const cli = io();
    const pending = runAuth(options(), cli, runtime(term));
    setTimeout(() => interrupt(), 300);
    expect(await pending).toBe(130);
    expect(cli.err.join('')).toContain('auth trakt: cancelled; nothing was written');
    expect(readFileSync(path.join(dir, 'config.yml'), 'utf8')).toBe(text);
  });
});
