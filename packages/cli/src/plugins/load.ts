import { PluginLoadError, loadPlugin } from '@pmm-config/plugin';
import type { Plugin } from '@pmm-config/plugin';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CliError } from '../errors';

/** The project file beside a config that lists plugins to load: `{ "plugins": ["./x.js", "pkg"] }`. */
export const PROJECT_FILE = '.pmm-config.json';

/** Plugin specifiers from `.pmm-config.json` in `dir`, resolved relative to that folder; none when the file is absent. */
export function projectPluginSpecifiers(dir: string): string[] {
  const file = path.join(dir, PROJECT_FILE);
  if (!existsSync(file)) return [];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError('PLUGIN', `${file} is not valid JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const plugins = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)['plugins'] : undefined;
  if (plugins === undefined) return [];
  if (!Array.isArray(plugins) || !plugins.every((entry) => typeof entry === 'string' && entry.trim() !== '')) {
    throw new CliError('PLUGIN', `${file}: "plugins" must be a list of module names or paths`);
  }
  return plugins.map((entry: string) => entry.trim());
}

/** Where to look for plugins: `--plugin` values resolve from `cwd`, the project file's from `configDir`. */
export interface PluginSources {
  readonly specifiers: readonly string[];
  readonly cwd: string;
  /** Folder of the config being checked or authorized; its `.pmm-config.json` is read when present. */
  readonly configDir?: string;
  readonly builtins: readonly Plugin[];
}

/**
 * The built-in plugins plus the external ones named with `--plugin` and in `.pmm-config.json`. A plugin
 * that fails to load, or claims an id or config section another plugin owns, is a one-line error (exit 2).
 */
export async function loadPlugins(sources: PluginSources): Promise<Plugin[]> {
  const requested: { specifier: string; fromDir: string }[] = [
    ...sources.specifiers.map((specifier) => ({ specifier, fromDir: sources.cwd })),
    ...(sources.configDir ? projectPluginSpecifiers(sources.configDir).map((specifier) => ({ specifier, fromDir: sources.configDir as string })) : []),
  ];
  const plugins = [...sources.builtins];
  const seenFiles = new Set<string>();
  for (const { specifier, fromDir } of requested) {
    let loaded;
    try {
      loaded = await loadPlugin(specifier, fromDir);
    } catch (error) {
      if (error instanceof PluginLoadError) throw new CliError('PLUGIN', error.message, { cause: error });
      throw error;
    }
    if (seenFiles.has(loaded.resolvedPath)) continue;
    seenFiles.add(loaded.resolvedPath);
    const clash = plugins.find((plugin) => plugin.meta.id === loaded.plugin.meta.id || plugin.configKey === loaded.plugin.configKey);
    if (clash) {
      throw new CliError('PLUGIN', `plugin "${specifier}" claims ${clash.meta.id === loaded.plugin.meta.id ? `the id "${clash.meta.id}"` : `the section "${clash.configKey}:"`}, which the ${clash.meta.name} plugin already owns`);
    }
    plugins.push(loaded.plugin);
  }
  return plugins;
}

/**
 * The folder whose `.pmm-config.json` applies to a `validate` run: that of the first path named (a
 * config file's folder, or the folder itself), else the working directory.
 */
export function projectDirFor(paths: readonly string[], cwd: string): string {
  const first = paths.find((candidate) => candidate !== '-' && !/[*?[\]{}]/.test(candidate));
  if (first === undefined) return cwd;
  const resolved = path.resolve(cwd, first);
  try {
    return statSync(resolved).isDirectory() ? resolved : path.dirname(resolved);
  } catch {
    return cwd;
  }
}
