import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { tempTree } from '../../test/support/temp-dir';
import { resolveInputs } from './inputs';
import type { InputSource } from './inputs';
import { findYamlFiles, looksLikeKometaFile } from './walk';

const CONFIG = 'libraries:\n  Movies:\n    collection_files:\n      - default: imdb\n';

const displays = (sources: readonly InputSource[]): string[] => sources.map((source) => source.display);

describe('looksLikeKometaFile', () => {
  it.each([
    'libraries:\n',
    'plex:\n  url: x\n',
    '---\ntmdb: {}\n',
    '"settings": {}\n',
    "# c\nlibraries :\n",
    'collections:\n  A: {}\n',
    'templates:\n  t:\n    plex: 1\n',
    'overlays:\n  4K: {}\n',
    'queues: {}\n',
    "'metadata':\n",
    'playlists:\n',
    'dynamic_collections:\n',
  ])('accepts %j', (text) => expect(looksLikeKometaFile(text)).toBe(true));
  it.each(['librariesx: 1\n', 'services:\n  kometa:\n    image: kometateam/kometa\n', '  collections:\n', ''])('rejects %j', (text) =>
    expect(looksLikeKometaFile(text)).toBe(false),
  );
});

describe('findYamlFiles', () => {
  const tree = tempTree({
    'b.yml': '',
    'a.yaml': '',
    'notes.txt': '',
    'sub/c.YML': '',
    '.git/d.yml': '',
    'node_modules/pkg/e.yml': '',
    'sub/deeper/f.yml': '',
  });
  afterAll(() => tree.remove());

  it('finds YAML files depth-first in name order, skipping node_modules and dot-folders', () => {
    expect(findYamlFiles('.', (p) => join(tree.root, p))).toEqual(['a.yaml', 'b.yml', join('sub', 'c.YML'), join('sub', 'deeper', 'f.yml')]);
  });
  it('does not loop on a symlinked folder', () => {
    symlinkSync(tree.root, join(tree.root, 'sub', 'loop'));
    expect(findYamlFiles('sub', (p) => join(tree.root, p))).toEqual([join('sub', 'c.YML'), join('sub', 'deeper', 'f.yml')]);
  });
});

describe('resolveInputs', () => {
  const tree = tempTree({
    'config.yml': CONFIG,
    'config/config.yml': CONFIG,
    'configs/movies.yml': CONFIG,
    'configs/collections.yml': 'collections:\n  Top: {}\n',
    'configs/binary.yml': Buffer.from([0x00, 0x01]),
    'configs/.hidden/config.yml': CONFIG,
    'empty-dir/readme.md': '# nothing\n',
    'collections/a.yml': 'collections: {}\n',
  });
  afterAll(() => tree.remove());
  const options = { cwd: tree.root, maxBytes: 1024 * 1024 };

  it('defaults to config.yml and config/config.yml', () => {
    expect(displays(resolveInputs([], options).sources)).toEqual(['config.yml', 'config/config.yml']);
  });
  it('says where it looked when there is no default config', () => {
    expect(() => resolveInputs([], { ...options, cwd: join(tree.root, 'empty-dir') })).toThrow(
      expect.objectContaining({ code: 'NO_INPUT', message: expect.stringContaining('config.yml or config/config.yml') }),
    );
  });
  it('keeps explicit files even when they do not look like configs, and missing ones for the reader to report', () => {
    const { sources, problems } = resolveInputs(['configs/collections.yml', 'nope.yml'], options);
    expect(displays(sources)).toEqual(['configs/collections.yml', 'nope.yml']);
    expect(problems).toEqual([]);
  });
  it('lints only Kometa files found in a folder (configs and linked files), with their text already read', () => {
    const { sources, problems } = resolveInputs(['configs'], options);
    expect(sources).toEqual([
      { kind: 'file', display: join('configs', 'collections.yml'), path: join(tree.root, 'configs', 'collections.yml'), text: 'collections:\n  Top: {}\n' },
      { kind: 'file', display: join('configs', 'movies.yml'), path: join(tree.root, 'configs', 'movies.yml'), text: CONFIG },
    ]);
    expect(problems).toEqual([]);
  });
  it('reports a folder with no Kometa file as a problem and goes on', () => {
    const { sources, problems } = resolveInputs(['empty-dir', 'config.yml'], options);
    expect(displays(sources)).toEqual(['config.yml']);
    expect(problems.map((p) => [p.code, p.message])).toEqual([['NO_CONFIG_IN_DIRECTORY', expect.stringMatching(/^empty-dir: is a directory with no Kometa file/)]]);
  });
  it('expands globs in sorted order and reports a glob with no match', () => {
    const { sources, problems } = resolveInputs(['configs/*.yml', '**/*.json'], options);
    expect(displays(sources)).toEqual(['configs/binary.yml', 'configs/collections.yml', 'configs/movies.yml']);
    expect(problems.map((p) => p.code)).toEqual(['GLOB_NO_MATCH']);
    expect(problems[0]?.message).toBe('**/*.json: no files match this pattern');
  });
  it('treats a path that exists literally as a path even if it has glob characters', () => {
    const bracketTree = tempTree({ 'config[1].yml': CONFIG });
    try {
      expect(displays(resolveInputs(['config[1].yml'], { ...options, cwd: bracketTree.root }).sources)).toEqual(['config[1].yml']);
    } finally {
      bracketTree.remove();
    }
  });
  it('checks a file named twice only once', () => {
    expect(displays(resolveInputs(['config.yml', './config.yml', 'config*.yml'], options).sources)).toEqual(['config.yml']);
  });
  it('reads stdin under the --stdin-filepath name, relative to its folder', () => {
    expect(resolveInputs(['-'], { ...options, stdinFilepath: 'config/config.yml' }).sources).toEqual([
      { kind: 'stdin', display: 'config/config.yml', configDir: join(tree.root, 'config') },
    ]);
    expect(resolveInputs([], { ...options, stdinFilepath: 'x.yml' }).sources).toEqual([{ kind: 'stdin', display: 'x.yml', configDir: tree.root }]);
    expect(resolveInputs(['-'], options).sources).toEqual([{ kind: 'stdin', display: '<stdin>' }]);
  });
  it('refuses --stdin-filepath with paths but no -', () => {
    expect(() => resolveInputs(['config.yml'], { ...options, stdinFilepath: 'x.yml' })).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });
});
