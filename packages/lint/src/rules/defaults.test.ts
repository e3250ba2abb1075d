import * as schema from '@pmm-config/schema';
import { lint } from '../lint';
import { defaultBlocks } from './default-blocks';

jest.mock('@pmm-config/schema', () => {
  const actual = jest.requireActual<typeof import('@pmm-config/schema')>('@pmm-config/schema');
  return { ...actual, loadDefaults: jest.fn(actual.loadDefaults) };
});

const HEAD = 'plex:\n  url: http://plex:32400\n  token: abc\ntmdb:\n  apikey: 0123456789abcdef\n';
const ours = (text: string) =>
  lint(HEAD + text, { file: 'config.yml' })
    .diagnostics.filter((d) => d.rule === 'core/default-file' || d.rule === 'core/template-variables')
    .map((d) => `${d.severity} ${d.pointer}`);

describe('defaultBlocks', () => {
  it("follows Kometa's load_files: default, pmm and exactly `git: PMM/`, never metadata_files defaults", () => {
    const blocks = defaultBlocks({
      libraries: {
        Movies: {
          collection_files: [{ default: 'imdb' }, { pmm: 'tmdb' }, { git: 'PMM/basic' }, { git: 'pmm/basic' }, { file: 'x.yml' }, 'bare.yml'],
          metadata_files: [{ default: 'imdb' }],
        },
      },
    });
    expect(blocks.map((b) => [b.block.list, b.defaults.map((d) => `${d.key}:${d.name}`), b.otherSources])).toEqual([
      ['collection_files', ['default:imdb'], false],
      ['collection_files', ['pmm:tmdb'], false],
      ['collection_files', ['git:basic'], false],
      ['collection_files', [], true],
      ['collection_files', [], true],
      ['metadata_files', [], false],
    ]);
    expect(blocks[0]?.libraryPointer).toBe('/libraries/Movies');
  });
});

describe('the defaults data is loaded only when needed', () => {
  beforeEach(() => jest.mocked(schema.loadDefaults).mockClear());

  it('is not read for a config without defaults', () => {
    expect(ours('libraries:\n  Movies:\n    collection_files:\n      - file: config/movies.yml\n')).toEqual([]);
    expect(schema.loadDefaults).not.toHaveBeenCalled();
  });

  it('is read for a config with a default', () => {
    ours('libraries:\n  Movies:\n    collection_files:\n      - default: imdb\n');
    expect(schema.loadDefaults).toHaveBeenCalled();
  });
});

describe('library-level template_variables', () => {
  it('are fine when any linked default reads them, and checked against the blocks they reach', () => {
    const config = (lib: string, block = '') =>
      `libraries:\n  Movies:\n    template_variables:\n${lib}    collection_files:\n      - default: imdb\n${block}      - default: streaming\n`;
    // use_separator: streaming reads it, imdb does not: no warning.
    expect(ours(config('      use_separator: false\n'))).toEqual([]);
    expect(ours(config('      sep_style: violet\n'))).toEqual(['error /libraries/Movies/template_variables/sep_style']);
    expect(ours(config('      no_such_thing: 1\n'))).toEqual(['warning /libraries/Movies/template_variables/no_such_thing']);
    // The block's own value wins, so the library's value never reaches imdb.
    expect(ours(config('      sync_mode: apend\n', '        template_variables:\n          sync_mode: sync\n'))).toEqual([
      'error /libraries/Movies/template_variables/sync_mode',
    ]);
  });

  it('may go to the library’s own files: unknown names are not reported then', () => {
    expect(ours('libraries:\n  Movies:\n    template_variables:\n      mine: 1\n    collection_files:\n      - default: imdb\n      - url: https://x/y.yml\n')).toEqual([]);
  });
});
