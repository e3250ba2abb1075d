import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseJsonReport, runBuiltCli } from './support/run-built-cli';
import type { CliRun } from './support/run-built-cli';
import { tempTree } from './support/temp-dir';

const fixtures = resolve(__dirname, 'fixtures/validate');
const fixture = (name: string): string => readFileSync(join(fixtures, name), 'utf8');
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/** Runs the CLI with the fixtures folder as the working directory, so file names read as given. */
const validate = (...args: string[]): CliRun => runBuiltCli(['validate', ...args], { cwd: fixtures });

function expectOneLineFailure(run: CliRun, message: string | RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(STACK_LINE);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe('pmm-config validate: exit codes', () => {
  it('exits 0 with nothing on stderr for a clean config', () => {
    const run = validate('clean.yml');
    expect(run).toMatchObject({ code: 0, stderr: '' });
  });

  it('exits 1 on an error and names file, line and rule in stylish output', () => {
    const run = validate('error.yml');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('error.yml');
    expect(run.stdout).toMatch(/\d+:\d+\s+error\s/);
    expect(run.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)/);
  });

  it('exits 0 on warnings alone, 1 with --strict, and says why on stderr', () => {
    expect(validate('warning.yml').code).toBe(0);
    const strict = validate('warning.yml', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/^pmm-config: \d+ warnings? found and --strict makes warnings fail the run\n$/);
  });

  it('applies --max-warnings as a limit that may be reached but not passed', () => {
    const report = parseJsonReport(validate('warning.yml', '-f', 'json').stdout);
    const warnings = report.results[0]?.warningCount ?? 0;
    expect(warnings).toBeGreaterThan(0);
    expect(validate('warning.yml', '--max-warnings', String(warnings)).code).toBe(0);
    const over = validate('warning.yml', '--max-warnings', String(warnings - 1));
    expect(over.code).toBe(1);
    expect(over.stderr).toContain(`more than --max-warnings ${warnings - 1}`);
  });

  it('shows errors only with --quiet but still lets hidden warnings fail --strict', () => {
    const loud = validate('warning.yml');
    expect(loud.stdout).toMatch(/warning/);
    const quiet = validate('warning.yml', '--quiet', '-f', 'json');
    expect(parseJsonReport(quiet.stdout).results[0]).toMatchObject({ warningCount: 0, diagnostics: [] });
    expect(validate('warning.yml', '--quiet').stdout).not.toMatch(/\d+:\d+\s+warning/);
    expect(validate('warning.yml', '--quiet', '--strict').code).toBe(1);
    const errors = parseJsonReport(validate('error.yml', '--quiet', '-f', 'json').stdout).results[0];
    expect(errors?.diagnostics.length).toBeGreaterThan(0);
    expect(errors?.diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });

  it('never says "No problems" under --quiet when it hid warnings, and says how many', () => {
    const quiet = validate('warning.yml', '--quiet', '--strict');
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).toBe('No errors (1 file checked); --quiet hid 1 warning\n');
    expect(quiet.stdout).not.toContain('No problems');
    expect(validate('clean.yml', '--quiet').stdout).toBe('✔ No problems found (1 file checked)\n');
    const mixed = validate('error.yml', 'warning.yml', '--quiet');
    expect(mixed.stdout).toMatch(/\n✖ \d+ problems? \(\d+ errors?, 0 warnings\) in 1 of 2 files; --quiet hid \d+ warnings?\n$/);
  });

  it('counts the files in the summary when it checked several', () => {
    expect(validate('error.yml').stdout).toMatch(/\n✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)\n$/);
    expect(validate('error.yml', 'warning.yml', 'clean.yml').stdout).toMatch(/\n✖ \d+ problems \(\d+ errors?, \d+ warnings?\) in 2 of 3 files\n$/);
  });
});

describe('pmm-config validate: disable comments', () => {
  const config = readFileSync(resolve(__dirname, 'fixtures/rules/core__disable-directive/valid.yml'), 'utf8');
  const rulesOf = (run: CliRun): string[] => parseJsonReport(run.stdout).results[0].diagnostics.map((d) => d.rule);

  it('switch off the finding they name, and only while the comment is there', () => {
    const tree = tempTree({ 'with.yml': config, 'without.yml': config.replace(/ {2}# pmm-config-disable-line.*$/m, '') });
    try {
      const withComment = runBuiltCli(['validate', '--format', 'json', 'with.yml'], { cwd: tree.root });
      const withoutComment = runBuiltCli(['validate', '--format', 'json', 'without.yml'], { cwd: tree.root });
      expect([withComment.code, rulesOf(withComment)]).toEqual([0, []]);
      expect([withoutComment.code, rulesOf(withoutComment)]).toEqual([0, ['schema/unknown-key']]);
    } finally {
      tree.remove();
    }
  });
});

describe('pmm-config validate: bad input never gives a stack trace', () => {
  const tree = tempTree({
    'binary.yml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    'folder/readme.md': 'no configs here\n',
    'huge.yml': `libraries:\n${'  # padding line to make a huge file\n'.repeat(150_000)}`,
  });
  afterAll(() => tree.remove());
  const inTree = (...args: string[]): CliRun => runBuiltCli(['validate', ...args], { cwd: tree.root });

  it.each([
    [['missing.yml'], /^pmm-config: missing\.yml: no such file or directory\n$/],
    [['binary.yml'], /^pmm-config: binary\.yml: looks like a binary file/],
    [['folder'], /^pmm-config: folder: is a directory with no Kometa file in it/],
    [['nothing/**/*.yml'], /^pmm-config: nothing\/\*\*\/\*\.yml: no files match this pattern\n$/],
    [['huge.yml'], /^pmm-config: huge\.yml: is larger than 4 MiB/],
    [[], /^pmm-config: no config\.yml or config\/config\.yml here/],
    [['--format', 'xml'], /^pmm-config: invalid values: Argument: format, Given: "xml"/],
    [['--max-warnings', 'x'], /^pmm-config: --max-warnings needs a whole number/],
  ])('validate %j exits 2 with one line', (args, message) => {
    expectOneLineFailure(inTree(...args), message);
  });

  it('shows the stack with --debug', () => {
    const run = inTree('missing.yml', '--debug');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(STACK_LINE);
  });

  it('checks the other files when one cannot be read, and exits 2', () => {
    const run = runBuiltCli(['validate', 'clean.yml', 'missing.yml', 'error.yml', '-f', 'json'], { cwd: fixtures });
    expectOneLineFailure(run, /^pmm-config: missing\.yml: no such file or directory\n$/);
    const report = parseJsonReport(run.stdout);
    expect(report.results.map((r) => r.file)).toEqual(['clean.yml', 'error.yml']);
    expect(report.results[1]?.errorCount).toBeGreaterThan(0);
  });
});

describe('pmm-config validate: where input comes from', () => {
  const clean = fixture('clean.yml');
  const error = fixture('error.yml');
  const tree = tempTree({
    'repo/config/config.yml': clean,
    'repo/config/collections/movies.yml': 'collections:\n  Best:\n    imdb_chart: top_movies\n',
    'repo/servers/living-room.yaml': error,
    'repo/.github/workflow-config.yml': error,
    'repo/node_modules/pkg/config.yml': error,
    'root-config/config.yml': clean,
    'root-config/config/config.yml': error,
    'dashed/config.yml': clean,
    'dashed/-f.yml': error,
  });
  afterAll(() => tree.remove());

  it('takes the paths after -- as paths, even one that looks like an option, never the default config', () => {
    const dashed = join(tree.root, 'dashed');
    const only = runBuiltCli(['validate', '-f', 'json', '--', '-f.yml'], { cwd: dashed });
    expect(only.code).toBe(1);
    expect(parseJsonReport(only.stdout).results.map((r) => r.file)).toEqual(['-f.yml']);
    const both = runBuiltCli(['validate', 'config.yml', '-f', 'json', '--', '-f.yml'], { cwd: dashed });
    expect(parseJsonReport(both.stdout).results.map((r) => r.file)).toEqual(['config.yml', '-f.yml']);
    const stdin = runBuiltCli(['validate', '-f', 'json', '--', '-'], { cwd: dashed, input: error });
    expect(stdin.code).toBe(1);
    expect(parseJsonReport(stdin.stdout).results.map((r) => r.file)).toEqual(['<stdin>']);
  });

  it('finds config/config.yml on its own', () => {
    const run = runBuiltCli(['validate', '-f', 'json'], { cwd: join(tree.root, 'repo') });
    expect(run.code).toBe(0);
    expect(parseJsonReport(run.stdout).results.map((r) => r.file)).toEqual(['config/config.yml']);
  });

  it('checks both default locations when both exist', () => {
    const run = runBuiltCli(['validate', '-f', 'json'], { cwd: join(tree.root, 'root-config') });
    expect(run.code).toBe(1);
    expect(parseJsonReport(run.stdout).results.map((r) => r.file)).toEqual(['config.yml', 'config/config.yml']);
  });

  it('searches a folder for Kometa files (configs and collection files), skipping dot-folders, node_modules and other YAML', () => {
    const run = runBuiltCli(['validate', '.', '-f', 'json'], { cwd: join(tree.root, 'repo') });
    expect(run.code).toBe(1);
    const results = parseJsonReport(run.stdout).results;
    expect(results.map((r) => [r.file, r.kind])).toEqual([
      [join('config', 'config.yml'), 'config'],
      [join('config', 'collections', 'movies.yml'), 'collection'],
      [join('servers', 'living-room.yaml'), 'config'],
    ]);
  });

  it('expands globs', () => {
    const run = runBuiltCli(['validate', '**/config.yml', '-f', 'json'], { cwd: join(tree.root, 'repo') });
    expect(parseJsonReport(run.stdout).results.map((r) => r.file)).toEqual(['config/config.yml']);
  });

  it('reads stdin under the --stdin-filepath name', () => {
    const run = runBuiltCli(['validate', '-', '--stdin-filepath', 'config/config.yml', '-f', 'json'], { cwd: tree.root, input: error });
    expect(run.code).toBe(1);
    expect(parseJsonReport(run.stdout).results).toEqual([expect.objectContaining({ file: 'config/config.yml', errorCount: expect.any(Number) })]);
    expect(parseJsonReport(run.stdout).results[0]?.errorCount).toBeGreaterThan(0);
  });

  it('resolves linked files from the --stdin-filepath folder', () => {
    const linking = clean.replace('- default: tmdb', '- file: collections/movies.yml');
    const rules = (args: string[]): string[] =>
      parseJsonReport(runBuiltCli(['validate', '-', '-f', 'json', ...args], { cwd: tree.root, input: linking }).stdout).results[0]?.diagnostics.map((d) => d.rule) ?? [];
    expect(rules(['--stdin-filepath', 'repo/config/config.yml'])).not.toContain('core/missing-linked-file');
    expect(rules(['--stdin-filepath', 'root-config/config.yml'])).toContain('core/missing-linked-file');
  });

  it('reads stdin as <stdin> without a name, and a clean stdin exits 0', () => {
    const run = runBuiltCli(['validate', '-', '-f', 'json'], { cwd: tree.root, input: clean });
    expect(run.code).toBe(0);
    expect(parseJsonReport(run.stdout).results.map((r) => r.file)).toEqual(['<stdin>']);
  });

  it('says standard input is empty in one line (exit 2), but an empty file is a config Kometa stops on', () => {
    for (const input of ['', '\n  \n']) expectOneLineFailure(runBuiltCli(['validate', '-'], { cwd: tree.root, input }), /^pmm-config: <stdin>: standard input is empty\n$/);
    const named = runBuiltCli(['validate', '-', '--stdin-filepath', 'config/config.yml'], { cwd: tree.root, input: '' });
    expectOneLineFailure(named, /^pmm-config: config\/config\.yml: standard input is empty\n$/);
    const emptyFile = tempTree({ 'config.yml': '' });
    try {
      const run = runBuiltCli(['validate', '-f', 'json'], { cwd: emptyFile.root });
      expect(run.code).toBe(1);
      expect(parseJsonReport(run.stdout).results[0].diagnostics.map((d) => d.rule)).toEqual(['core/required-section', 'core/required-section']);
    } finally {
      emptyFile.remove();
    }
  });

  it('suggests the command meant when one is mistyped, in one line with exit 2', () => {
    expectOneLineFailure(runBuiltCli(['valdate', 'config.yml'], { cwd: tree.root }), /^pmm-config: unknown command `valdate`; did you mean `validate`\? \(see pmm-config --help\)\n$/);
    expectOneLineFailure(runBuiltCli(['frobnicate'], { cwd: tree.root }), /^pmm-config: unknown command `frobnicate` \(see pmm-config --help\)\n$/);
  });

  it('refuses binary stdin in one line', () => {
    expectOneLineFailure(runBuiltCli(['validate', '-'], { cwd: tree.root, input: Buffer.from([0, 1, 2]) }), /^pmm-config: <stdin>: looks like a binary file/);
  });
});

describe('pmm-config validate: output', () => {
  it('keeps the --format json contract', () => {
    const run = validate('error.yml', 'warning.yml', '--format', 'json');
    expect(run.code).toBe(1);
    const report = parseJsonReport(run.stdout);
    expect(Object.keys(report).sort()).toEqual(['results', 'version']);
    expect(report.results.map((r) => r.file)).toEqual(['error.yml', 'warning.yml']);
    for (const result of report.results) {
      expect(result).toEqual({ file: expect.any(String), kind: 'config', errorCount: expect.any(Number), warningCount: expect.any(Number), diagnostics: expect.any(Array) });
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(result.errorCount);
      expect(result.diagnostics.filter((d) => d.severity === 'warning')).toHaveLength(result.warningCount);
      for (const d of result.diagnostics) {
        expect(d).toEqual(
          expect.objectContaining({
            rule: expect.stringMatching(/^[a-z0-9-]+\/[a-z0-9-]+$/),
            severity: expect.stringMatching(/^(error|warning|info)$/),
            message: expect.any(String),
            pointer: expect.stringMatching(/^(\/.*)?$/),
          }),
        );
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
        expect(d.endLine * 1e6 + d.endColumn).toBeGreaterThanOrEqual(d.line * 1e6 + d.column);
      }
    }
    expect(report.results[0]?.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', pointer: '/tmdb/apikey', line: 9 }));
  });

  it.each(['stylish', 'json', 'sarif', 'github'])('prints the %s format', (format) => {
    const run = validate('error.yml', '-f', format);
    expect(run.code).toBe(1);
    expect(run.stdout.length).toBeGreaterThan(0);
    if (format === 'sarif') expect(JSON.parse(run.stdout)).toMatchObject({ version: '2.1.0', runs: [expect.objectContaining({ tool: expect.anything() })] });
    if (format === 'github') expect(run.stdout).toMatch(/^::error file=error\.yml,line=\d+/m);
  });

  it('colours stylish output only when asked: FORCE_COLOR, --color; never with NO_COLOR or off a terminal', () => {
    const ANSI = '\u001b[';
    expect(validate('error.yml').stdout).not.toContain(ANSI);
    expect(runBuiltCli(['validate', 'error.yml'], { cwd: fixtures, env: { FORCE_COLOR: '1' } }).stdout).toContain(ANSI);
    expect(runBuiltCli(['validate', 'error.yml'], { cwd: fixtures, env: { FORCE_COLOR: '0' } }).stdout).not.toContain(ANSI);
    expect(runBuiltCli(['validate', 'error.yml'], { cwd: fixtures, env: { NO_COLOR: '1' } }).stdout).not.toContain(ANSI);
    expect(validate('error.yml', '--color').stdout).toContain(ANSI);
    expect(runBuiltCli(['validate', 'error.yml', '--no-color'], { cwd: fixtures, env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ANSI);
  });
});

describe('pmm-config validate: secrets never appear', () => {
  const files = ['secrets.yml', 'secrets-syntax.yml'];
  const secretValues = [...new Set(files.flatMap((file) => fixture(file).match(/SeCrEt\w+/g) ?? []))];

  it('has secrets to hide', () => {
    expect(secretValues.length).toBeGreaterThanOrEqual(12);
  });

  it.each(['stylish', 'json', 'sarif', 'github'].flatMap((format) => files.map((file) => [format, file])))(
    'in %s output for %s',
    (format, file) => {
      const run = runBuiltCli(['validate', file, '-f', format, '--color'], { cwd: fixtures });
      expect(run.code).toBe(1);
      const output = run.stdout + run.stderr;
      for (const secret of secretValues) {
        expect(output).not.toContain(secret);
        expect(output).not.toContain(secret.slice(-8));
      }
    },
  );

  it('names the type of a list under a secret key instead of masking it, and underlines only the mask', () => {
    const tree = tempTree({ 'config.yml': 'libraries:\n  Movies:\n    collection_files:\n      - default: imdb\nplex:\n  url: http://plex:32400\n  token: [REDACTED]\ntmdb:\n  apikey: abcdefghijklmnopqrstuvwxyz012345\n  cache_expiration: soon\n' });
    try {
      const run = runBuiltCli(['validate'], { cwd: tree.root });
      expect(run.stdout).toContain('`plex.token` must be text or blank, not a list.');
      expect(run.stdout).toContain('> 7 |   token: ********\n             |          ^^^^^^^^\n');
      expect(run.stdout).not.toContain('REDACTED');
      expect(run.stdout).not.toContain('abcdefghijklmnop');
    } finally {
      tree.remove();
    }
  });

  it('still reports the mistakes next to the secrets', () => {
    const report = parseJsonReport(validate('secrets.yml', '-f', 'json').stdout);
    const pointers = report.results[0]?.diagnostics.map((d) => d.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/plex/timeout', '/tmdb/cache_expiration', '/radarr/availability']));
  });
});

describe('pmm-config validate: hostile YAML stays bounded', () => {
  const libraries = 'libraries:\n  Movies:\n    collection_files:\n      - default: imdb\ntmdb:\n  apikey: <<TMDB>>\n';
  const aliasBomb = [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
  ].join('\n');
  const deepFlow = `${libraries}settings:\n  deep: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
  const deepBlock = `${libraries}settings:\n${Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(2 * (i + 1))}k${i}:`).join('\n')} 1\n`;
  const tree = tempTree({ 'bomb.yml': `${libraries}${aliasBomb}\n`, 'deep-flow.yml': deepFlow, 'deep-block.yml': deepBlock });
  afterAll(() => tree.remove());

  it.each(['bomb.yml', 'deep-flow.yml', 'deep-block.yml'])('%s ends with a finding, not a crash', (file) => {
    const run = runBuiltCli(['validate', file, '-f', 'json'], { cwd: tree.root, timeoutMs: 20_000 });
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.code).toBe(1);
    expect(parseJsonReport(run.stdout).results[0]?.errorCount).toBeGreaterThan(0);
  });
});
