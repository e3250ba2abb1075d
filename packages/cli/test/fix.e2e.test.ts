import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseJsonReport, runBuiltCli } from './support/run-built-cli';
import { tempTree } from './support/temp-dir';

/**
 * `validate --fix` and `--fix-dry-run` through the built CLI. Each folder of fixtures/fix holds an input and
 * the golden file after `--fix`; a second `--fix` must change nothing.
 */
const fixtures = resolve(__dirname, 'fixtures/fix');
const cases = readdirSync(fixtures).filter((name) => name !== 'plugins').sort();
const TOUCH_PLUGIN = join(fixtures, 'plugins/touch-config.cjs');

const input = (name: string): string => readFileSync(join(fixtures, name, 'input.yml'), 'utf8');
const golden = (name: string): string => readFileSync(join(fixtures, name, 'expected.yml'), 'utf8');

describe.each(cases)('validate --fix on fixtures/fix/%s', (name) => {
  let temp: ReturnType<typeof tempTree>;
  beforeAll(() => {
    temp = tempTree({ 'config.yml': input(name) });
  });
  afterAll(() => temp.remove());

  it('writes the golden file, then a second --fix changes nothing', () => {
    const first = runBuiltCli(['validate', '--fix', 'config.yml'], { cwd: temp.root });
    expect(first.stderr).toBe('');
    expect(readFileSync(join(temp.root, 'config.yml'), 'utf8')).toBe(golden(name));
    const changed = input(name) !== golden(name);
    expect(first.stdout.includes('config.yml: fixed')).toBe(changed);

    const second = runBuiltCli(['validate', '--fix', 'config.yml'], { cwd: temp.root });
    expect(readFileSync(join(temp.root, 'config.yml'), 'utf8')).toBe(golden(name));
    expect(second.stdout).not.toContain('config.yml: fixed');
    expect(second.stdout).not.toContain('(fixable)');
    expect(second.code).toBe(first.code);
  });
});

describe('validate --fix', () => {
  it('reports what is left, and the exit code follows it', () => {
    const temp = tempTree({ 'config.yml': input('not-fixed') });
    try {
      const run = runBuiltCli(['validate', '--fix', 'config.yml'], { cwd: temp.root });
      // plex.token and omdb.apikey stay unquoted numbers (in an anchor, through an alias): errors are left.
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('Not fixed automatically: it is written inside a YAML anchor');
      expect(run.stdout).toContain('Not fixed automatically: it comes in through an alias');
      expect(run.stdout).toMatch(/✖ \d+ problems \(2 errors/);
    } finally {
      temp.remove();
    }
  });

  it('keeps CRLF line ends and a BOM, changing only the fixed bytes', () => {
    const crlf = input('quoting').replace(/\n/g, '\r\n');
    const temp = tempTree({ 'config.yml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]) });
    try {
      const run = runBuiltCli(['validate', '--fix', 'config.yml'], { cwd: temp.root });
      expect(run.code).toBe(0);
      const bytes = readFileSync(join(temp.root, 'config.yml'));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).toString('utf8')).toBe(golden('quoting').replace(/\n/g, '\r\n'));
    } finally {
      temp.remove();
    }
  });

  it('refuses a read-only file with one line and exit 2, leaving it as it was', () => {
    const temp = tempTree({ 'config.yml': input('quoting') });
    const file = join(temp.root, 'config.yml');
    try {
      chmodSync(file, 0o444);
      const run = runBuiltCli(['validate', '--fix', 'config.yml'], { cwd: temp.root });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('pmm-config: config.yml: is read-only, so the fixes were not written; it was left as it was\n');
      expect(readFileSync(file, 'utf8')).toBe(input('quoting'));
      expect(statSync(file).mode & 0o777).toBe(0o444);
    } finally {
      chmodSync(file, 0o644);
      temp.remove();
    }
  });

  it('refuses a file that changed on disk while it was being checked', () => {
    const temp = tempTree({ 'config.yml': input('quoting') });
    try {
      const run = runBuiltCli(['validate', '--fix', 'config.yml', '--plugin', TOUCH_PLUGIN], { cwd: temp.root });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('pmm-config: config.yml: changed on disk while it was being checked, so the fixes were not written; run again\n');
      // Only the "editor's" changes (one per lint pass) are there: no fix was written over them.
      const text = readFileSync(join(temp.root, 'config.yml'), 'utf8');
      expect(text.startsWith(input('quoting'))).toBe(true);
      expect(text.slice(input('quoting').length)).toMatch(/^(# saved by an editor\n)+$/);
    } finally {
      temp.remove();
    }
  });

  it('cannot write stdin: one line, exit 2', () => {
    const run = runBuiltCli(['validate', '--fix', '-'], { input: input('quoting') });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('pmm-config: <stdin>: stdin cannot be fixed in place; use --fix-dry-run to see the diff\n');
  });

  it('rejects --fix together with --fix-dry-run', () => {
    const run = runBuiltCli(['validate', '--fix', '--fix-dry-run', 'config.yml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--fix and --fix-dry-run exclude each other');
  });
});

describe('validate --fix-dry-run', () => {
  it('prints a unified diff, writes nothing, and never shows a secret', () => {
    const temp = tempTree({ 'config.yml': input('quoting') });
    try {
      const run = runBuiltCli(['validate', '--fix-dry-run', 'config.yml'], { cwd: temp.root });
      expect(readFileSync(join(temp.root, 'config.yml'), 'utf8')).toBe(input('quoting'));
      expect(run.code).toBe(0);
      expect(run.stdout.startsWith('--- a/config.yml\n+++ b/config.yml\n@@ -1,')).toBe(true);
      expect(run.stdout).toContain('-  url: {{ .PLEX_URL }}\n');
      expect(run.stdout).toContain('+  url: "{{ .PLEX_URL }}"\n');
      expect(run.stdout).toContain('-  pin: ********   # from trakt.tv/pin\n');
      expect(run.stdout).toContain('+  pin: "********"   # from trakt.tv/pin\n');
      for (const secret of ['0123456789', '12345678', '87654321', '1e5']) {
        expect(run.stdout).not.toContain(secret);
        expect(run.stderr).not.toContain(secret);
      }
      expect(run.stderr).toBe('config.yml: would fix 6 problems (yaml/unquoted-template, core/unquoted-secret ×4, trakt/pin-type); nothing left\n');
    } finally {
      temp.remove();
    }
  });

  it('diffs stdin and prints nothing for a file with nothing to fix', () => {
    const run = runBuiltCli(['validate', '--fix-dry-run', '-', '--stdin-filepath', 'config.yml'], { input: input('deprecated-rename') });
    expect(run.stdout).toContain('-  collection_minimum: 2   # smallest collection\n');
    expect(run.stdout).toContain('+  minimum_items: 2   # smallest collection\n');
    const clean = runBuiltCli(['validate', '--fix-dry-run', '-'], { input: golden('deprecated-rename') });
    expect(clean.stdout).toBe('');
    expect(clean.code).toBe(0);
  });
});

describe('fixes in machine-readable output', () => {
  it('json gives each fix as 1-based, end-exclusive edits, without the secret', () => {
    const run = runBuiltCli(['validate', '-f', 'json', '-'], { input: input('quoting') });
    const diagnostics = parseJsonReport(run.stdout).results[0].diagnostics as unknown as { rule: string; fix?: { edits: unknown[] } }[];
    const pin = diagnostics.find((d) => d.rule === 'trakt/pin-type');
    expect(pin?.fix).toEqual({
      edits: [
        { line: 9, column: 8, endLine: 9, endColumn: 8, text: '"' },
        { line: 9, column: 16, endLine: 9, endColumn: 16, text: '"' },
      ],
    });
    expect(run.stdout).not.toContain('87654321');
  });

  it('SARIF results carry fixes with deletedRegion and insertedContent', () => {
    const run = runBuiltCli(['validate', '-f', 'sarif', '-', '--stdin-filepath', 'config.yml'], { input: input('deprecated-rename') });
    const sarif = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; fixes?: { artifactChanges: { replacements: unknown[] }[] }[] }[] }[] };
    const rename = sarif.runs[0].results.find((r) => r.ruleId === 'core/deprecated-key');
    expect(rename?.fixes?.[0].artifactChanges[0].replacements).toEqual([
      { deletedRegion: { startLine: 3, startColumn: 3, endLine: 3, endColumn: 21 }, insertedContent: { text: 'minimum_items' } },
    ]);
  });

  it('a did-you-mean is a suggestion in json and SARIF, and --fix leaves it alone', () => {
    const config = 'settings:\n  cache_expiraton: 60 # kept\n  sync_mode: apend\n';
    const json = runBuiltCli(['validate', '-f', 'json', '-', '--stdin-filepath', 'config.yml'], { input: config });
    const diagnostics = parseJsonReport(json.stdout).results[0].diagnostics as unknown as { rule: string; fix?: unknown; suggestions?: unknown }[];
    expect(diagnostics.find((d) => d.rule === 'schema/unknown-key')).toMatchObject({
      suggestions: [{ message: 'Rename to `cache_expiration`', edits: [{ line: 2, column: 3, endLine: 2, endColumn: 18, text: 'cache_expiration' }] }],
    });
    expect(diagnostics.find((d) => d.rule === 'schema/enum')).toMatchObject({
      suggestions: [{ message: 'Change to `append`', edits: [{ line: 3, column: 14, endLine: 3, endColumn: 19, text: 'append' }] }],
    });
    expect(diagnostics.filter((d) => d.fix)).toEqual([]);

    const sarif = JSON.parse(runBuiltCli(['validate', '-f', 'sarif', '-', '--stdin-filepath', 'config.yml'], { input: config }).stdout) as {
      runs: { results: { ruleId: string; fixes?: { description: { text: string } }[] }[] }[];
    };
    expect(sarif.runs[0].results.find((r) => r.ruleId === 'schema/unknown-key')?.fixes?.map((f) => f.description.text)).toEqual(['Rename to `cache_expiration`']);

    const temp = tempTree({ 'config.yml': config });
    try {
      runBuiltCli(['validate', '--fix', join(temp.root, 'config.yml')]);
      expect(readFileSync(join(temp.root, 'config.yml'), 'utf8')).toBe(config);
    } finally {
      temp.remove();
    }
  });
});
