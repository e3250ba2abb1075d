import { readdirSync, statSync } from 'node:fs';
import type { LintHost } from '@pmm-config/lint';
import { MAX_INPUT_BYTES, readConfigFile } from './read';

/**
 * The lint engine's window on the disk, for files a config links to (`collection_files: - file: ...`).
 * Failures mean "not there" to the engine, which reports them as findings rather than crashes.
 */
export function createFsLintHost(maxBytes: number = MAX_INPUT_BYTES): LintHost {
  return {
    readFile(path) {
      try {
        return readConfigFile(path, path, maxBytes);
      } catch {
        return undefined;
      }
    },
    stat(path) {
      try {
        const stats = statSync(path, { throwIfNoEntry: false });
        if (stats?.isFile()) return 'file';
        if (stats?.isDirectory()) return 'directory';
        return undefined;
      } catch {
        return undefined;
      }
    },
    listDirectory(path) {
      try {
        return readdirSync(path);
      } catch {
        return [];
      }
    },
  };
}
