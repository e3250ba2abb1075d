import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runBuiltCli } from './support/run-built-cli';
import { tempTree } from './support/temp-dir';

const fixtures = resolve(__dirname, 'fixtures/validate');
const fixture = (name: string): string => readFileSync(join(fixtures, name), 'utf8');
const annotations = (stdout: string, kind: 'error' | 'warning' | 'notice'): string[] => stdout.split('\n').filter((line) => line.startsWith(`::${kind} `));

/**
 * A repository with 12 configs that each have one error and 12 that each have one warning, under `kometa/`,
 * checked from inside `kometa/` as a workflow step with `working-directory: kometa` would.
 */
function repository(): { root: string; remove(): void; summary: string; env: Record<string, string> } {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 12; i++) {
    const n = String(i).padStart(2, '0');
    files[`kometa/broken/e${n}.yml`] = fixture('error.yml');
    files[`kometa/typos/w${n}.yml`] = fixture('warning.yml');
  }
  files['kometa/config.yml'] = fixture('clean.yml');
  files['summary.md'] = '# earlier step\n';
  const tree = tempTree(files);
  const summary = join(tree.root, 'summary.md');
  return {
    ...tree,
    summary,
    env: {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: tree.root,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'someone/kometa-config',
      GITHUB_SHA: '0123abc',
    },
  };
}

describe('pmm-config validate inside GitHub Actions', () => {
  const repo = repository();
  const cwd = join(repo.root, 'kometa');
  const run = (args: string[], env: Record<string, string> = repo.env) => {
    writeFileSync(repo.summary, '# earlier step\n');
    return runBuiltCli(['validate', ...args], { cwd, env });
  };
  afterAll(() => repo.remove());

  it('adds the ten most important annotations of each kind after the readable report', () => {
    const result = run(['broken', 'typos']);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    const firstAnnotation = lines.findIndex((line) => line.startsWith('::'));
    expect(lines.slice(0, firstAnnotation).join('\n')).toMatch(/✖ 24 problems \(12 errors, 12 warnings\)/);
    const errors = annotations(result.stdout, 'error');
    const warnings = annotations(result.stdout, 'warning');
    expect(errors).toHaveLength(10);
    expect(warnings).toHaveLength(10);
    expect(lines.slice(firstAnnotation)).toEqual([...errors, ...warnings]);
    // Paths are relative to the workspace (where GitHub looks), not to the step's working folder.
    expect(errors[0]).toMatch(/^::error file=kometa\/broken\/e01\.yml,line=9,col=1,.*title=core\/required-section::`tmdb` has no `apikey`/);
    expect(errors[9]).toContain('file=kometa/broken/e10.yml');
    expect(warnings[0]).toContain('file=kometa/typos/w01.yml,line=12');
  });

  it('appends every finding to the step summary and says how many annotations were left out', () => {
    run(['broken', 'typos']);
    const summary = readFileSync(repo.summary, 'utf8');
    expect(summary.startsWith('# earlier step\n### pmm-config validate\n')).toBe(true);
    expect(summary).toContain('❌ 12 errors, 12 warnings (24 files checked with pmm-config');
    expect(summary).toContain('so 2 errors, 2 warnings were left out of the annotations');
    const rows = summary.split('\n').filter((line) => /^\| (❌|⚠️)/.test(line));
    expect(rows).toHaveLength(24);
    expect(rows[0]).toBe(
      '| ❌ error | [`kometa/broken/e01.yml:9:1`](https://github.com/someone/kometa-config/blob/0123abc/kometa/broken/e01.yml#L9) | `core/required-section` | `tmdb` has no `apikey`: Kometa stops at startup.<br>Add `apikey:` under `tmdb`. |',
    );
    expect(rows[23]).toContain('kometa/typos/w12.yml:12:3');
  });

  it('reports a clean run in the summary without annotations', () => {
    const result = run(['config.yml']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/^::/m);
    expect(readFileSync(repo.summary, 'utf8')).toContain('✅ No problems found (1 file checked with pmm-config');
  });

  it('keeps --quiet: only errors are annotated and summarised', () => {
    run(['broken', 'typos', '--quiet']);
    expect(readFileSync(repo.summary, 'utf8')).not.toContain('⚠️ warning');
  });

  it('prints exactly the chosen format when --format is given', () => {
    const json = run(['broken', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ version: 1 });
    const github = run(['broken', 'typos', '--format', 'github']);
    expect(annotations(github.stdout, 'error')).toHaveLength(12);
    expect(readFileSync(repo.summary, 'utf8')).toBe('# earlier step\n');
  });

  it('adds nothing outside GitHub Actions', () => {
    const result = run(['broken'], {});
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(/^::/m);
    expect(readFileSync(repo.summary, 'utf8')).toBe('# earlier step\n');
  });

  it('writes --output in the chosen format while the log keeps the report and annotations', () => {
    const result = run(['broken', 'typos', '-f', 'sarif', '-o', '../reports/results.sarif']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✖ 24 problems');
    expect(annotations(result.stdout, 'error')).toHaveLength(10);
    const sarif = JSON.parse(readFileSync(join(repo.root, 'reports/results.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(24);
    const direct = runBuiltCli(['validate', 'broken', 'typos', '-f', 'sarif'], { cwd });
    expect(readFileSync(join(repo.root, 'reports/results.sarif'), 'utf8')).toBe(direct.stdout);
  });

  it('fails with exit 2 and one line when the --output file cannot be written', () => {
    mkdirSync(join(repo.root, 'taken'), { recursive: true });
    const result = run(['broken', '-f', 'json', '-o', '../taken'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^pmm-config: cannot write the report to \.\.\/taken: .*\n$/);
  });

  it('keeps the verdict when the step summary cannot be written', () => {
    const result = run(['config.yml'], { ...repo.env, GITHUB_STEP_SUMMARY: join(repo.root, 'missing-folder/summary.md') });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^pmm-config: warning: could not write the step summary to .*missing-folder\/summary\.md: /);
  });
});
