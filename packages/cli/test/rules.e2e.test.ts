import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ruleCatalog } from '@pmm-config/lint';
import { malPlugin } from '@pmm-config/provider-mal';
import { traktPlugin } from '@pmm-config/provider-trakt';
import { parseJsonReport, runBuiltCli } from './support/run-built-cli';
import type { JsonReport } from './support/run-built-cli';

/**
 * One folder per rule (`core/schedule` -> `core__schedule`) with `valid.yml`, `invalid.yml` and `edge.yml`.
 * Each fixture ends with `# expect: <severity> <line>:<column>` lines (or `# expect: none`) listing every
 * finding of that rule, so the expectations live next to the YAML they describe. A fixture that is a config
 * may link files in its folder; a finding in a linked file is written `# expect: <severity> <file> <line>:<column>`
 * with the file's path relative to the folder.
 */
const fixtures = resolve(__dirname, 'fixtures/rules');
const KINDS = ['valid', 'invalid', 'edge'] as const;

/** Rules without a fixture folder, and why a fixture cannot show them through the CLI. */
const NO_FIXTURE: Readonly<Record<string, string>> = {
  'yaml/too-large': 'needs a file over 5 MB; the limit is unit-tested in packages/lint (parse.test.ts)',
  'internal/rule-crashed': 'needs a crashing plugin rule; unit-tested in packages/lint (engine.test.ts)',
  'core/unset-placeholder-env': 'reports only under --check-env, against the environment of the run; check-env.e2e.test.ts drives it',
};
/** Fixture kinds that cannot exist for a rule, and why. */
const NO_KIND: Readonly<Record<string, string>> = {
  'schema/required invalid':
    'every attribute the schema requires (tmdb, tmdb.apikey, libraries) is reported by core/required-section, which wins over the schema at the same pointer; edge.yml shows that',
};

interface Fixture {
  readonly rule: string;
  readonly kind: (typeof KINDS)[number];
  readonly file: string;
  readonly expected: readonly string[];
}

function expectations(text: string): string[] {
  const lines = text.split('\n').filter((line) => line.startsWith('# expect: ')).map((line) => line.slice('# expect: '.length).trim());
  if (lines.length === 0) throw new Error('fixture has no "# expect:" line');
  return lines.includes('none') ? [] : lines.sort();
}

const folders = existsSync(fixtures) ? readdirSync(fixtures).sort() : [];
const cases: Fixture[] = folders.flatMap((folder) =>
  KINDS.filter((kind) => existsSync(join(fixtures, folder, `${kind}.yml`))).map((kind) => {
    const file = join(folder, `${kind}.yml`);
    return { rule: folder.replace('__', '/'), kind, file, expected: expectations(readFileSync(join(fixtures, file), 'utf8')) };
  }),
);

describe('rule fixtures cover the rule catalog', () => {
  const catalog = ruleCatalog([traktPlugin, malPlugin]).map((rule) => rule.id);

  it('has a folder for every rule, except the documented ones', () => {
    const missing = catalog.filter((id) => !folders.includes(id.replace('/', '__')) && !(id in NO_FIXTURE));
    expect(missing).toEqual([]);
  });

  it('has no folder for a rule that does not exist', () => {
    expect(folders.map((folder) => folder.replace('__', '/')).filter((id) => !catalog.includes(id))).toEqual([]);
  });

  it.each(folders)('%s has valid, invalid and edge fixtures', (folder) => {
    const rule = folder.replace('__', '/');
    for (const kind of KINDS) {
      if (`${rule} ${kind}` in NO_KIND) continue;
      expect(existsSync(join(fixtures, folder, `${kind}.yml`)) ? kind : `${kind}.yml missing`).toBe(kind);
    }
  });
});

/** One CLI run per fixture kind keeps the suite fast; exit codes are then checked per batch and per file below. */
function validateBatch(files: readonly string[]): { code: number | null; report: JsonReport; stderr: string } {
  const run = runBuiltCli(['validate', '--format', 'json', ...files], { cwd: fixtures, timeoutMs: 120_000 });
  return { code: run.code, report: parseJsonReport(run.stdout), stderr: run.stderr };
}

describe.each(KINDS)('pmm-config validate on every %s fixture', (kind) => {
  const batch = cases.filter((c) => c.kind === kind);
  let run: ReturnType<typeof validateBatch>;
  beforeAll(() => {
    run = validateBatch(batch.map((c) => c.file));
  });

  it('checks each file and exits 1 exactly when one of them has an error', () => {
    expect(run.stderr).toBe('');
    expect(run.report.results.filter((r) => !r.linkedFrom).map((r) => r.file)).toEqual(batch.map((c) => c.file));
    const errors = run.report.results.some((r) => r.errorCount > 0);
    expect(run.code).toBe(errors ? 1 : 0);
    if (kind === 'valid') expect(run.code).toBe(0);
  });

  it.each(batch.map((c) => [c.file, c] as const))('%s', (_, fixture) => {
    const folder = fixture.file.slice(0, fixture.file.indexOf('/') + 1);
    // The fixture's own result, then the files it links (and the files those link), in report order.
    const family = new Set([fixture.file]);
    const results = run.report.results.filter((r) => {
      if (r.file === fixture.file) return true;
      if (r.linkedFrom && family.has(r.linkedFrom.file)) return family.add(r.file);
      return false;
    });
    const found = results
      .flatMap((result) =>
        result.diagnostics
          .filter((d) => d.rule === fixture.rule)
          .map((d) => `${d.severity} ${result.file === fixture.file ? '' : `${result.file.slice(folder.length)} `}${d.line}:${d.column}`),
      )
      .sort();
    expect(found).toEqual(fixture.expected);
    if (kind === 'valid') expect(results.map((r) => r.errorCount)).toEqual(results.map(() => 0));
    if (kind === 'invalid') expect(fixture.expected.length).toBeGreaterThan(0);
  });
});

describe('exit codes of single fixtures', () => {
  it.each([
    ['core__schedule/invalid.yml', 1],
    ['schema__unknown-key/invalid.yml', 0],
    ['yaml__duplicate-key/invalid.yml', 1],
    ['trakt__pin-type/invalid.yml', 0],
    ['core__plex-connection/valid.yml', 0],
  ])('%s exits %i', (file, code) => {
    const run = runBuiltCli(['validate', file], { cwd: fixtures });
    expect(run.code).toBe(code);
    expect(run.stderr).toBe('');
  });
});
