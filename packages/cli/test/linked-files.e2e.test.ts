import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseJsonReport, runBuiltCli } from './support/run-built-cli';
import { tempTree } from './support/temp-dir';

/** `fixtures/linked`: a config and every kind of file it can link (see its README). */
const root = resolve(__dirname, 'fixtures');
const inFixtures = (...args: string[]) => runBuiltCli(['validate', ...args], { cwd: root });
const CONFIG = 'linked/config/config.yml';

describe('validate follows a config into the files it links', () => {
  const run = inFixtures(CONFIG, '-f', 'json');
  const results = parseJsonReport(run.stdout).results;

  it('reports the config first, then each linked file once, in link order, with its kind and the link that reached it', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(results.map((r) => [r.file, r.kind, r.linkedFrom ? `${r.linkedFrom.file}:${r.linkedFrom.line}` : undefined])).toEqual([
      [CONFIG, 'config', undefined],
      ['linked/config/movies.yml', 'collection', `${CONFIG}:4`],
      ['linked/config/templates/charts.yml', 'template', 'linked/config/movies.yml:2'],
      ['linked/config/shared.yml', 'collection', `${CONFIG}:5`],
      ['linked/config/collections/notes.yaml', 'collection', `${CONFIG}:6`],
      ['linked/config/collections/studios.yml', 'collection', `${CONFIG}:6`],
      ['linked/config/overlays/resolution.yml', 'overlay', `${CONFIG}:9`],
      ['linked/config/metadata.yml', 'metadata', `${CONFIG}:11`],
      ['linked/config/playlists.yml', 'playlist', `${CONFIG}:20`],
    ]);
    expect(results[3]?.linkedFrom?.pointer).toBe('/libraries/Movies/collection_files/1/file');
  });

  it('reports a linked file that cannot be read once, at its link in the config, and goes on', () => {
    const config = results[0];
    expect(config?.diagnostics.filter((d) => d.rule === 'core/unreadable-linked-file').map((d) => [d.line, d.column, d.severity])).toEqual([[18, 15, 'error']]);
    expect(config?.diagnostics.find((d) => d.rule === 'core/unreadable-linked-file')?.message).toContain('is not valid UTF-8');
  });

  it('checks builders against the config, per library for Radarr, and never guesses a satisfied service', () => {
    const shared = results.find((r) => r.file === 'linked/config/shared.yml');
    expect(shared?.diagnostics.map((d) => [d.rule, d.line])).toEqual([
      ['core/builder-needs-radarr', 6],
      ['core/builder-needs-mdblist', 7],
    ]);
    // Movies has Radarr; only the second library that links the same file lacks it
    expect(shared?.diagnostics[0]?.message).toContain('for the library `TV Shows`');
    // Trakt is authorized in this config: the playlist's and the template's trakt_list are fine
    expect(results.flatMap((r) => r.diagnostics).filter((d) => d.rule.startsWith('trakt/'))).toEqual([]);
  });

  it('checks template calls against the templates of the file and of its external templates', () => {
    const movies = results.find((r) => r.file === 'linked/config/movies.yml');
    expect(movies?.diagnostics.map((d) => [d.rule, d.severity, d.line, d.column])).toEqual([
      ['core/missing-template-variable', 'warning', 5, 22],
      ['core/unknown-template', 'error', 7, 22],
    ]);
    expect(movies?.diagnostics[0]?.message).toContain('(linked/config/templates/charts.yml:2) uses `<<order>>`');
    expect(movies?.diagnostics[1]?.hint).toBe('Did you mean `chart`?');
  });

  it('stylish: one block per file with findings, headed by the link', () => {
    const stylish = inFixtures(CONFIG);
    expect(stylish.code).toBe(1);
    const headers = stylish.stdout.split('\n').filter((line) => line.startsWith('linked/'));
    expect(headers).toEqual([CONFIG, `linked/config/movies.yml (linked from ${CONFIG}:4)`, `linked/config/shared.yml (linked from ${CONFIG}:5)`]);
  });

  it('sarif: one artifact per file, and each result points at its file', () => {
    const sarif = JSON.parse(inFixtures(CONFIG, '-f', 'sarif').stdout);
    const run0 = sarif.runs[0];
    expect(run0.artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual(results.map((r) => r.file));
    const uris = run0.results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string; index: number } } }[] }) => r.locations[0]?.physicalLocation.artifactLocation);
    for (const location of uris) expect(run0.artifacts[location.index].location.uri).toBe(location.uri);
    expect(new Set(uris.map((l: { uri: string }) => l.uri))).toEqual(new Set([CONFIG, 'linked/config/movies.yml', 'linked/config/shared.yml']));
  });

  it('github: annotations name the linked file and its line', () => {
    const github = inFixtures(CONFIG, '-f', 'github').stdout;
    expect(github).toContain('::error file=linked/config/shared.yml,line=6,col=5,');
    expect(github).toContain('::error file=linked/config/movies.yml,line=7,col=22,');
  });

  it('reports a file the user also names once, as linked from its config', () => {
    const both = parseJsonReport(inFixtures(CONFIG, 'linked/config/shared.yml', '-f', 'json').stdout).results;
    expect(both.filter((r) => r.file === 'linked/config/shared.yml').map((r) => r.linkedFrom?.file)).toEqual([CONFIG]);
  });
});

describe('--no-follow, files on their own and --kind', () => {
  it('--no-follow lints only the named files; the config still sees what they use', () => {
    const run = inFixtures(CONFIG, '--no-follow', '-f', 'json');
    const results = parseJsonReport(run.stdout).results;
    expect(results.map((r) => r.file)).toEqual([CONFIG]);
    expect(results[0]?.diagnostics.map((d) => d.rule)).toEqual(['core/unreadable-linked-file']);
  });

  it('a collection file on its own gets its kind from its keys, and the checks that need its config are skipped with a note', () => {
    const run = inFixtures('linked/config/movies.yml', 'linked/config/shared.yml');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('ℹ 2 files checked without its config: checks that need the config');
    const json = parseJsonReport(inFixtures('linked/config/movies.yml', 'linked/config/shared.yml', '-f', 'json').stdout).results;
    expect(json.map((r) => [r.kind, r.diagnostics.length])).toEqual([
      ['collection', 0],
      ['collection', 0],
    ]);
  });

  it('--kind overrides the kind the keys show', () => {
    const asTemplates = parseJsonReport(inFixtures('linked/config/templates/charts.yml', '-f', 'json').stdout).results[0];
    expect([asTemplates?.kind, asTemplates?.diagnostics.length]).toEqual(['template', 0]);
    const run = inFixtures('--kind', 'collection', 'linked/config/templates/charts.yml', '-f', 'json');
    const asCollection = parseJsonReport(run.stdout).results[0];
    expect(asCollection?.kind).toBe('collection');
    expect(asCollection?.diagnostics.map((d) => [d.rule, d.severity])).toEqual([['core/file-sections', 'error']]);
    expect(run.code).toBe(1);
  });

  it('a YAML file of no Kometa kind gets one warning', () => {
    const run = inFixtures('linked/docker-compose.yml', '-f', 'json');
    const result = parseJsonReport(run.stdout).results[0];
    expect(run.code).toBe(0);
    expect(result?.diagnostics.map((d) => [d.rule, d.severity, d.line])).toEqual([['core/unknown-kind', 'warning', 1]]);
  });

  it('rejects an unknown --kind with exit 2 and one line', () => {
    const run = inFixtures('--kind', 'collections', CONFIG);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('--fix in linked files', () => {
  const config = `libraries:\n  Movies:\n    collection_files:\n      - file: config/movies.yml\ntmdb:\n  apikey: 0123456789abcdef0123456789abcdef\nplex:\n  url: http://plex:32400\n  token: <<PLEX_TOKEN>>\n`;
  const movies = '# our collections\ncollections:\n  Animated:   # keep this comment\n    collection_name: "Animated Films"\n    plex_all: true\n    filters:\n      genres: Animation\n      year.greater: 2000\n';
  const fixed = '# our collections\ncollections:\n  Animated:   # keep this comment\n    name: "Animated Films"\n    plex_all: true\n    filters:\n      genre: Animation\n      year.gt: 2000\n';

  it('renames the aliases Kometa runs under another name, in the linked file, changing only those bytes', () => {
    const tree = tempTree({ 'config/config.yml': config, 'config/movies.yml': movies });
    try {
      const dry = runBuiltCli(['validate', 'config/config.yml', '--fix-dry-run'], { cwd: tree.root });
      expect(dry.stdout).toContain('-    collection_name: "Animated Films"\n+    name: "Animated Films"');
      expect(readFileSync(join(tree.root, 'config/movies.yml'), 'utf8')).toBe(movies);
      const run = runBuiltCli(['validate', 'config/config.yml', '--fix'], { cwd: tree.root });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('config/movies.yml: fixed 3 problems (core/attribute-alias ×3); nothing left');
      expect(readFileSync(join(tree.root, 'config/movies.yml'), 'utf8')).toBe(fixed);
      expect(readFileSync(join(tree.root, 'config/config.yml'), 'utf8')).toBe(config);
      const again = runBuiltCli(['validate', 'config/config.yml', '--fix'], { cwd: tree.root });
      expect(again.stdout).not.toContain('fixed');
      expect(readFileSync(join(tree.root, 'config/movies.yml'), 'utf8')).toBe(fixed);
    } finally {
      tree.remove();
    }
  });
});
