import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { installTarball, mustRun, packCli } from './support/packed-cli';
import { repoRoot } from './support/run-built-cli';
import { tempTree } from './support/temp-dir';

interface HookDefinition {
  id: string;
  entry: string;
  language: string;
  files: string;
  additional_dependencies?: string[];
}

const hooksFile = join(repoRoot, '.pre-commit-hooks.yaml');
const hooks = parse(readFileSync(hooksFile, 'utf8')) as HookDefinition[];
const hook = hooks.find((candidate) => candidate.id === 'pmm-config-validate');
const cliVersion = (JSON.parse(readFileSync(join(repoRoot, 'packages/cli/package.json'), 'utf8')) as { version: string }).version;
const preCommitAvailable = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

const git = (cwd: string, ...args: string[]) => mustRun('git', ['-c', 'user.email=ci@example.invalid', '-c', 'user.name=ci', ...args], { cwd });

describe('.pre-commit-hooks.yaml', () => {
  it('declares pmm-config-validate as a node hook pinned to this version', () => {
    expect(hook).toMatchObject({ entry: 'pmm-config validate', language: 'node', additional_dependencies: [`pmm-config@${cliVersion}`] });
  });

  it('matches config.yml and config.yaml in any folder, and nothing else', () => {
    const files = new RegExp(hook?.files ?? '^$');
    for (const path of ['config.yml', 'config.yaml', 'config/config.yml', 'kometa/config/config.yaml']) expect(path).toMatch(files);
    for (const path of ['myconfig.yml', 'config.yml.bak', 'config/movies.yml', 'docker-compose.yml', 'config.json']) expect(path).not.toMatch(files);
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
    'works under pre-commit itself (hook repo holding this .pre-commit-hooks.yaml, package from the packed tarball)',
    () => {
      const hookRepo = join(temp.root, 'hooks');
      mkdirSync(hookRepo);
      git(temp.root, 'init', '-q', hookRepo);
      copyFileSync(hooksFile, join(hookRepo, '.pre-commit-hooks.yaml'));
      // pre-commit npm-installs the hook repository itself; a one-line package keeps that offline and fast.
      writeFileSync(join(hookRepo, 'package.json'), '{"name": "pmm-config-hooks", "version": "0.0.0", "private": true}\n');
      git(hookRepo, 'add', '.');
      git(hookRepo, 'commit', '-qm', 'hooks');
      const rev = git(hookRepo, 'rev-parse', 'HEAD').trim();
      writeFileSync(
        join(user, '.pre-commit-config.yaml'),
        `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: pmm-config-validate\n        additional_dependencies: ['${tarball}']\n`,
      );
      git(user, 'add', '.');
      const env = { PATH: process.env['PATH'] ?? '', HOME: temp.root, PRE_COMMIT_HOME: join(temp.root, 'pre-commit-cache') };
      const failing = spawnSync('pre-commit', ['run', '--all-files', '--color', 'never'], { cwd: user, env, encoding: 'utf8', timeout: 300_000 });
      expect(failing.status).toBe(1);
      expect(failing.stdout).toMatch(/pmm-config validate\.+Failed/);
      expect(failing.stdout).toContain('other/config.yaml');
      expect(failing.stdout).toMatch(/9:1\s+error/);
      expect(failing.stdout).not.toContain('unrelated.yml');

      copyFileSync(join(repoRoot, 'packages/cli/test/fixtures/validate/clean.yml'), join(user, 'other/config.yaml'));
      git(user, 'add', '.');
      const passing = spawnSync('pre-commit', ['run', '--all-files', '--color', 'never'], { cwd: user, env, encoding: 'utf8', timeout: 300_000 });
      expect(passing.stdout).toMatch(/pmm-config validate\.+Passed/);
      expect(passing.status).toBe(0);
    },
    300_000,
  );
  if (!preCommitAvailable) console.log('pre-commit is not installed (apt-get install pre-commit): the hook is tested through its entry command only');
});
