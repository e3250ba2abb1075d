import { readSection } from '@pmm-config/config-edit';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { AuthCommandError } from './errors';

/** The config as read before authorizing: the exact text is what the write compares against. */
export interface LoadedConfig {
  readonly path: string;
  /** The path as the user should see it. */
  readonly display: string;
  readonly text: string;
  /** The provider's section, parsed (merge keys applied); `undefined` when absent. */
  readonly section: unknown;
}

const DEFAULT_CONFIGS = ['config.yml', path.join('config', 'config.yml')];
/** Larger than any real config by far; stops a wrong `--config` from reading a disk image. */
const MAX_CONFIG_BYTES = 16 * 1024 * 1024;

/** Finds the config: `--config`, else `config.yml`, else `config/config.yml`. Undefined when none exists and none was named. */
export function locateConfig(cwd: string, given: string | undefined): { path: string; display: string } | undefined {
  if (given !== undefined) return { path: path.resolve(cwd, given), display: given };
  for (const candidate of DEFAULT_CONFIGS) {
    const full = path.resolve(cwd, candidate);
    if (existsSync(full)) return { path: full, display: candidate };
  }
  return undefined;
}

/** Reads the config and its provider section; every failure is one clear line (exit 2). */
export function loadConfig(location: { path: string; display: string }, configKey: string): LoadedConfig {
  let text: string;
  try {
    const stats = statSync(location.path);
    if (stats.isDirectory()) throw new AuthCommandError('AUTH_CONFIG_UNREADABLE', `${location.display} is a folder; pass the config file with --config`);
    if (stats.size > MAX_CONFIG_BYTES) throw new AuthCommandError('AUTH_CONFIG_UNREADABLE', `${location.display} is too large to be a Kometa config`);
    text = readFileSync(location.path, 'utf8');
  } catch (error) {
    if (error instanceof AuthCommandError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new AuthCommandError('AUTH_CONFIG_NOT_FOUND', `${location.display} not found; pass --config <path>, or --print to only show the block`, { cause: error });
    throw new AuthCommandError('AUTH_CONFIG_UNREADABLE', `cannot read ${location.display} (${code ?? 'error'})`, { cause: error });
  }
  let section: unknown;
  try {
    section = readSection(text, configKey);
  } catch (error) {
    throw new AuthCommandError('AUTH_CONFIG_INVALID', `${location.display} is not valid YAML, so it cannot be updated safely; run \`pmm-config validate ${location.display}\``, { cause: error });
  }
  return { path: location.path, display: location.display, text, section };
}
