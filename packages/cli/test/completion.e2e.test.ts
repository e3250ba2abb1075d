import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtMain, repoRoot, runBuiltCli } from './support/run-built-cli';
import { tempTree } from './support/temp-dir';

const hasBash = spawnSync('bash', ['--version']).status === 0;

describe('pmm-config completion', () => {
  const temp = tempTree();
  afterAll(() => temp.remove());

  /** Sources the bash script with a `pmm-config` on PATH and asks it to complete the given words (last = current). */
  function completeInBash(words: string[]): string[] {
    const bin = join(temp.root, 'bin');
    writeFileSync(join(temp.root, 'completion.bash'), runBuiltCli(['completion', 'bash']).stdout);
    spawnSync('mkdir', ['-p', bin]);
    writeFileSync(join(bin, 'pmm-config'), `#!/bin/sh\nexec "${process.execPath}" "${builtMain}" "$@"\n`);
    chmodSync(join(bin, 'pmm-config'), 0o755);
    const script = [
      `source ${JSON.stringify(join(temp.root, 'completion.bash'))}`,
      `COMP_WORDS=(${words.map((word) => JSON.stringify(word)).join(' ')})`,
      `COMP_CWORD=${words.length - 1}`,
      '_pmm_config_completions',
      'printf "%s\\n" "${COMPREPLY[@]}"',
    ].join('\n');
    const result = spawnSync('bash', ['--noprofile', '--norc', '-c', script], { encoding: 'utf8', env: { PATH: `${bin}:${process.env['PATH'] ?? ''}`, HOME: temp.root } });
    return result.stdout.split('\n').filter(Boolean);
  }

  (hasBash ? it : it.skip)('completes commands, options and option values in bash', () => {
    expect(completeInBash(['pmm-config', 'val'])).toEqual(['validate']);
    expect(completeInBash(['pmm-config', ''])).toEqual(expect.arrayContaining(['validate', 'schema', 'auth', 'init-editor', 'completion']));
    expect(completeInBash(['pmm-config', 'validate', '--for'])).toEqual(['--format']);
    expect(completeInBash(['pmm-config', 'validate', '--format', 's'])).toEqual(['stylish', 'sarif']);
    expect(completeInBash(['pmm-config', 'completion', 'z'])).toEqual(['zsh']);
  });

  it('answers completion requests without running the command', () => {
    const empty = tempTree();
    try {
      const run = runBuiltCli(['--get-yargs-completions', 'pmm-config', 'validate', '--format', ''], { cwd: empty.root });
      expect(run).toEqual({ code: 0, stdout: 'stylish\njson\nsarif\ngithub\n', stderr: '' });
    } finally {
      empty.remove();
    }
  });

  it('prints the script for the shell named, or the one in $SHELL', () => {
    const zsh = runBuiltCli(['completion', 'zsh']);
    expect(zsh.code).toBe(0);
    expect(zsh.stdout.startsWith('#compdef pmm-config\n')).toBe(true);
    expect(zsh.stdout).toContain('compdef _pmm_config pmm-config');
    const fish = runBuiltCli(['completion'], { env: { SHELL: '/usr/bin/fish' } });
    expect(fish.stdout).toContain("complete -c pmm-config -a '(__pmm_config_complete)'");
    const fallback = runBuiltCli(['completion'], { env: { SHELL: '/bin/tcsh' } });
    expect(fallback.stdout).toContain('complete -o bashdefault -o default -F _pmm_config_completions pmm-config');
    for (const script of [zsh.stdout, fish.stdout, fallback.stdout]) expect(script).toContain('pmm-config --get-yargs-completions');
  });

  it('rejects an unknown shell in one line', () => {
    const run = runBuiltCli(['completion', 'powershell']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/invalid values:.*powershell/);
  });
});

describe('pmm-config --version', () => {
  it('prints the package version alone', () => {
    const version = (JSON.parse(readFileSync(join(repoRoot, 'packages/cli/package.json'), 'utf8')) as { version: string }).version;
    expect(runBuiltCli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(runBuiltCli(['-V']).stdout).toBe(`${version}\n`);
  });
});
