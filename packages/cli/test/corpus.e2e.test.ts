import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseJsonReport, repoRoot, runBuiltCli } from './support/run-built-cli';
import type { JsonDiagnostic, JsonReport } from './support/run-built-cli';

/**
 * Regression test over real users' configs (../shared/corpus, described in its README). The main corpus
 * must give no error except where Kometa itself would fail; every broken file must give an error at its
 * fault line; the known true positives must be reported as warnings.
 */
const corpus = resolve(repoRoot, '../shared/corpus/real');
const present = existsSync(corpus);
if (!present) console.warn(`corpus.e2e: ${corpus} not found, corpus regression tests skipped`);
const describeCorpus = present ? describe : describe.skip;

/** Files where Kometa itself would fail, by file-name prefix: the rules allowed to report errors, and why. */
const EXPECTED_ERRORS: Readonly<Record<string, { readonly rules: readonly string[]; readonly reason: string }>> = {
  '03-': { rules: ['trakt/blank-credential', 'mal/blank-credential'], reason: 'kitchen sink uses Trakt and MAL collections with template text as client id/secret' },
  '05-': { rules: ['core/required-section', 'core/plex-connection'], reason: 'shared without its tmdb and plex sections: Kometa stops without tmdb' },
  '07-': { rules: ['core/required-section', 'core/plex-connection'], reason: 'shared without its tmdb and plex sections: Kometa stops without tmdb' },
  '10-': {
    rules: ['trakt/blank-credential', 'mal/blank-credential', 'core/default-file'],
    reason: 'Trakt and MAL chart collections with template-text clients; a 2023 PMM 1.x config whose `git: PMM/<name>` defaults Kometa 2.x no longer has ("File Error: Default does not exist")',
  },
  '27-': { rules: ['core/template-variables'], reason: '`rating3: imdb` for the ratings default, which takes critic/audience/user: Kometa builds the search `imdb_rating` and the overlay fails' },
  '46-': { rules: ['core/default-file'], reason: '`default: rating` and `default: record_label` do not exist in Kometa ("File Error: Default does not exist")' },
  '12-': { rules: ['core/required-section', 'core/plex-connection'], reason: 'shared without its tmdb and plex sections: Kometa stops without tmdb' },
  '17-': { rules: ['schema/type'], reason: 'secrets redacted as `[REDACTED]` are one-element lists where Kometa needs text (corpus README §7)' },
  '24-': { rules: ['trakt/blank-credential'], reason: 'a Trakt list playlist with a blank Trakt client' },
  '41-': { rules: ['core/required-section', 'core/plex-connection'], reason: 'shared without its tmdb and plex sections: Kometa stops without tmdb' },
};

/** Broken files (corpus README §6) and the line of their fault, checked by hand in each file. */
const BROKEN_FAULT_LINES: Readonly<Record<string, number>> = {
  '01-': 551, // `webhooks: (redacted)` on 550 with indented keys under it; ruamel stops at 551
  '02-': 37, // two lines glued together
  '04-': 29, // `delete_collections_with_less:2`
  '05-': 20, // `use_lowest: false` followed by keys indented under it
  '06-': 8, // metadata_path items at 9 then 6 spaces
  '07-': 202, // `sort_prefix: !021`
  '08-': 50, // `token: !env_var PLEX_TOKEN`
  '10-': 21, // second `TV Shows:`
};

/** Known real mistakes Kometa tolerates (corpus README §7): reported as warnings at these pointers. */
const TRUE_POSITIVES: Readonly<Record<string, readonly string[]>> = {
  '33-': ['/radarr/sonarr'],
  '46-': ['/trakt/access_token', '/trakt/refresh_token', '/plex/missing_only_released'],
  '54-': ['/playlist#_files'],
  '34-': ['/settings/run-order'],
  '41-': ['/settings/webhooks'],
  '21-': ['/settings/build_collection'],
};

const ymlIn = (folder: string): string[] => (existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.yml')).sort() : []);
const byPrefix = <T>(table: Readonly<Record<string, T>>, file: string): T | undefined =>
  Object.entries(table).find(([prefix]) => file.startsWith(prefix))?.[1];

function validateAll(folder: string, files: readonly string[]): JsonReport {
  const run = runBuiltCli(['validate', '--format', 'json', ...files], { cwd: folder, timeoutMs: 120_000 });
  expect(run.stderr).toBe('');
  return parseJsonReport(run.stdout);
}

describeCorpus('corpus: real configs', () => {
  const files = ymlIn(corpus);
  let report: JsonReport;
  beforeAll(() => {
    report = validateAll(corpus, files);
  });
  const diagnosticsOf = (file: string): JsonDiagnostic[] => report.results.find((result) => result.file === file)?.diagnostics ?? [];

  it('checks every file', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(report.results.map((result) => result.file)).toEqual(files);
  });

  it.each(files)('%s has no error except where Kometa itself fails', (file) => {
    const allowed = byPrefix(EXPECTED_ERRORS, file)?.rules ?? [];
    const unexpected = diagnosticsOf(file)
      .filter((d) => d.severity === 'error' && !allowed.includes(d.rule))
      .map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`);
    expect(unexpected).toEqual([]);
  });

  // The corpus folder holds a subset of the files its README counts; check the ones that are there.
  const fileFor = (prefix: string): string | undefined => files.find((name) => name.startsWith(prefix));
  const exceptions = Object.keys(EXPECTED_ERRORS).flatMap((prefix) => fileFor(prefix) ?? []);
  const truePositives = Object.entries(TRUE_POSITIVES).flatMap(([prefix, pointers]) => {
    const file = fileFor(prefix);
    return file ? [[file, pointers] as const] : [];
  });

  it.each(exceptions)('the named exception %s still fails (the exception is not stale)', (file) => {
    expect(diagnosticsOf(file).some((d) => d.severity === 'error')).toBe(true);
  });

  it.each(truePositives)('reports the known mistakes of %s as warnings', (file, pointers) => {
    for (const pointer of pointers) {
      expect(diagnosticsOf(file).filter((d) => d.pointer === pointer).map((d) => d.severity)).toContain('warning');
    }
  });

  it('never prints a secret value from any corpus file', () => {
    const run = runBuiltCli(['validate', ...files], { cwd: corpus, timeoutMs: 120_000 });
    for (const file of ['17-', '33-', '46-'].map((prefix) => files.find((name) => name.startsWith(prefix))).filter((f): f is string => !!f)) {
      const tokens = [...readFileSync(join(corpus, file), 'utf8').matchAll(/^\s*(?:access_token|refresh_token|client_secret|apikey|token):\s*["']?([A-Za-z0-9_-]{16,})/gm)].map((m) => m[1]);
      for (const token of tokens) expect(run.stdout).not.toContain(token);
    }
  });
});

describeCorpus('corpus: broken configs', () => {
  const folder = join(corpus, 'broken');
  const files = ymlIn(folder);
  let report: JsonReport;
  beforeAll(() => {
    report = validateAll(folder, files);
  });

  it.each(files)('%s gives an error at its fault line', (file) => {
    const line = byPrefix(BROKEN_FAULT_LINES, file);
    expect(line).toBeDefined();
    const result = report.results.find((r) => r.file === file);
    const hits = (result?.diagnostics ?? []).filter((d) => d.severity === 'error' && d.line <= (line ?? 0) && (line ?? 0) <= d.endLine);
    expect(hits.map((d) => d.rule)).not.toEqual([]);
  });
});
