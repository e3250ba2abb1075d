import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cachedNpmEnv, cloneAtHead, installTarball, mustRun, packCli } from './support/packed-cli';
import { repoRoot } from './support/run-built-cli';
import { tempTree } from './support/temp-dir';

interface HookDefinition {
  id: string;
  entry: string;
  language: string;
  files: string;
  additional_dependencies?: string[];
}
interface RootManifest {
  private?: boolean;
  bin?: Record<string, string>;
  files?: string[];
  scripts: Record<string, string>;
}

const hooksFile = join(repoRoot, '.pre-commit-hooks.yaml');
const hooks = parse(readFileSync(hooksFile, 'utf8')) as HookDefinition[];
const hook = hooks.find((candidate) => candidate.id === 'pmm-config-validate');
const rootManifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as RootManifest;
const preCommitAvailable = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

const git = (cwd: string, ...args: string[]) => mustRun('git', ['-c', 'user.email=ci@example.invalid', '-c', 'user.name=ci', ...args], { cwd });

describe('.pre-commit-hooks.yaml', () => {
  it('declares pmm-config-validate as a node hook that needs nothing from the npm registry', () => {
    expect(hook).toMatchObject({ entry: 'pmm-config validate', language: 'node' });
    // The hook runs the bundle built from the repository at the hook's rev, not a published package.
    expect(hook?.additional_dependencies).toBeUndefined();
  });

  it('is backed by the root package: its bin is the bundle, which its prepare builds, and it ships nothing else', () => {
    expect(rootManifest.private).toBe(true);
    expect(rootManifest.bin).toEqual({ 'pmm-config': 'dist/pmm-config/dist/main.js' });
    expect(rootManifest.files).toEqual(['dist/pmm-config/dist/']);
    expect(rootManifest.scripts['prepare']).toBe('node tools/pre-commit/prepare.cjs');
    // A prepack would print its banner into `npm pack`'s output, where pre-commit < 4.6.1 reads the tarball name.
    expect(rootManifest.scripts['prepack']).toBeUndefined();
  });

  it('matches config.yml and config.yaml in any folder, and nothing else', () => {
    const files = new RegExp(hook?.files ?? '^$');
    for (const path of ['config.yml', 'config.yaml', 'config/config.yml', 'kometa/config/config.yaml']) expect(path).toMatch(files);
    for (const path of ['myconfig.yml', 'config.yml.bak', 'config/movies.yml', 'docker-compose.yml', 'config.json']) expect(path).not.toMatch(files);
  });

  it('builds nothing in an ordinary install (no NODE_VIRTUAL_ENV), so npm ci stays as fast as before', () => {
    const run = spawnSync(process.execPath, [join(repoRoot, 'tools/pre-commit/prepare.cjs')], { cwd: repoRoot, env: { PATH: process.env['PATH'] ?? '' }, encoding: 'utf8' });
    expect(run).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });
});

describe('the pmm-config-validate hook', () => {
  const temp = tempTree();
  const user = join(temp.root, 'user');
  let tarball = '';

  beforeAll(() => {
    tarball = packCli(temp.root);
    mkdirSync(join(user, 'other'), { recursive: true });
    git(temp.root, 'init', '-q', user);
    copyFileSync(join(repoRoot, 'packages/cli/test/fixtures/validate/clean.yml'), join(user, 'config.yml'));
    copyFileSync(join(repoRoot, 'packages/cli/test/fixtures/validate/error.yml'), join(user, 'other/config.yaml'));
    writeFileSync(join(user, 'unrelated.yml'), 'not: [a kometa config\n');
  }, 180_000);
  afterAll(() => temp.remove());

  it('runs its entry on the files pre-commit would pass', () => {
    const bin = installTarball(tarball, join(temp.root, 'entry'));
    const [command, ...args] = (hook?.entry ?? '').split(' ');
    expect(command).toBe('pmm-config');
    const files = new RegExp(hook?.files ?? '^$');
    const staged = ['config.yml', 'other/config.yaml', 'unrelated.yml'].filter((path) => files.test(path));
    const run = spawnSync(bin, [...args, ...staged], { cwd: user, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('other/config.yaml');
    expect(run.stdout).toContain('core/required-section');
    expect(run.stdout).not.toContain('unrelated.yml');
  });

  (preCommitAvailable ? it : it.skip)(
    'works under pre-commit itself, installed from a clone of this repository at its commit',
    () => {
      const clone = cloneAtHead(join(temp.root, 'hooks'));
      writeFileSync(
        join(user, '.pre-commit-config.yaml'),
        `repos:\n  - repo: ${clone.dir}\n    rev: ${clone.commit}\n    hooks:\n      - id: pmm-config-validate\n`,
      );
      git(user, 'add', '.');
      // pre-commit npm-installs the clone (its development tools, then the bundle build): from the npm cache.
      const env = { PATH: process.env['PATH'] ?? '', HOME: temp.root, PRE_COMMIT_HOME: join(temp.root, 'pre-commit-cache'), ...cachedNpmEnv() };
      const failing = spawnSync('pre-commit', ['run', '--all-files', '--color', 'never'], { cwd: user, env, encoding: 'utf8', timeout: 300_000 });
      expect(failing.stdout).toMatch(/pmm-config validate\.+Failed/);
      expect(failing.status).toBe(1);
      expect(failing.stdout).toContain('other/config.yaml');
      expect(failing.stdout).toMatch(/9:1\s+error\s+`tmdb` has no `apikey`/);
      expect(failing.stdout).not.toContain('unrelated.yml');

      copyFileSync(join(repoRoot, 'packages/cli/test/fixtures/validate/clean.yml'), join(user, 'other/config.yaml'));
      git(user, 'add', '.');
      const passing = spawnSync('pre-commit', ['run', '--all-files', '--color', 'never'], { cwd: user, env, encoding: 'utf8', timeout: 300_000 });
      expect(passing.stdout).toMatch(/pmm-config validate\.+Passed/);
      expect(passing.status).toBe(0);
    },
    300_000,
  );
  it('installs the way pre-commit >= 4.6.1 does (npm install -g git+file://, in a nodeenv), bundle and bin included', () => {
    // pre-commit's languages/node.py: NODE_VIRTUAL_ENV and the npm prefix point at the hook's nodeenv.
    const clone = cloneAtHead(join(temp.root, 'hooks-git'));
    const nodeenv = join(temp.root, 'nodeenv');
    const env = { PATH: process.env['PATH'] ?? '', HOME: temp.root, NODE_VIRTUAL_ENV: nodeenv, NPM_CONFIG_PREFIX: nodeenv, npm_config_prefix: nodeenv, ...cachedNpmEnv() };
    mustRun('npm', ['install', '--allow-git=root', '--install-links', '-g', `git+file://${clone.dir}`], { cwd: temp.root, env, timeoutMs: 300_000 });
    // A minimal environment, as pre-commit gives a hook: a FORCE_COLOR from the test runner (nx sets one for its tasks) must not colour the report.
    const run = spawnSync(join(nodeenv, 'bin/pmm-config'), ['validate', 'packages/cli/test/fixtures/validate/error.yml'], { cwd: repoRoot, env: { PATH: process.env['PATH'] ?? '', HOME: temp.root }, encoding: 'utf8' });
    expect(run.stdout).toMatch(/9:1\s+error\s+`tmdb` has no `apikey`/);
    expect(run.status).toBe(1);
  }, 300_000);

  if (!preCommitAvailable) console.log('pre-commit is not on PATH (pip install pre-commit, or apt-get install pre-commit): the hook install from a clone is not tested, only its entry command');
});
