import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './run-built-cli';

/** The bundling script that stages the publishable package. */
export const bundleScript = join(repoRoot, 'packages/cli/scripts/bundle.cjs');

/** Runs a command to completion and fails the test with its output when it exits non-zero. */
export function mustRun(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): string {
  const result = spawnSync(command, args, { cwd: options.cwd, env: options.env ?? process.env, encoding: 'utf8', timeout: options.timeoutMs ?? 120_000 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/**
 * Bundles the built CLI into `<folder>/stage` and packs it like a release: returns the tarball path.
 * Needs `packages/cli/dist` (the test target builds it first).
 */
export function packCli(folder: string): string {
  const destination = join(folder, 'tarball');
  mkdirSync(destination, { recursive: true });
  const out = mustRun(process.execPath, [bundleScript, '--out', join(folder, 'stage'), '--pack', '--pack-destination', destination], { cwd: repoRoot });
  return out.trim().split('\n').pop() ?? '';
}

/** Installs a tarball into a new, empty npm project in `folder` (no registry needed: it has no dependencies). */
export function installTarball(tarball: string, folder: string): string {
  mkdirSync(folder, { recursive: true });
  mustRun('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: folder });
  return join(folder, 'node_modules/.bin/pmm-config');
}

/**
 * A fresh clone of this repository at its current commit, as pre-commit or a GitHub runner would check it out:
 * only committed files count (commit before running the tests that use it). Returns the folder and the commit.
 */
export function cloneAtHead(folder: string): { dir: string; commit: string } {
  const commit = mustRun('git', ['rev-parse', 'HEAD'], { cwd: repoRoot }).trim();
  mustRun('git', ['clone', '--quiet', '--no-checkout', repoRoot, folder], { cwd: repoRoot });
  mustRun('git', ['checkout', '--quiet', commit], { cwd: folder });
  return { dir: folder, commit };
}

/**
 * npm settings for installs from a clone with a throw-away HOME: this machine's npm cache, preferred over the
 * registry, so a warm cache (as after `npm ci`) needs no network.
 */
export function cachedNpmEnv(): Record<string, string> {
  const cache = mustRun('npm', ['config', 'get', 'cache'], { cwd: repoRoot }).trim();
  return { npm_config_cache: cache, npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false' };
}
