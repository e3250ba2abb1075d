import { BASE, findings, lintText, memoryHost } from '../../test/helpers';
import { lint } from '../lint';

const library = (body: string) => `${BASE}libraries:\n  Movies:\n${body}`;

describe('core/required-section', () => {
  it('accepts tmdb with an apikey and a library', () => {
    expect(findings(lintText(library('    collection_files:\n      - default: basic\n')), 'core/required-section')).toEqual([]);
  });
  it('errors without a tmdb section', () => {
    expect(findings(lintText('plex:\n  url: x\n  token: y\nlibraries:\n  Movies:\n'), 'core/required-section')).toEqual([
      expect.objectContaining({ severity: 'error', pointer: '/tmdb', line: 1, column: 1 }),
    ]);
  });
  it('errors on empty libraries at the libraries key', () => {
    expect(findings(lintText(`${BASE}libraries: {}\n`), 'core/required-section')).toEqual([expect.objectContaining({ severity: 'error', pointer: '/libraries', line: 6 })]);
  });
  it('warns (not errors) on a blank apikey, as shared configs leave it', () => {
    expect(findings(lintText('tmdb:\n  apikey:\nlibraries:\n  Movies:\n'), 'core/required-section')).toEqual([
      expect.objectContaining({ severity: 'warning', pointer: '/tmdb/apikey', line: 2 }),
    ]);
  });
  it('counts a placeholder apikey as set', () => {
    expect(findings(lintText('tmdb:\n  apikey: <<TMDB_KEY>>\nlibraries:\n  Movies:\n'), 'core/required-section')).toEqual([]);
  });
});

describe('core/definitions-in-library', () => {
  it('accepts file links', () => {
    expect(findings(lintText(library('    collection_files:\n      - file: config/m.yml\n')), 'core/definitions-in-library')).toEqual([]);
  });
  it('errors on each definition key with Kometa’s message', () => {
    const result = lintText(library('    collections:\n      Foo:\n        plex_all: true\n    overlays:\n      Bar: {}\n'));
    expect(findings(result, 'core/definitions-in-library')).toEqual([
      expect.objectContaining({ line: 8, column: 5, severity: 'error', pointer: '/libraries/Movies/collections', message: expect.stringContaining("The 'Movies' library config contains collections definitions.") }),
      expect.objectContaining({ line: 11, column: 5, pointer: '/libraries/Movies/overlays', hint: expect.stringContaining('overlay_files') }),
    ]);
  });
  it('ignores a library with a blank body and definition-like names elsewhere', () => {
    expect(findings(lintText(`${BASE}collections: {}\nlibraries:\n  Movies:\n`), 'core/definitions-in-library')).toEqual([]);
  });
});

describe('core/deprecated-key', () => {
  it('warns with the replacement named', () => {
    const result = lintText(`${BASE}settings:\n  save_missing: true\nlibraries:\n  Movies:\n    metadata_path:\n      - pmm: imdb\n`);
    expect(findings(result, 'core/deprecated-key')).toEqual([
      expect.objectContaining({ line: 7, column: 3, severity: 'warning', pointer: '/settings/save_missing', hint: 'Use `save_report` instead.' }),
      expect.objectContaining({ line: 10, pointer: '/libraries/Movies/metadata_path', hint: 'Use `collection_files` and `metadata_files` instead.' }),
    ]);
  });
  it('puts each name of a replacement in its own code span', () => {
    // The real deprecation table: its operation replacements are a key with a setting.
    const result = lint(library('    operations:\n      delete_unmanaged_collections: true\n      delete_collections_with_less: 2\n'), { file: 'config.yml' });
    expect(findings(result, 'core/deprecated-key').map((finding) => finding.hint)).toEqual([
      'Use `delete_collections` with `managed: false` instead.',
      'Use `delete_collections` with `less: <n>` instead.',
    ]);
  });
  it('matches wildcards over list items', () => {
    const result = lintText(library('    collection_files:\n      - default: basic\n      - pmm: imdb\n'));
    expect(findings(result, 'core/deprecated-key')).toEqual([expect.objectContaining({ pointer: '/libraries/Movies/collection_files/1/pmm', line: 10, column: 9 })]);
  });
  it('does not report current keys', () => {
    expect(findings(lintText(`${BASE}settings:\n  save_report: true\n`), 'core/deprecated-key')).toEqual([]);
  });
});

describe('core/repo-without-custom-repo', () => {
  it('errors on repo: without settings.custom_repo', () => {
    expect(findings(lintText(library('    collection_files:\n      - repo: movies/awards\n')), 'core/repo-without-custom-repo')).toEqual([
      expect.objectContaining({ line: 9, column: 9, severity: 'error', pointer: '/libraries/Movies/collection_files/0/repo' }),
    ]);
  });
  it('accepts repo: with custom_repo (a placeholder counts)', () => {
    expect(findings(lintText(`settings:\n  custom_repo: <<REPO>>\n${library('    collection_files:\n      - repo: movies/awards\n')}`), 'core/repo-without-custom-repo')).toEqual([]);
  });
  it('also checks a single block and playlist_files', () => {
    const result = lintText(`${BASE}playlist_files:\n  repo: playlists\nlibraries:\n  Movies:\n    overlay_files:\n      repo: overlays\n`);
    expect(findings(result, 'core/repo-without-custom-repo').map((f) => f.pointer)).toEqual(['/playlist_files/repo', '/libraries/Movies/overlay_files/repo']);
  });
});

describe('core/schedule', () => {
  it.each(['daily', 'weekly(sunday)', 'Weekly (monday|fri)', 'hourly(3)', 'hourly(22-4)', 'monthly(1|15)', 'yearly(01/31)', 'range(12/01-12/31|01/01-01/07)', 'date(12/25/2026)', 'never', 'non_existing', 'all[weekly(sunday), hourly(3)]', 'daily, weekly(sunday)'])(
    'accepts %s',
    (schedule) => expect(findings(lintText(library(`    schedule: ${schedule}\n`)), 'core/schedule')).toEqual([]),
  );
  it.each(['weekly(funday)', 'hourly(24)', 'monthly(32)', 'yearly(13/01)', 'sometimes', 'weekly', 'range(01/01)'])('rejects %s at the value', (schedule) => {
    expect(findings(lintText(library(`    schedule: ${schedule}\n`)), 'core/schedule')).toEqual([
      expect.objectContaining({ line: 8, column: 15, severity: 'error', pointer: '/libraries/Movies/schedule' }),
    ]);
  });
  it('requires all[...] on its own line', () => {
    const [finding] = findings(lintText(library('    schedule: all[daily], weekly(monday)\n')), 'core/schedule');
    expect(finding.message).toContain('each all schedule must be on its own line');
  });
  it('checks list items, file blocks, operations and plex maintenance strings', () => {
    const result = lintText(
      `plex:\n  url: x\n  token: y\n  clean_bundles: weekly(noday)\n  empty_trash: true\ntmdb:\n  apikey: k\nlibraries:\n  Movies:\n    schedule_overlays:\n      - daily\n      - bad\n    operations:\n      schedule: nope\n    collection_files:\n      - default: basic\n        schedule: whenever\n`,
    );
    expect(findings(result, 'core/schedule').map((f) => f.pointer)).toEqual([
      '/plex/clean_bundles',
      '/libraries/Movies/schedule_overlays/1',
      '/libraries/Movies/operations/schedule',
      '/libraries/Movies/collection_files/0/schedule',
    ]);
  });
  it('never judges a placeholder', () => {
    expect(findings(lintText(library('    schedule: <<SCHEDULE>>\n')), 'core/schedule')).toEqual([]);
  });
});

describe('core/plex-connection', () => {
  it('accepts url/token globally, per library, as env or as placeholders', () => {
    expect(findings(lintText(library('    collection_files: []\n')), 'core/plex-connection')).toEqual([]);
    expect(findings(lintText('plex:\n  url: env\n  token: <<PLEX_TOKEN>>\ntmdb:\n  apikey: k\nlibraries:\n  Movies:\n'), 'core/plex-connection')).toEqual([]);
    expect(findings(lintText('tmdb:\n  apikey: k\nlibraries:\n  Movies:\n    plex:\n      url: http://x\n      token: t0k3n\n'), 'core/plex-connection')).toEqual([]);
  });
  it('reports once at the section when no library has a url', () => {
    expect(findings(lintText('tmdb:\n  apikey: k\nlibraries:\n  Movies:\n  Shows:\n'), 'core/plex-connection')).toEqual([
      expect.objectContaining({ severity: 'error', pointer: '/plex/url', line: 1 }),
      expect.objectContaining({ severity: 'error', pointer: '/plex/token', line: 1 }),
    ]);
  });
  it('reports the one library that lacks a token, at its key', () => {
    const result = lintText('tmdb:\n  apikey: k\nlibraries:\n  Movies:\n    plex:\n      url: http://x\n      token: t0k3n\n  Shows:\n    plex:\n      url: http://x\n');
    expect(findings(result, 'core/plex-connection')).toEqual([expect.objectContaining({ severity: 'error', pointer: '/libraries/Shows/plex/token', line: 9, column: 5 })]);
  });
  it('warns when the token is written but blank', () => {
    expect(findings(lintText('plex:\n  url: http://x\n  token:\ntmdb:\n  apikey: k\nlibraries:\n  Movies:\n'), 'core/plex-connection')).toEqual([
      expect.objectContaining({ severity: 'warning', pointer: '/plex/token', line: 3 }),
    ]);
  });
});

describe('core/missing-linked-file', () => {
  const configDir = '/srv/kometa/config';
  const host = memoryHost({ '/srv/kometa/config/movies.yml': 'collections: {}\n', '/srv/kometa/config/overlays/a.yaml': 'overlays: {}\n' }, ['/srv/kometa/config/overlays', '/srv/kometa/config/empty']);

  it('finds files relative to the config, under config/, under /config/, and with .yml/.yaml swapped', () => {
    const text = library('    collection_files:\n      - file: movies.yml\n      - file: config/movies.yml\n      - file: /config/movies.yaml\n      - config/movies.yml\n    overlay_files:\n      - folder: overlays\n');
    expect(findings(lintText(text, { configDir, host }), 'core/missing-linked-file')).toEqual([]);
  });
  it('warns at the value of a missing file or folder', () => {
    const text = library('    collection_files:\n      - file: config/nope.yml\n    overlay_files:\n      - folder: /config/missing\n      - folder: empty\n');
    expect(findings(lintText(text, { configDir, host }), 'core/missing-linked-file')).toEqual([
      expect.objectContaining({ line: 9, column: 15, severity: 'warning', pointer: '/libraries/Movies/collection_files/0/file' }),
      expect.objectContaining({ line: 11, column: 17, pointer: '/libraries/Movies/overlay_files/0/folder' }),
      expect.objectContaining({ line: 12, pointer: '/libraries/Movies/overlay_files/1/folder', message: expect.stringContaining('no .yml or .yaml files') }),
    ]);
  });
  it('skips placeholders, other absolute paths, URLs, and stdin (no config folder)', () => {
    const text = library('    collection_files:\n      - file: <<FILES>>/a.yml\n      - file: /data/kometa/a.yml\n      - url: https://x/a.yml\n');
    expect(findings(lintText(text, { configDir, host }), 'core/missing-linked-file')).toEqual([]);
    expect(findings(lintText(library('    collection_files:\n      - file: nope.yml\n'), { host }), 'core/missing-linked-file')).toEqual([]);
  });
});
