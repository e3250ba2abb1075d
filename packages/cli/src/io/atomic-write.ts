import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The part of an open file that {@link writeFileAtomic} uses (a subset of `fs/promises` FileHandle). */
export interface AtomicWriteHandle {
  write(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  chmod(mode: number): Promise<void>;
  chown(uid: number, gid: number): Promise<void>;
  close(): Promise<void>;
}

/** The file-system calls {@link writeFileAtomic} makes; injectable so tests can slow down or break each step. */
export interface AtomicWriteFs {
  realpath(path: string): Promise<string>;
  readFile(path: string): Promise<Buffer>;
  stat(path: string): Promise<{ mode: number; uid: number; gid: number }>;
  open(path: string, flags: string, mode?: number): Promise<AtomicWriteHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /**
   * The bytes the file held when it was read. If the file now holds anything else (or is gone), nothing is
   * written and {@link ConfigChangedError} is thrown. A string is compared as its UTF-8 bytes.
   */
  readonly expectedOriginal?: Buffer | string;
  /** Keep a copy of the original bytes as `<name>.bak` (same mode) before replacing the file. */
  readonly backup?: boolean;
  /**
   * Permissions of a file that does not exist yet, less the umask: 0o600 (private) unless given;
   * files meant to be shared, such as an editor's schema copy, pass 0o644.
   */
  readonly newFileMode?: number;
  /** File-system calls; `node:fs/promises` by default. */
  readonly fs?: AtomicWriteFs;
}

/** The file changed on disk between reading it and writing it; it was left as it is. Exit code 1 in the CLI. */
export class ConfigChangedError extends Error {
  override readonly name = 'ConfigChangedError';
  readonly code = 'CONFIG_CHANGED';

  constructor(readonly path: string) {
    super(`${path} changed on disk since it was read; nothing was written`);
  }
}

const defaultFs: AtomicWriteFs = {
  realpath: (path) => nodeFs.realpath(path),
  readFile: (path) => nodeFs.readFile(path),
  stat: (path) => nodeFs.stat(path),
  open: (path, flags, mode) => nodeFs.open(path, flags, mode),
  rename: (from, to) => nodeFs.rename(from, to),
  unlink: (path) => nodeFs.unlink(path),
};

/** Mode for a file that does not exist yet, by default: private, since configs hold tokens. */
const NEW_FILE_MODE = 0o600;

/**
 * Replaces a file so that readers (and a crash at any moment) see either all of the old bytes or all of the
 * new ones: the data goes to `.<name>.<random>.tmp` in the same folder with the original's mode (and owner,
 * where allowed), is fsynced, renamed over the original, and the folder is fsynced so the rename survives a
 * power cut. A symlinked config is written through to its target, so the link stays a link.
 *
 * On any failure the temporary file is removed and the original is untouched. File-system errors are rethrown
 * as they are (with their `code`, e.g. `EACCES`, `ENOSPC`; `EBUSY` for a file bind-mounted on its own into a
 * container, which cannot be renamed over: writing it in place instead would give up atomicity).
 *
 * @throws {ConfigChangedError} when `expectedOriginal` no longer matches the file.
 */
export async function writeFileAtomic(path: string, data: Buffer | string, options: WriteFileAtomicOptions = {}): Promise<void> {
  const fs = options.fs ?? defaultFs;
  const target = await resolveTarget(fs, path);
  const expected = options.expectedOriginal === undefined ? undefined : toBuffer(options.expectedOriginal);
  const original = await readIfExists(fs, target);
  if (expected !== undefined && (original === undefined || !original.equals(expected))) {
    throw new ConfigChangedError(path);
  }
  const stats = original === undefined ? undefined : await fs.stat(target);
  const mode = stats === undefined ? (options.newFileMode ?? NEW_FILE_MODE) : stats.mode & 0o7777;
  if (options.backup && original !== undefined) {
    await replaceFile(fs, `${target}.bak`, original, mode, stats);
  }
  await replaceFile(fs, target, toBuffer(data), mode, stats, async () => {
    // Narrows the window for an editor saving the file while we wrote ours.
    if (expected !== undefined) {
      const now = await readIfExists(fs, target);
      if (now === undefined || !now.equals(expected)) throw new ConfigChangedError(path);
    }
  });
}

async function replaceFile(
  fs: AtomicWriteFs,
  target: string,
  data: Buffer,
  mode: number,
  replaced: { uid: number; gid: number } | undefined,
  beforeRename?: () => Promise<void>,
): Promise<void> {
  const folder = dirname(target);
  const temporary = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temporary, 'wx', mode);
  try {
    try {
      // open() applies the umask, as for any new file; a replacement carries exactly the original's permissions.
      if (replaced !== undefined) {
        await handle.chmod(mode);
        await handle.chown(replaced.uid, replaced.gid).catch(ignore);
      }
      await writeAll(handle, data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (beforeRename) await beforeRename();
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.unlink(temporary).catch(ignore);
    throw error;
  }
  await syncFolder(fs, folder);
}

async function writeAll(handle: AtomicWriteHandle, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset, offset);
    if (bytesWritten <= 0) throw Object.assign(new Error('the write made no progress'), { code: 'EIO' });
    offset += bytesWritten;
  }
}

/** Makes the rename durable. Some platforms and file systems cannot open or fsync a folder; that is not fatal. */
async function syncFolder(fs: AtomicWriteFs, folder: string): Promise<void> {
  let handle: AtomicWriteHandle | undefined;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch {
    // The data itself is already fsynced and renamed; only durability across a power cut is weaker here.
  } finally {
    await handle?.close().catch(ignore);
  }
}

async function resolveTarget(fs: AtomicWriteFs, path: string): Promise<string> {
  try {
    return await fs.realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return path;
    throw error;
  }
}

async function readIfExists(fs: AtomicWriteFs, path: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function toBuffer(data: Buffer | string): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

function ignore(): void {
  // Best effort: cleanup and ownership must never hide the real outcome.
}
