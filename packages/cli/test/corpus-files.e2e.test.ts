import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseJsonReport, repoRoot, runBuiltCli } from './support/run-built-cli';
import type { JsonReport } from './support/run-built-cli';

/**
 * The real linked files of ../shared/corpus/files (collection, overlay, metadata, playlist and template files
 * from Kometa-Team/Community-Configs, see its README), each checked on its own: no error-level finding except
 * where Kometa itself fails, each such file named with its reason (checked by hand in the file).
 */
const folder = resolve(repoRoot, '../shared/corpus/files');
const present = existsSync(folder);
if (!present) console.warn(`corpus-files.e2e: ${folder} not found, linked-file corpus tests skipped`);

const REMOVED = (what: string) => `uses \`${what}\`, which Kometa has since removed: "'${what}' attribute is invalid"`;
const KOMETA_FAILS: Readonly<Record<string, { readonly rules: readonly string[]; readonly reason: string }>> = {
  'collection--NickFlix__Thematic_Collections.yml': { rules: ['schema/unknown-key'], reason: `${REMOVED('reciperr_list')}; \`traktv_list\` and \`trakt_list:\` are typos` },
  'collection--charles15__movies__movies.yml': { rules: ['schema/unknown-key'], reason: '`sort_by` directly on definitions, where Kometa has no such attribute' },
  'collection--djnield__Series-4K-DV.yml': { rules: ['schema/unknown-key'], reason: REMOVED('item_overlay') },
  'collection--djnield__Series-4K.yml': { rules: ['schema/unknown-key'], reason: REMOVED('item_overlay') },
  'collection--meisnate12__AnimeCharts.yml': { rules: ['schema/unknown-key'], reason: REMOVED('anidb_popular') },
  'collection--gogorichie__Movies_Collection_First.yml': { rules: ['schema/type'], reason: '`imdb_search` given IMDb URLs: it takes search mappings (PMM 1.x read URLs)' },
  'collection--gogorichie__Movies_Collection_Templated.yml': { rules: ['schema/type'], reason: '`imdb_search` given lists of IMDb list URLs' },
  'collection--gogorichie__Movies_Collection_Wife_Favs.yml': { rules: ['schema/type'], reason: '`imdb_search` given an IMDb URL' },
  'collection--TechJedi__01-C-MS11_Movie_Series.yml': { rules: ['yaml/syntax'], reason: 'a summary whose double quote is never closed: Kometa cannot load the file' },
  'collection--TechJedi__04-C-SS02_Disney-Pixar.yml': { rules: ['yaml/syntax'], reason: 'a summary whose double quote is never closed' },
  'collection--TechJedi__05-C-TC03_Holiday_Collections.yml': { rules: ['yaml/syntax'], reason: 'a summary whose double quote is never closed' },
  'playlist--fscorrupt__playlist.yml': {
    rules: ['schema/format'],
    reason: 'a copy of an old default playlist whose `allowed_library_types` list holds `movie,show` as one item: list items are not split on commas, and since run_definition is checked in playlists too, Kometa fails it ("\'movie,show\' is invalid")',
  },
  'collection--brettpetch__kometa__series4k.yml': { rules: ['yaml/syntax'], reason: 'keys at 3 spaces among siblings at 4: not valid YAML' },
  'collection--jpcoker3__Movie__Movies.yml': { rules: ['yaml/syntax'], reason: 'a key indented under `template:` one space deeper than its siblings' },
  'collection--hstep20__template.yml': { rules: ['yaml/duplicate-key'], reason: 'three `"":` keys in one mapping: Kometa stops with a DuplicateKeyError' },
};

/**
 * The only warnings of the overlay files, each a key Kometa ignores or an alias it logs, as `rule key`:
 * `type` in a plex_search is read only by playlists, `rating_type` is no key of the overlay: block, and
 * `collection_level`/`filter` run as `builder_level`/`filters` with Kometa's own warning.
 */
const OVERLAY_WARNINGS: Readonly<Record<string, readonly string[]>> = {
  'overlay--fscorrupt__Overlays.yml': ['core/attribute-alias collection_level', 'schema/unknown-key type'],
  'overlay--fscorrupt__overlays_movies.yml': ['core/attribute-alias collection_level', 'schema/unknown-key rating_type', 'schema/unknown-key type'],
  'overlay--home1800__overlays__recent_ratings.yml': ['core/attribute-alias filter'],
};

const yamlFilesIn = (dir: string): string[] => readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();

/** One run of the built CLI over the files of a folder, each on its own (no config links them): its json report. */
function validateEach(dir: string, files: readonly string[]): JsonReport {
  const run = runBuiltCli(['validate', '--format', 'json', ...files], { cwd: dir, timeoutMs: 120_000 });
  expect(run.stderr).toBe('');
  return parseJsonReport(run.stdout);
}

/** `rule key` of a finding: the key is the first `code` word of its message. */
const ruleAndKey = (d: { readonly rule: string; readonly message: string }) => `${d.rule} ${/`([^`]+)`/.exec(d.message)?.[1] ?? ''}`;

(present ? describe : describe.skip)('corpus: real linked files, each on its own', () => {
  const files = present ? yamlFilesIn(folder) : [];
  let report: JsonReport;
  beforeAll(() => (report = validateEach(folder, files)));

  it('checks every file, each with the kind its name says', () => {
    expect(report.results.map((r) => r.file)).toEqual(files);
    for (const result of report.results) {
      const kind = result.file.split('--')[0];
      // a file that does not load has no keys to tell its kind by
      if (result.kind !== 'unknown') expect([result.file, result.kind]).toEqual([result.file, kind]);
    }
  });

  it.each(files)('%s: no error except where Kometa itself fails', (file) => {
    const result = report.results.find((r) => r.file === file);
    const errors = [...new Set((result?.diagnostics ?? []).filter((d) => d.severity === 'error').map((d) => d.rule))].sort();
    expect(errors).toEqual([...(KOMETA_FAILS[file]?.rules ?? [])].sort());
  });

  it('names only files that exist and fail', () => {
    for (const file of Object.keys(KOMETA_FAILS)) expect(files).toContain(file);
  });

  it('warns on overlay files only where Kometa ignores a key or logs an alias', () => {
    const overlays = report.results.filter((r) => r.kind === 'overlay');
    expect(overlays.length).toBeGreaterThan(20);
    const warnings = Object.fromEntries(
      overlays.map((r) => [r.file, [...new Set(r.diagnostics.filter((d) => d.severity === 'warning').map(ruleAndKey))].sort()] as const).filter(([, found]) => found.length > 0),
    );
    expect(warnings).toEqual(OVERLAY_WARNINGS);
  });
});

const defaultOverlays = resolve(repoRoot, '../shared/corpus/kometa-defaults/overlays');
const haveDefaults = existsSync(defaultOverlays);
if (!haveDefaults) console.warn(`corpus-files.e2e: ${defaultOverlays} not found, Kometa's default overlay files skipped`);

(haveDefaults ? describe : describe.skip)("corpus: Kometa's own default overlay files", () => {
  const files = haveDefaults ? yamlFilesIn(defaultOverlays) : [];
  let report: JsonReport;
  beforeAll(() => (report = validateEach(defaultOverlays, files)));

  it('reads them as overlay files (templates.yml holds only their shared templates)', () => {
    expect(report.results.map((r) => [r.file, r.kind])).toEqual(files.map((file) => [file, file === 'templates.yml' ? 'template' : 'overlay']));
  });

  it.each(files)('%s: no finding (Kometa runs it as it is)', (file) => {
    expect(report.results.find((r) => r.file === file)?.diagnostics.map(ruleAndKey)).toEqual([]);
  });
});
