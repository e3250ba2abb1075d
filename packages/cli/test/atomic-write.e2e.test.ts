import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../../..');
const ATOMIC_WRITE = join(REPO_ROOT, 'packages/cli/dist/io/atomic-write.js');

/**
 * A child process that replaces `target` through the built module, with a file system that writes at most
 * `chunk` bytes per call after `delayMs`. It prints `WRITING <temp path>` after the first chunk and `DONE` at
 * the end, so the parent can kill it at a known point of the write.
 */
const CHILD = `
const [modulePath, target, size, chunk, delayMs] = process.argv.slice(1);
const fsp = require('node:fs/promises');
const { writeFileAtomic } = require(modulePath);
let announced = false;
const slowFs = {
  realpath: (p) => fsp.realpath(p),
  readFile: (p) => fsp.readFile(p),
  stat: (p) => fsp.stat(p),
  rename: (a, b) => fsp.rename(a, b),
  unlink: (p) => fsp.unlink(p),
  async open(path, flags, mode) {
    const handle = await fsp.open(path, flags, mode);
    return {
      async write(buffer, offset, length, position) {
        await new Promise((done) => setTimeout(done, Number(delayMs)));
        const result = await handle.write(buffer, offset, Math.min(length, Number(chunk)), position);
        if (!announced) { announced = true; process.stdout.write('WRITING ' + path + '\\n'); }
        return result;
      },
      sync: () => handle.sync(),
      chmod: (m) => handle.chmod(m),
      chown: (u, g) => handle.chown(u, g),
      close: () => handle.close(),
    };
  },
};
const original = require('node:fs').readFileSync(target);
writeFileAtomic(target, Buffer.alloc(Number(size), 'N'), { expectedOriginal: original, fs: slowFs })
  .then(() => process.stdout.write('DONE\\n'), (error) => { process.stderr.write(String(error.code) + '\\n'); process.exit(3); });
`;

interface Writer {
  readonly child: ChildProcess;
  /** Resolves with the rest of the line once stdout printed a line starting with `prefix`. */
  waitFor(prefix: string): Promise<string>;
  exited: Promise<NodeJS.Signals | number | null>;
}

function startWriter(target: string, size: number, chunk: number, delayMs: number): Writer {
  const child = spawn(process.execPath, ['-e', CHILD, ATOMIC_WRITE, target, String(size), String(chunk), String(delayMs)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters: Array<{ prefix: string; resolve: (rest: string) => void }> = [];
  const check = (): void => {
    for (const waiter of [...waiters]) {
      const line = out.split('\n').find((candidate) => candidate.startsWith(waiter.prefix));
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line.slice(waiter.prefix.length).trim());
      }
    }
  };
  child.stdout.on('data', (chunkText: Buffer) => {
    out += chunkText.toString();
    check();
  });
  const exited = new Promise<NodeJS.Signals | number | null>((done) => child.on('exit', (code, signal) => done(signal ?? code)));
  return {
    child,
    exited,
    waitFor: (prefix) =>
      new Promise((done, fail) => {
        waiters.push({ prefix, resolve: done });
        check();
        void exited.then(() => setTimeout(() => fail(new Error(`writer exited before printing ${prefix}`)), 50));
      }),
  };
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

let dir: string;
let target: string;
let original: Buffer;

beforeAll(() => {
  if (!fs.existsSync(ATOMIC_WRITE)) throw new Error(`build the CLI first: ${ATOMIC_WRITE} is missing`);
});

beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'pmm-atomic-e2e-'));
  target = join(dir, 'config.yml');
  original = Buffer.from(
    Array.from({ length: 20_000 }, (_, index) => `  # line ${index}: the original config, which must survive\r\n`).join(''),
  );
  fs.writeFileSync(target, original, { mode: 0o640 });
  fs.chmodSync(target, 0o640);
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomic under SIGKILL (built module, child process)', () => {
  it('leaves the original byte-identical when killed in the middle of writing a large file', async () => {
    const size = 8 * 1024 * 1024;
    const writer = startWriter(target, size, 64 * 1024, 15);
    const temporary = await writer.waitFor('WRITING ');
    await sleep(150);
    const partial = fs.statSync(temporary).size;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(size);

    writer.child.kill('SIGKILL');
    expect(await writer.exited).toBe('SIGKILL');

    expect(fs.readFileSync(target).equals(original)).toBe(true);
    expect(fs.statSync(target).mode & 0o777).toBe(0o640);
    // A killed process cannot clean up: what is left is only the hidden temporary file, never the config.
    const leftovers = fs.readdirSync(dir).filter((name) => name !== 'config.yml');
    expect(leftovers).toEqual([temporary.slice(dir.length + 1)]);
    expect(leftovers[0]).toMatch(/^\.config\.yml\.[0-9a-f]{12}\.tmp$/);
  }, 30_000);

  it('shows either all of the old bytes or all of the new ones, wherever the kill lands', async () => {
    const size = 1024 * 1024;
    const fresh = Buffer.alloc(size, 'N');
    const outcomes: string[] = [];
    for (const delay of [0, 20, 60, 120, 200, 400, -1]) {
      fs.writeFileSync(target, original);
      const writer = startWriter(target, size, 64 * 1024, 8);
      if (delay === -1) {
        await writer.waitFor('DONE');
      } else {
        await writer.waitFor('WRITING ');
        await sleep(delay);
      }
      writer.child.kill('SIGKILL');
      await writer.exited;
      const now = fs.readFileSync(target);
      const outcome = now.equals(original) ? 'old' : now.equals(fresh) ? 'new' : 'torn';
      outcomes.push(outcome);
      for (const name of fs.readdirSync(dir)) if (name.endsWith('.tmp')) fs.rmSync(join(dir, name));
    }
    expect(outcomes).not.toContain('torn');
    expect(outcomes[0]).toBe('old');
    expect(outcomes[outcomes.length - 1]).toBe('new');
  }, 60_000);
});
