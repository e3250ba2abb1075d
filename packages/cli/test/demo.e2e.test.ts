import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './support/run-built-cli';
import { tempTree } from './support/temp-dir';

/** `npm run demo:auth`: the built CLI's Trakt device flow against the mock, with stdout piped as in `| less`. */
function runDemo(env: Record<string, string> = {}) {
  const home = tempTree();
  try {
    const result = spawnSync(process.execPath, [join(repoRoot, 'tools/demo/demo-auth.cjs')], {
      cwd: repoRoot,
      env: { PATH: process.env['PATH'] ?? '', HOME: home.root, PMM_CONFIG_NO_CACHE: '1', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (result.error) throw result.error;
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    home.remove();
  }
}

describe('npm run demo:auth', () => {
  it('prints plain text, no ANSI codes, when stdout is not a terminal', () => {
    const run = runDemo();
    expect(run.stderr).not.toContain('\x1b');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\n$ pmm-config auth trakt --check\n');
    expect(run.stdout).toMatch(/access_token: \*{8} \(masked by the demo\)/);
    expect(run.stdout).not.toContain('\x1b');
  });

  it('decides as the CLI does (validate/color): FORCE_COLOR makes the headings bold even on a pipe', () => {
    const run = runDemo({ FORCE_COLOR: '1' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\x1b[1m$ pmm-config auth trakt --check\x1b[0m');
  });
});
