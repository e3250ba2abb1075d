import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throw-away folder with the given files (path -> content); `remove()` deletes it. */
export function tempTree(files: Record<string, string | Buffer> = {}): { root: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'pmm-cli-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
