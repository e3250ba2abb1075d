import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from './plugin';
import { pluginProblems } from './validate-plugin';

/** Stable codes of {@link PluginLoadError}. */
export const PluginLoadErrorCode = {
  /** The module or file could not be found. */
  NotFound: 'PLUGIN_NOT_FOUND',
  /** The module was found but threw while loading. */
  LoadFailed: 'PLUGIN_LOAD_FAILED',
  /** It loaded but is not a valid plugin (shape or apiVersion). */
  Invalid: 'PLUGIN_INVALID',
} as const;

/** One of the {@link PluginLoadErrorCode} values. */
export type PluginLoadErrorCode = (typeof PluginLoadErrorCode)[keyof typeof PluginLoadErrorCode];

/** Why a `--plugin` could not be used. The message names the module as the user wrote it. */
export class PluginLoadError extends Error {
  override readonly name = 'PluginLoadError';
  readonly code: PluginLoadErrorCode;
  /** The specifier as given. */
  readonly specifier: string;
  /** For `PLUGIN_INVALID`: each problem found. */
  readonly problems: readonly string[];

  constructor(code: PluginLoadErrorCode, specifier: string, message: string, options: { cause?: unknown; problems?: readonly string[] } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.specifier = specifier;
    this.problems = options.problems ?? [];
  }
}

/** A plugin and where it came from. */
export interface LoadedPlugin {
  readonly plugin: Plugin;
  /** The specifier as given (`./plugins/simkl.js`, `pmm-config-plugin-simkl`). */
  readonly specifier: string;
  /** The file that was loaded. */
  readonly resolvedPath: string;
}

function isPathSpecifier(specifier: string): boolean {
  return specifier.startsWith('.') || path.isAbsolute(specifier) || /^[A-Za-z]:[\\/]/.test(specifier) || specifier.includes('\\');
}

function errorCode(error: unknown): string | undefined {
  return error !== null && typeof error === 'object' ? (error as { code?: string }).code : undefined;
}

/** The plugin object among a module's exports: `default` (also doubly wrapped by ESM interop), `plugin`, or the module itself. */
function unwrap(moduleExports: unknown): unknown {
  const record = (value: unknown): Record<string, unknown> | undefined =>
    value !== null && (typeof value === 'object' || typeof value === 'function') ? (value as Record<string, unknown>) : undefined;
  const top = record(moduleExports);
  const candidates = [record(record(top?.['default'])?.['default']), record(top?.['default']), record(top?.['plugin']), top];
  return candidates.find((candidate) => candidate !== undefined && 'apiVersion' in candidate) ?? top?.['default'] ?? moduleExports;
}

async function importModule(resolvedPath: string): Promise<unknown> {
  const requireFrom = createRequire(resolvedPath);
  try {
    return requireFrom(resolvedPath);
  } catch (error) {
    if (errorCode(error) !== 'ERR_REQUIRE_ESM') throw error;
    // ESM-only plugins cannot be required on Node 20; TypeScript keeps this import() dynamic in CommonJS output.
    return import(pathToFileURL(resolvedPath).href);
  }
}

/**
 * Loads a plugin named on the command line or in `.pmm-config.json`: a path (relative to `fromDir`) or a
 * package name (resolved from `fromDir`, so a plugin installed next to the config is found). Unwraps a
 * `default` export and checks the shape and `apiVersion`.
 *
 * @throws {PluginLoadError} naming the module when it cannot be found, throws while loading, or is not a plugin.
 */
export async function loadPlugin(specifier: string, fromDir: string): Promise<LoadedPlugin> {
  const requireFrom = createRequire(path.join(path.resolve(fromDir), '__pmm-config-plugins__.js'));
  let resolvedPath: string;
  try {
    resolvedPath = requireFrom.resolve(isPathSpecifier(specifier) ? path.resolve(fromDir, specifier) : specifier);
  } catch (error) {
    const where = isPathSpecifier(specifier) ? `no such file (looked at ${path.resolve(fromDir, specifier)})` : `not installed where ${fromDir} can see it (npm install it next to your config)`;
    throw new PluginLoadError(PluginLoadErrorCode.NotFound, specifier, `plugin "${specifier}" not found: ${where}`, { cause: error });
  }
  let moduleExports: unknown;
  try {
    moduleExports = await importModule(resolvedPath);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new PluginLoadError(PluginLoadErrorCode.LoadFailed, specifier, `plugin "${specifier}" failed to load: ${reason}`, { cause: error });
  }
  const candidate = unwrap(moduleExports);
  const problems = pluginProblems(candidate);
  if (problems.length > 0) {
    throw new PluginLoadError(PluginLoadErrorCode.Invalid, specifier, `plugin "${specifier}" is not a valid pmm-config plugin: ${problems.join('; ')}`, { problems });
  }
  return { plugin: candidate as Plugin, specifier, resolvedPath };
}
