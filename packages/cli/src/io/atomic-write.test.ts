import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigChangedError, writeFileAtomic } from './atomic-write';
import type { AtomicWriteFs, AtomicWriteHandle } from './atomic-write';

let dir: string;
let file: string;
const ORIGINAL = Buffer.from('trakt:\r\n  client_id: id # keep\r\n');
const NEXT = Buffer.from('trakt:\r\n  client_id: id # keep\r\n  pin:\r\n');

beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'pmm-atomic-'));
  file = join(dir, 'config.yml');
  fs.writeFileSync(file, ORIGINAL);
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const entries = (): string[] => fs.readdirSync(dir).sort();
const modeOf = (path: string): number => fs.statSync(path).mode & 0o777;

/** The real fs with one step replaced, to break or observe it. */
function fsWith(overrides: Partial<AtomicWriteFs>, handleOverrides: Partial<AtomicWriteHandle> = {}): AtomicWriteFs {
  return {
    realpath: (path) => fsp.realpath(path),
    readFile: (path) => fsp.readFile(path),
    stat: (path) => fsp.stat(path),
    open: async (path, flags, mode) => {
      const handle = await fsp.open(path, flags, mode);
      return {
        write: (buffer, offset, length, position) => handle.write(buffer, offset, length, position),
        sync: () => handle.sync(),
        chmod: (m) => handle.chmod(m),
        chown: (uid, gid) => handle.chown(uid, gid),
        close: () => handle.close(),
        ...handleOverrides,
      };
    },
    rename: (from, to) => fsp.rename(from, to),
    unlink: (path) => fsp.unlink(path),
    ...overrides,
  };
}

describe('writeFileAtomic', () => {
  it('replaces the bytes and leaves no temporary file', async () => {
    await writeFileAtomic(file, NEXT, { expectedOriginal: ORIGINAL });
    expect(fs.readFileSync(file).equals(NEXT)).toBe(true);
    expect(entries()).toEqual(['config.yml']);
  });

  it.each(['600', '644', '640'])('keeps the mode %s of the original', async (octal) => {
    const mode = Number.parseInt(octal, 8);
    fs.chmodSync(file, mode);
    await writeFileAtomic(file, NEXT);
    expect(modeOf(file)).toBe(mode);
  });

  it('creates a missing file privately when nothing was expected', async () => {
    const fresh = join(dir, 'new.yml');
    await writeFileAtomic(fresh, 'a: 1\n');
    expect(fs.readFileSync(fresh, 'utf8')).toBe('a: 1\n');
    expect(modeOf(fresh)).toBe(0o600);
  });

  it('creates a missing file with the given mode less the umask, for files that are not secrets', async () => {
    const previous = process.umask(0o027);
    try {
      const fresh = join(dir, 'schema.json');
      await writeFileAtomic(fresh, '{}\n', { newFileMode: 0o644 });
      expect(modeOf(fresh)).toBe(0o640);
    } finally {
      process.umask(previous);
    }
  });

  it('keeps the mode of an existing file whatever newFileMode says', async () => {
    fs.chmodSync(file, 0o600);
    await writeFileAtomic(file, NEXT, { newFileMode: 0o644 });
    expect(modeOf(file)).toBe(0o600);
  });

  it('accepts the original as text, compared as UTF-8 bytes', async () => {
    await writeFileAtomic(file, 'x: 1\n', { expectedOriginal: ORIGINAL.toString('utf8') });
    expect(fs.readFileSync(file, 'utf8')).toBe('x: 1\n');
  });

  it('refuses with CONFIG_CHANGED when the file changed since it was read, writing nothing', async () => {
    fs.writeFileSync(file, 'edited by the user\n');
    const attempt = writeFileAtomic(file, NEXT, { expectedOriginal: ORIGINAL, backup: true });
    await expect(attempt).rejects.toBeInstanceOf(ConfigChangedError);
    await expect(attempt).rejects.toMatchObject({ code: 'CONFIG_CHANGED' });
    expect(fs.readFileSync(file, 'utf8')).toBe('edited by the user\n');
    expect(entries()).toEqual(['config.yml']);
  });

  it('refuses with CONFIG_CHANGED when the file was deleted since it was read', async () => {
    fs.rmSync(file);
    await expect(writeFileAtomic(file, NEXT, { expectedOriginal: ORIGINAL })).rejects.toMatchObject({ code: 'CONFIG_CHANGED' });
    expect(entries()).toEqual([]);
  });

  it('refuses when the file changes while the new content is being written', async () => {
    const racing = fsWith({}, {
      sync: async () => {
        fs.writeFileSync(file, 'saved from an editor meanwhile\n');
      },
    });
    await expect(writeFileAtomic(file, NEXT, { expectedOriginal: ORIGINAL, fs: racing })).rejects.toMatchObject({ code: 'CONFIG_CHANGED' });
    expect(fs.readFileSync(file, 'utf8')).toBe('saved from an editor meanwhile\n');
    expect(entries()).toEqual(['config.yml']);
  });

  it('keeps <name>.bak with the original bytes and mode when asked', async () => {
    fs.chmodSync(file, 0o600);
    await writeFileAtomic(file, NEXT, { expectedOriginal: ORIGINAL, backup: true });
    expect(fs.readFileSync(`${file}.bak`).equals(ORIGINAL)).toBe(true);
    expect(modeOf(`${file}.bak`)).toBe(0o600);
    expect(fs.readFileSync(file).equals(NEXT)).toBe(true);
    expect(entries()).toEqual(['config.yml', 'config.yml.bak']);
  });

  it('writes through a symlink to its target and keeps the link', async () => {
    const real = join(dir, 'real.yml');
    fs.renameSync(file, real);
    fs.symlinkSync(real, file);
    await writeFileAtomic(file, NEXT, { expectedOriginal: ORIGINAL });
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real).equals(NEXT)).toBe(true);
  });

  it.each<[string, Partial<AtomicWriteFs>, Partial<AtomicWriteHandle>]>([
    ['the write fails (disk full)', {}, { write: async () => Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' })) }],
    ['fsync fails', {}, { sync: async () => Promise.reject(Object.assign(new Error('io'), { code: 'EIO' })) }],
    ['the write makes no progress', {}, { write: async () => ({ bytesWritten: 0 }) }],
    ['the rename fails', { rename: async () => Promise.reject(Object.assign(new Error('busy'), { code: 'EBUSY' })) }, {}],
  ])('leaves the original untouched and removes the temporary file when %s', async (_, overrides, handleOverrides) => {
    const attempt = writeFileAtomic(file, NEXT, { expectedOriginal: ORIGINAL, fs: fsWith(overrides, handleOverrides) });
    await expect(attempt).rejects.toHaveProperty('code');
    expect(fs.readFileSync(file).equals(ORIGINAL)).toBe(true);
    expect(entries()).toEqual(['config.yml']);
  });

  it('writes in several chunks when the file system takes less than all of it', async () => {
    const big = Buffer.alloc(300_000, 'k');
    const chunky = fsWith({}, {});
    const open = chunky.open;
    chunky.open = async (path, flags, mode) => {
      const handle = await open(path, flags, mode);
      return { ...handle, write: (buffer, offset, length, position) => handle.write(buffer, offset, Math.min(length, 4096), position) };
    };
    await writeFileAtomic(file, big, { fs: chunky });
    expect(fs.readFileSync(file).equals(big)).toBe(true);
  });

  it('still succeeds where the folder cannot be fsynced', async () => {
    const noDirSync = fsWith({});
    const open = noDirSync.open;
    noDirSync.open = async (path, flags, mode) => {
      if (path === dir) throw Object.assign(new Error('not supported'), { code: 'EISDIR' });
      return open(path, flags, mode);
    };
    await writeFileAtomic(file, NEXT, { fs: noDirSync });
    expect(fs.readFileSync(file).equals(NEXT)).toBe(true);
  });

  it('reports a missing folder with the file-system code and creates nothing', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'config.yml'), NEXT)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(entries()).toEqual(['config.yml']);
  });

  // Root ignores folder permissions, so this can only be observed as another user.
  const asNonRoot = process.getuid?.() === 0 ? it.skip : it;
  asNonRoot('reports a folder it cannot write to with the file-system code and changes nothing', async () => {
    fs.chmodSync(dir, 0o500);
    try {
      await expect(writeFileAtomic(file, NEXT)).rejects.toMatchObject({ code: 'EACCES' });
      expect(fs.readFileSync(file).equals(ORIGINAL)).toBe(true);
    } finally {
      fs.chmodSync(dir, 0o700);
    }
  });
});
