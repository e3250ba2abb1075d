import { readdirSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import type { LintHost } from '@pmm-config/lint';
import { CliError } from '../errors';
import { MAX_INPUT_BYTES, readConfigFile } from './read';

/**
 * The lint engine's window on the disk, for files a config links to (`collection_files: - file: ...`).
 * Failures are findings to the engine (at the link), never crashes or exit 2.
 */
export function createFsLintHost(maxBytes: number = MAX_INPUT_BYTES, cwd: string = process.cwd()): LintHost {
  return {
    readFile(path) {
      const display = relative(cwd, path) || path;
      try {
        return { text: readConfigFile(path, display, maxBytes) };
      } catch (error) {
        // The engine names the file itself; keep only what went wrong.
        const message = error instanceof CliError ? error.message : String(error);
        return { problem: message.startsWith(`${display}: `) ? message.slice(display.length + 2) : message };
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
