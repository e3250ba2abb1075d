import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { builtMain } from './support/run-built-cli';
import { tempTree } from './support/temp-dir';

describe('pmm-config validate | head', () => {
  const unknownKeys = Array.from({ length: 3000 }, (_, i) => `  unknown_${i}: 1`).join('\n');
  const tree = tempTree({ 'many.yml': `libraries:\n  Movies:\n    collection_files:\n      - default: imdb\ntmdb:\n  apikey: x\nsettings:\n${unknownKeys}\n` });
  afterAll(() => tree.remove());

  it('stops quietly when the reader closes the pipe early', async () => {
    const child = spawn(process.execPath, [builtMain, 'validate', join(tree.root, 'many.yml')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });
});

/** Runs the built CLI with stdout a pipe whose reading end is already closed, as after `| head -1` exits. */
function runIntoClosedPipe(args: readonly string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [builtMain, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('every command ends quietly when stdout is closed', () => {
  const tree = tempTree({ 'config.yml': 'libraries:\n  Movies:\n    collection_files:\n      - default: imdb\ntmdb:\n  apikey: x\nsetings: {}\n' });
  afterAll(() => tree.remove());

  it.each([
    [['schema'], 0],
    [['schema', '--path'], 0],
    [['--help'], 0],
    [['--version'], 0],
    [['auth', '--help'], 0],
    [['completion', 'bash'], 0],
    [['validate', 'config.yml'], 1],
    [['validate', 'config.yml', '-f', 'sarif'], 1],
  ])('%j', async (args, expected) => {
    const run = await runIntoClosedPipe(args, tree.root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(expected);
  });

  it('reports any other write failure (a full disk) in one line with exit code 2', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [builtMain, 'schema'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(run.stderr).toBe('pmm-config: cannot write to stdout: ENOSPC\n');
      expect(run.status).toBe(2);
    } finally {
      closeSync(full);
    }
  });
});
