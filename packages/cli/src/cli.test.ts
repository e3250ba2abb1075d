import { fakeIO } from '../test/support/fake-io';
import { runCli } from './cli';
import { packageVersion } from './version';

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = fakeIO({ cwd: '/nonexistent-pmm-config-cwd' });
  const code = await runCli(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('runCli', () => {
  it('prints help with every command to stdout and exits 0', async () => {
    const { code, stdout, stderr } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/pmm-config validate \[paths\.\.\]/);
    expect(stdout).toMatch(/pmm-config schema/);
    expect(stderr).toBe('');
  });

  it('explains folder scanning and exit codes in validate --help', async () => {
    const { code, stdout } = await run('validate', '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/--format.*\[choices: "stylish", "json", "sarif", "github"\]/s);
    expect(stdout).toMatch(/skipping node_modules and dot-folders/);
    expect(stdout).toMatch(/Exit codes: 0 no errors; 1 errors/);
  });

  // cli.ts stops yargs rendering the help it caches before a handler; help that is asked for is still wrapped.
  it.each([[['--help']], [['validate', '--help']], [['auth', '--help']]])('wraps %j to the help width', async (argv) => {
    const { code, stdout } = await run(...argv);
    expect(code).toBe(0);
    const widths = stdout.split('\n').map((line) => line.length);
    expect(Math.max(...widths)).toBeGreaterThan(60);
    expect(widths.filter((width) => width > 100)).toEqual([]);
  });

  // Epilogues are paragraphs that yargs wraps: a hard break inside a sentence left a short line in the middle.
  it.each([[['validate', '--help']], [['auth', 'trakt', '--help']], [['auth', 'mal', '--help']]])('wraps the epilogue of %j without ragged lines', async (argv) => {
    const { stdout } = await run(...argv);
    const paragraphs = stdout.slice(stdout.indexOf('\n\n', stdout.lastIndexOf('Examples:')) + 2).trimEnd().split('\n\n');
    expect(paragraphs.length).toBeGreaterThan(1);
    expect(paragraphs[paragraphs.length - 1]).toMatch(/^Exit codes:/);
    for (const paragraph of paragraphs) {
      const lines = paragraph.split('\n');
      const width = Math.max(...lines.map((line) => line.length));
      // Every line but a paragraph's last fills most of the width a wrapped paragraph reaches.
      expect(lines.slice(0, -1).filter((line) => line.length < width - 20)).toEqual([]);
    }
  });

  it('prints the package version', async () => {
    expect(packageVersion).toMatch(/^\d+\.\d+\.\d+/);
    for (const flag of ['--version', '-V']) {
      const { code, stdout } = await run(flag);
      expect([code, stdout]).toEqual([0, `${packageVersion}\n`]);
    }
  });

  it.each([
    [['frobnicate'], /^pmm-config: unknown command `frobnicate` \(see pmm-config --help\)\n$/],
    [[], /^pmm-config: pick a command/],
    [['validate', '--nope'], /^pmm-config: unknown arguments?: nope/],
    [['validate', '--format', 'xml'], /^pmm-config: invalid values: Argument: format, Given: "xml", Choices: "stylish", "json", "sarif", "github"/],
    [['validate', '--max-warnings', 'many'], /^pmm-config: --max-warnings needs a whole number/],
    [['validate', '--max-warnings', '1.5'], /^pmm-config: --max-warnings needs a whole number/],
    [['validate', '--max-warnings'], /^pmm-config: not enough arguments following: max-warnings/],
    [['valdate', 'config.yml'], /^pmm-config: unknown command `valdate`; did you mean `validate`\? \(see pmm-config --help\)\n$/],
    [['aut', 'trakt'], /^pmm-config: unknown command `aut`; did you mean `auth`\?/],
  ])('turns the usage error in %j into one line and exit 2', async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reports a missing default config as one line and exit 2', async () => {
    const { code, stderr } = await run('validate');
    expect(code).toBe(2);
    expect(stderr).toBe('pmm-config: no config.yml or config/config.yml here; pass a config file, folder, glob or - for stdin\n');
  });

  it('adds stacks only with --debug', async () => {
    const { stderr } = await run('validate', '--debug');
    expect(stderr).toMatch(/^pmm-config: no config\.yml/);
    expect(stderr).toMatch(/\n\s+at /);
  });
});

describe('runCli with stdin', () => {
  it('reads - as stdin, which yargs alone would drop', async () => {
    const io = fakeIO({ cwd: '/nonexistent-pmm-config-cwd', stdin: Buffer.from([0, 1]) });
    const code = await runCli(['validate', '-'], io);
    expect(code).toBe(2);
    expect(io.stderr()).toBe('pmm-config: <stdin>: looks like a binary file (it contains NUL bytes), not a YAML config\n');
  });

  it('shows - in usage errors as the user typed it', async () => {
    const io = fakeIO({ cwd: '/' });
    expect(await runCli(['schema', '-'], io)).toBe(2);
    expect(io.stderr()).toBe('pmm-config: unknown argument: - (see pmm-config --help)\n');
  });
});

describe('runCli messages', () => {
  const saved = { LANG: process.env['LANG'], LC_ALL: process.env['LC_ALL'] };
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('stay English under another locale', async () => {
    process.env['LANG'] = 'de_DE.UTF-8';
    process.env['LC_ALL'] = 'de_DE.UTF-8';
    const io = fakeIO({ cwd: '/' });
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.stderr()).toBe('pmm-config: unknown command `frobnicate` (see pmm-config --help)\n');
  });
});
