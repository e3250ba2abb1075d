import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers see either the old or the new content, never a torn one: a temporary file
 * in the same folder, flushed, then renamed over the target. An existing file keeps its permission bits.
 */
export function writeFileAtomic(path: string, content: string | Buffer): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let mode = 0o666;
  try {
    mode = statSync(path).mode & 0o777;
  } catch {
    // A new file gets the default mode (minus the umask).
  }
  const fd = openSync(temporary, 'wx', mode);
  try {
    try {
      writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
