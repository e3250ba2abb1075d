import * as path from 'node:path';
import type { CommandBody, CommandContext } from '../command-context';
import type { AuthArgs } from '../auth/options';
import { authOptions } from '../auth/options';
import type { PluginArgs } from '../plugins/options';
import { pluginOptions } from '../plugins/options';

type Args = AuthArgs & PluginArgs;

/** The built-in plugins, loaded only once `auth` runs: they bring the providers and the OAuth client. */
function builtinPlugins(): typeof import('../plugins/registry').builtinPlugins {
  return (require('../plugins/registry') as typeof import('../plugins/registry')).builtinPlugins;
}

/** `pmm-config auth <provider>`: get OAuth tokens and write them into the config. */
export function authCommand(context: CommandContext): CommandBody<Args> {
  return {
    builder: (yargs) => pluginOptions(authOptions(yargs, builtinPlugins())),
    handler: async (args) => {
      // Loaded here so that `--help` and other commands never pay for the auth machinery.
      const { runAuth } = require('../auth/run') as typeof import('../auth/run');
      const { processTerminal } = require('../auth/terminal') as typeof import('../auth/terminal');
      const { loadPlugins } = require('../plugins/load') as typeof import('../plugins/load');
      const { locateConfig } = require('../auth/config-file') as typeof import('../auth/config-file');
      const located = locateConfig(context.io.cwd, args.config);
      const plugins = await loadPlugins({
        specifiers: args.plugin ?? [],
        cwd: context.io.cwd,
        ...(located ? { configDir: path.dirname(located.path) } : {}),
        builtins: builtinPlugins(),
      });
      context.setExitCode(
        await runAuth(
          {
            provider: args.provider,
            ...(args.config === undefined ? {} : { config: args.config }),
            ...(args.flow === undefined ? {} : { flow: args.flow }),
            refresh: args.refresh,
            check: args.check,
            revoke: args.revoke,
            print: args.print,
            json: args.json,
            backup: args.backup,
            ...(args['save-credentials'] === undefined ? {} : { saveCredentials: args['save-credentials'] }),
            browser: args.browser,
            ...(args['auth-url'] === undefined ? {} : { authUrl: args['auth-url'] }),
            ...(args['api-url'] === undefined ? {} : { apiUrl: args['api-url'] }),
            flags: args as unknown as Record<string, unknown>,
            inputs: args.input ?? [],
            plugins,
            version: context.version,
            debug: args.debug === true,
          },
          context.io,
          { terminal: processTerminal(), fetch: (input, init) => fetch(input, init), now: Date.now },
        ),
      );
    },
  };
}
