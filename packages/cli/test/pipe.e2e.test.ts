import { spawn } from 'node:child_process';
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
