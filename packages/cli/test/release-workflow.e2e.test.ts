import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './support/run-built-cli';
import { tempTree } from './support/temp-dir';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
  run?: string;
}
interface Workflow {
  on: { push?: { tags?: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
}

const workflowsDir = join(repoRoot, '.github/workflows');
const readWorkflow = (file: string) => parse(readFileSync(join(workflowsDir, file), 'utf8')) as Workflow;
const release = readWorkflow('release.yml');
const steps = release.jobs['release'].steps;
const stepNamed = (name: string): Step => {
  const found = steps.find((step) => step.id === name || step.name === name);
  if (found === undefined) throw new Error(`release.yml has no step ${name}`);
  return found;
};
const cliVersion = (JSON.parse(readFileSync(join(repoRoot, 'packages/cli/package.json'), 'utf8')) as { version: string }).version;
/** Where the steps' $GITHUB_OUTPUT goes, never the folder they run in. */
const outputs = tempTree();
afterAll(() => outputs.remove());

/** Runs a step's `run:` with bash -eo pipefail, as GitHub does, in `cwd` with the given environment. */
function runStep(step: Step, cwd: string, env: Record<string, string>) {
  const output = join(outputs.root, 'github-output.txt');
  writeFileSync(output, '');
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run ?? ''], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', GITHUB_OUTPUT: output, GITHUB_REPOSITORY: 'someone/pmm-config', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, output: readFileSync(output, 'utf8') };
}

describe('.github/workflows/release.yml', () => {
  const temp = tempTree();
  afterAll(() => temp.remove());
  const stagedManifest = (manifest: Record<string, unknown>) => {
    mkdirSync(join(temp.root, 'dist/pmm-config'), { recursive: true });
    writeFileSync(join(temp.root, 'dist/pmm-config/package.json'), JSON.stringify(manifest));
  };

  it('runs on version tags, tests before it bundles, and publishes the tarball it attached', () => {
    expect(release.on.push?.tags).toEqual(['v*']);
    expect(release.permissions).toEqual({ contents: 'read' });
    const runs = steps.map((step) => step.run ?? '').join('\n');
    expect(runs.indexOf('npm ci')).toBeLessThan(runs.indexOf('npm test'));
    expect(runs.indexOf('npm test')).toBeLessThan(runs.indexOf('npm run bundle'));
    expect(runs).toContain('gh release create "$GITHUB_REF_NAME" "$tarball"');
    expect(stepNamed('Publish to npm with provenance')).toMatchObject({ if: "steps.npm.outputs.publish == 'true'", run: 'npm publish "$tarball" --provenance --access public' });
  });

  it('gives the npm token only to the steps that check and use it', () => {
    const holders = steps.filter((step) => Object.values(step.env ?? {}).some((value) => value.includes('secrets.NPM_TOKEN')));
    expect(holders.map((step) => step.id ?? step.name)).toEqual(['npm', 'Publish to npm with provenance']);
  });

  it('refuses a tag that does not name the package version', () => {
    const check = stepNamed('Check that the tag names the package version');
    const wrong = runStep(check, repoRoot, { GITHUB_REF_NAME: 'v9.9.9', GITHUB_ENV: join(temp.root, 'env.txt') });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain(`::error title=release::tag v9.9.9 does not match packages/cli/package.json version ${cliVersion}`);
    writeFileSync(join(temp.root, 'env.txt'), '');
    expect(runStep(check, repoRoot, { GITHUB_REF_NAME: `v${cliVersion}`, GITHUB_ENV: join(temp.root, 'env.txt') }).code).toBe(0);
    expect(readFileSync(join(temp.root, 'env.txt'), 'utf8')).toBe(`version=${cliVersion}\n`);
  });

  it('skips npm publish with a notice when no NPM_TOKEN is configured', () => {
    stagedManifest({ name: 'pmm-config' });
    const run = runStep(stepNamed('npm'), temp.root, { NPM_TOKEN: '', tarball: 'dist/pmm-config-0.0.0.tgz' });
    expect(run.code).toBe(0);
    expect(run.output).toBe('');
    expect(run.stdout).toContain('::notice title=release::No NPM_TOKEN secret: dist/pmm-config-0.0.0.tgz is attached to the release, npm publish is skipped.');
  });

  it('publishes with a token only when the package names this repository, as npm provenance requires', () => {
    stagedManifest({ name: 'pmm-config' });
    const unnamed = runStep(stepNamed('npm'), temp.root, { NPM_TOKEN: 'npm_s3cr3t' });
    expect(unnamed.code).toBe(1);
    expect(unnamed.output).toBe('');
    expect(unnamed.stdout).toContain('in packages/cli/package.json; npm provenance needs it');
    expect(unnamed.stdout).not.toContain('npm_s3cr3t');
    stagedManifest({ name: 'pmm-config', repository: { type: 'git', url: 'git+https://github.com/someone/pmm-config.git' } });
    expect(runStep(stepNamed('npm'), temp.root, { NPM_TOKEN: 'npm_s3cr3t' })).toMatchObject({ code: 0, output: 'publish=true\n' });
  });
});

describe('workflow actions', () => {
  it.each(readdirSync(workflowsDir))('%s pins every action to a full commit', (file) => {
    const workflow = readWorkflow(file);
    const uses = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => (step.uses === undefined ? [] : [step.uses])));
    expect(uses.length).toBeGreaterThan(0);
    expect(uses.filter((use) => use !== './' && !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(use))).toEqual([]);
  });
});
