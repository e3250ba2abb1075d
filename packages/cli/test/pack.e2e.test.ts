import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { installTarball, mustRun, packCli } from './support/packed-cli';
import { repoRoot, runBuiltCli } from './support/run-built-cli';
import { tempTree } from './support/temp-dir';

const cliVersion = (JSON.parse(readFileSync(join(repoRoot, 'packages/cli/package.json'), 'utf8')) as { version: string }).version;

describe('the packed pmm-config npm package', () => {
  const temp = tempTree();
  const app = join(temp.root, 'app');
  let tarball = '';
  let bin = '';

  /** Runs the installed bin as a user would: through its `#!` line, from the app folder, with a minimal environment. */
  const runInstalled = (args: readonly string[]) => {
    const result = spawnSync(bin, args, { cwd: app, env: { PATH: process.env['PATH'] ?? '', HOME: temp.root }, encoding: 'utf8', timeout: 30_000 });
    if (result.error) throw result.error;
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  beforeAll(() => {
    tarball = packCli(temp.root);
    bin = installTarball(tarball, app);
    cpSync(join(repoRoot, 'examples'), join(app, 'examples'), { recursive: true });
    cpSync(join(repoRoot, 'packages/cli/test/fixtures/validate'), join(app, 'broken'), { recursive: true });
  }, 180_000);
  afterAll(() => temp.remove());

  it('holds the launcher, the bundle with its lazy chunks, the schema, the notices and nothing else', () => {
    const listing = mustRun('tar', ['-tzf', tarball], { cwd: temp.root }).trim().split('\n').sort();
    expect(listing).toEqual(
      [
        'LICENSE',
        'README.md',
        'THIRD-PARTY-NOTICES.md',
        'dist/cli.js',
        'dist/collection-validator.js',
        'dist/collection.schema.json',
        'dist/config.schema.json',
        'dist/defaults.json',
        'dist/diff.js',
        'dist/glob.js',
        'dist/kometa-catalogue.js',
        'dist/main.js',
        'dist/metadata-validator.js',
        'dist/metadata.schema.json',
        'dist/overlay-validator.js',
        'dist/overlay.schema.json',
        'dist/playlist-validator.js',
        'dist/playlist.schema.json',
        'dist/validator.js',
        'dist/yaml.js',
        'package.json',
      ].map((file) => `package/${file}`),
    );
  });

  it('installs with no runtime dependencies, an engines field and an executable bin', () => {
    const installed = join(app, 'node_modules/pmm-config');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'pmm-config', version: cliVersion, license: 'MIT', engines: { node: '>=20' }, bin: { 'pmm-config': 'dist/main.js' } });
    expect(manifest['dependencies']).toBeUndefined();
    expect(manifest['private']).toBeUndefined();
    expect(readdirSync(join(app, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['pmm-config']);
    expect(statSync(join(installed, 'dist/main.js')).mode & 0o111).not.toBe(0);
    expect(readFileSync(join(installed, 'dist/main.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(readFileSync(join(installed, 'THIRD-PARTY-NOTICES.md'), 'utf8')).toMatch(/## yaml 2\.9\.1 \(ISC\)[\s\S]*## yargs 17\.7\.2 \(MIT\)/);
    // npm installs a copy of yaml per workspace package; the bundle holds one, and the notices name it once.
    expect(readFileSync(join(installed, 'THIRD-PARTY-NOTICES.md'), 'utf8').match(/^## yaml /gm)).toHaveLength(1);
  });

  it('prints its version', () => {
    expect(runInstalled(['--version'])).toEqual({ code: 0, stdout: `${cliVersion}\n`, stderr: '' });
  });

  it('validates the example config exactly as the workspace build does', () => {
    const installed = runInstalled(['validate', 'examples/config.yml', '--format', 'json']);
    const workspace = runBuiltCli(['validate', 'examples/config.yml', '--format', 'json'], { cwd: app });
    expect(installed).toEqual(workspace);
    expect(installed.code).toBe(0);
    const report = JSON.parse(installed.stdout) as { results: { file: string; errorCount: number }[] };
    // the config, then the collection file it links and that file's external templates: the bundle ships the
    // collection schema and follows links as the workspace build does
    expect(report.results).toEqual([
      expect.objectContaining({ file: 'examples/config.yml', errorCount: 0 }),
      expect.objectContaining({ file: 'examples/collections/movies.yml', kind: 'collection', errorCount: 0 }),
      expect.objectContaining({ file: 'examples/collections/templates.yml', kind: 'template', errorCount: 0 }),
    ]);
  });

  it('fails a broken config with exit 1 and points at the line', () => {
    const run = runInstalled(['validate', 'broken/error.yml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('broken/error.yml');
    expect(run.stdout).toMatch(/9:1\s+error\s+`tmdb` has no `apikey`/);
    expect(run.stdout).toContain('core/required-section');
  });

  it('exits 2 with one line for a missing file', () => {
    const run = runInstalled(['validate', 'nope.yml']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the schema shipped next to the bundle', () => {
    const run = runInstalled(['schema']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(app, 'node_modules/pmm-config/dist/config.schema.json'), 'utf8'));
    expect(runInstalled(['schema', '--path']).stdout).toBe(`${join(app, 'node_modules/pmm-config/dist/config.schema.json')}\n`);
  });

  it('refuses to pack the workspace package itself, pointing at the bundle', () => {
    const result = spawnSync('npm', ['pack', '--dry-run', '--ignore-scripts=false'], { cwd: join(repoRoot, 'packages/cli'), encoding: 'utf8', timeout: 60_000 });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('Build the self-contained package instead:  npx nx run pmm-config:bundle');
  });

  it('includes the auth commands', () => {
    const run = runInstalled(['auth', 'trakt', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/trakt/i);
    expect(run.stdout).toMatch(/--config/);
  });
});
