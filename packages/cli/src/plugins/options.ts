import type { Argv } from 'yargs';

/** Parsed plugin options, shared by every command that runs plugins. */
export interface PluginArgs {
  readonly plugin?: string[];
}

/** Adds `--plugin <module-or-path>` (repeatable). `.pmm-config.json` beside the config adds more. */
export function pluginOptions<T>(yargs: Argv<T>): Argv<T & PluginArgs> {
  return yargs.option('plugin', {
    describe: 'load an external plugin: a package name or a path to its module (repeatable; also read from "plugins" in .pmm-config.json beside the config)',
    type: 'string',
    array: true,
    requiresArg: true,
  }) as unknown as Argv<T & PluginArgs>;
}
