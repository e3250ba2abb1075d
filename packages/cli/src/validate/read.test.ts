import { tempTree } from '../../test/support/temp-dir';
import { decodeConfigText, formatBytes, readConfigFile } from './read';
import { join } from 'node:path';
import { chmodSync } from 'node:fs';

describe('readConfigFile', () => {
  const tree = tempTree({
    'config.yml': 'libraries: {}\n',
    'bom.yml': '\uFEFFtmdb:\n  apikey: x\n',
    'binary.yml': Buffer.from([0x6c, 0x69, 0x00, 0x62]),
    'latin1.yml': Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]),
    'big.yml': 'a'.repeat(2048),
    'locked.yml': 'plex: {}\n',
    'folder/x.yml': 'x: 1\n',
  });
  afterAll(() => tree.remove());
  const path = (name: string): string => join(tree.root, name);

  it('reads UTF-8 text', () => {
    expect(readConfigFile(path('config.yml'), 'config.yml')).toBe('libraries: {}\n');
  });
  it('drops a byte order mark as Kometa does', () => {
    expect(readConfigFile(path('bom.yml'), 'bom.yml')).toBe('tmdb:\n  apikey: x\n');
  });
  it.each([
    ['missing.yml', 'INPUT_NOT_FOUND', /^missing\.yml: no such file or directory$/],
    ['folder', 'INPUT_IS_DIRECTORY', /^folder: is a directory/],
    ['binary.yml', 'INPUT_BINARY', /^binary\.yml: looks like a binary file/],
    ['latin1.yml', 'INPUT_NOT_UTF8', /^latin1\.yml: is not valid UTF-8/],
    ['config.yml/nested.yml', 'INPUT_NOT_FOUND', /not a directory/],
  ])('reports %s as %s in one line naming the path', (name, code, message) => {
    expect(() => readConfigFile(path(name), name)).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message) }));
  });
  it('refuses files over the size cap without reading them', () => {
    expect(() => readConfigFile(path('big.yml'), 'big.yml', 1024)).toThrow(
      expect.objectContaining({ code: 'INPUT_TOO_LARGE', message: 'big.yml: is larger than 1 KiB, too big to be a Kometa config' }),
    );
    expect(readConfigFile(path('big.yml'), 'big.yml', 2048)).toHaveLength(2048);
  });
  it('caps endless devices too', () => {
    expect(() => readConfigFile('/dev/zero', '/dev/zero', 1024)).toThrow(expect.objectContaining({ code: 'INPUT_TOO_LARGE' }));
  });
  // root reads any file, so the permission check only means something for other users.
  (process.getuid?.() === 0 ? it.skip : it)('reports a file it may not read', () => {
    chmodSync(path('locked.yml'), 0o000);
    expect(() => readConfigFile(path('locked.yml'), 'locked.yml')).toThrow(expect.objectContaining({ code: 'INPUT_UNREADABLE', message: 'locked.yml: permission denied' }));
  });
});

describe('decodeConfigText', () => {
  it('keeps non-ASCII text intact', () => {
    expect(decodeConfigText(Buffer.from('name: Filme für Kinder\n'), 'x')).toBe('name: Filme für Kinder\n');
  });
});

describe('formatBytes', () => {
  it('uses the largest whole unit', () => {
    expect([formatBytes(512), formatBytes(1536), formatBytes(4 * 1024 * 1024)]).toEqual(['512 bytes', '1.5 KiB', '4 MiB']);
  });
});
