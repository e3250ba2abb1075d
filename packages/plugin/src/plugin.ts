import type { AuthProvider } from './auth';
import type { BuilderService } from './builders';
import type { LintRule } from './rule';

/** Identifies a plugin in messages, `--plugin` errors and SARIF tool metadata. */
export interface PluginMeta {
  /** Short lower-case id, also the prefix of its rule ids: `trakt`. */
  readonly id: string;
  /** Human name: `Trakt`. */
  readonly name: string;
  readonly docsUrl?: string;
}

/**
 * One plugin per service. A plugin owns one top-level config section (`configKey`) and contributes the lint
 * rules for it and, where the service needs one, an auth provider.
 */
export interface Plugin {
  readonly apiVersion: 1;
  readonly meta: PluginMeta;
  /** The top-level config.yml key this plugin owns: `trakt`. */
  readonly configKey: string;
  readonly rules?: readonly LintRule[];
  /** Flows that fill the section's `authorization` block (`pmm-config auth <id>`). */
  readonly auth?: AuthProvider;
  /**
   * The builders of linked collection, overlay and playlist files that need this plugin's section
   * (`trakt_list` needs `trakt:`), and the check that the config can run them. Optional and additive.
   */
  readonly builders?: BuilderService;
}

/** The plugin API version this build of pmm-config implements. */
export const PLUGIN_API_VERSION = 1;

/**
 * Identity helper that keeps the plugin's literal types (its id, its config key) inferred.
 *
 * @example
 * export const plugin = definePlugin({ apiVersion: 1, meta: { id: 'simkl', name: 'SIMKL' }, configKey: 'simkl', rules: [] });
 */
export function definePlugin<const P extends Plugin>(plugin: P): P {
  return plugin;
}
