import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cachedNpmEnv, cloneAtHead, packCli } from './support/packed-cli';
import { repoRoot } from './support/run-built-cli';
import { tempTree } from './support/temp-dir';

interface ActionStep {
  id?: string;
  shell: string;
  env: Record<string, string>;
  run: string;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as Action;
const step = action.runs.steps.find((candidate) => candidate.id === 'validate');
const fixture = (name: string): string => readFileSync(join(repoRoot, 'packages/cli/test/fixtures/validate', name), 'utf8');

describe('action.yml', () => {
  it('is a composite action with the documented inputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual(['files', 'format', 'sarif-file', 'strict', 'version']);
    expect(action.outputs['sarif-file'].value).toBe('${{ steps.validate.outputs.sarif-file }}');
  });

  it('passes inputs through the environment only, so no input can inject shell', () => {
    expect(step?.shell).toBe('bash');
    expect(step?.run).not.toContain('${{');
    for (const value of Object.values(step?.env ?? {})) expect(value).toMatch(/^\$\{\{ inputs\.[a-z-]+ \}\}$/);
  });
});

interface StepRun {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  output: string;
}

/**
 * Runs the step as GitHub would: resolves its `env:` from the given inputs and the inputs' defaults, then runs
 * `run:` with bash -eo pipefail in `workspace`, the action checked out at `actionPath`.
 */
function actionRunner(folder: string, workspace: string, actionPath: string, extraEnv: Record<string, string> = {}) {
  const summary = join(folder, 'summary.md');
  const output = join(folder, 'output.txt');
  return (inputs: Record<string, string>, timeoutMs = 120_000): StepRun => {
    writeFileSync(summary, '');
    writeFileSync(output, '');
    const env: Record<string, string> = {
      PATH: process.env['PATH'] ?? '',
      HOME: folder,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: output,
      RUNNER_TEMP: join(folder, 'runner-temp'),
      ...extraEnv,
    };
    for (const [name, expression] of Object.entries(step?.env ?? {})) {
      const input = /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(expression)?.[1] ?? '';
      env[name] = inputs[input] ?? action.inputs[input]?.default ?? '';
    }
    const script = join(folder, 'step.sh');
    writeFileSync(script, step?.run ?? '');
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env, encoding: 'utf8', timeout: timeoutMs });
    if (result.error) throw result.error;
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, summary: readFileSync(summary, 'utf8'), output: readFileSync(output, 'utf8') };
  };
}

describe('the action script, run as GitHub would run it', () => {
  const temp = tempTree();
  let tarball = '';
  const workspace = join(temp.root, 'workspace');
  // Every run here names a tarball or fails before installing: the action path is never built.
  const runAction = actionRunner(temp.root, workspace, repoRoot);

  beforeAll(() => {
    tarball = packCli(temp.root);
    const files: Record<string, string> = { 'config.yml': fixture('clean.yml'), 'typo/config.yml': fixture('warning.yml') };
    for (let i = 1; i <= 11; i++) files[`configs/c${String(i).padStart(2, '0')}.yml`] = fixture('error.yml');
    const tree = tempTree(files);
    spawnSync('mv', [tree.root, workspace]);
  }, 180_000);
  afterAll(() => temp.remove());

  it('checks config.yml by default and reports a clean run', () => {
    const run = runAction({ version: tarball });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::group::Install \/.*pmm-config-\d+\.\d+\.\d+\.tgz$/m);
    expect(run.stdout).toMatch(/^pmm-config \d+\.\d+\.\d+$/m);
    expect(run.summary).toContain('✅ No problems found (1 file checked');
  });

  it('annotates, summarises and writes SARIF in one run', () => {
    const run = runAction({ version: tarball, files: 'configs/*.yml\ntypo/config.yml', 'sarif-file': 'reports/pmm.sarif' });
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::error file='))).toHaveLength(10);
    expect(run.stdout).toMatch(/^::warning file=typo\/config\.yml,line=12/m);
    expect(run.summary).toContain('so 1 error was left out of the annotations');
    expect(run.output).toBe('sarif-file=reports/pmm.sarif\n');
    const sarif = JSON.parse(readFileSync(join(workspace, 'reports/pmm.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0].results).toHaveLength(12);
  });

  it('makes warnings fail with strict', () => {
    expect(runAction({ version: tarball, files: 'typo/config.yml' }).code).toBe(0);
    const strict = runAction({ version: tarball, files: 'typo/config.yml', strict: 'true' });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('--strict makes warnings fail the run');
  });

  it('prints the chosen format in the log and still writes the SARIF file', () => {
    const run = runAction({ version: tarball, files: 'typo/config.yml', format: 'json', 'sarif-file': 'json-run.sarif' });
    expect(run.code).toBe(0);
    const json = run.stdout.slice(run.stdout.indexOf('\n{') + 1);
    expect(JSON.parse(json)).toMatchObject({ version: 1, results: [{ file: 'typo/config.yml', warningCount: 1 }] });
    expect(run.stdout).not.toMatch(/^::warning/m);
    expect(run.summary).toBe('');
    expect(JSON.parse(readFileSync(join(workspace, 'json-run.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
  });

  it('rejects a bad input with an annotation and exit 2 before installing anything', () => {
    const run = runAction({ version: tarball, format: 'xml' });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("::error title=pmm-config action::format must be one of stylish, json, sarif, github (got 'xml').\n");
  });

  it('says so when the version input names a tarball that does not exist', () => {
    const run = runAction({ version: './missing/pmm-config.tgz' });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('::error title=pmm-config action::version: no such tarball: ./missing/pmm-config.tgz');
  });
});

describe('the action with no version input: built from its own checkout, as the workflow runs it', () => {
  const temp = tempTree();
  const workspace = join(temp.root, 'workspace');
  let runAction: ReturnType<typeof actionRunner>;
  let first: StepRun;

  beforeAll(() => {
    // A runner checks the action out at the ref in `uses:`; nothing is built or installed there yet.
    const clone = cloneAtHead(join(temp.root, 'action'));
    cpSync(join(repoRoot, 'examples'), join(workspace, 'examples'), { recursive: true });
    mkdirSync(join(workspace, 'broken'));
    writeFileSync(join(workspace, 'broken/config.yml'), fixture('error.yml'));
    runAction = actionRunner(temp.root, workspace, clone.dir, cachedNpmEnv());
    // The inputs of .github/workflows/pmm-config-action.yml.
    first = runAction({ files: 'examples/config.yml', 'sarif-file': 'results/pmm-config.sarif' }, 300_000);
  }, 300_000);
  afterAll(() => temp.remove());

  it('builds the bundle in the action checkout and lints the example: exit 0, its one warning annotated', () => {
    expect(first.stdout).toMatch(/^::group::Build pmm-config from .*\/action$/m);
    expect(first.stdout).toMatch(/^::endgroup::$/m);
    expect(first.stdout).toMatch(/^pmm-config \d+\.\d+\.\d+$/m);
    expect(first.stdout).not.toMatch(/^::group::Install/m);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^::warning file=examples\/config\.yml,line=\d+/m);
    expect(first.stdout).not.toMatch(/^::error/m);
    expect(first.summary).toContain('1 warning');
    expect(first.output).toBe('sarif-file=results/pmm-config.sarif\n');
    const sarif = JSON.parse(readFileSync(join(workspace, 'results/pmm-config.sarif'), 'utf8')) as { runs: { results: { level: string }[] }[] };
    expect(sarif.runs[0].results.map((result) => result.level)).toEqual(['warning']);
  });

  it('fails a broken config with exit 1 and an error annotation at its line', () => {
    const run = runAction({ files: 'broken/config.yml' }, 300_000);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=broken\/config\.yml,line=9,col=1,.*title=core\/required-section::/m);
  });
});
