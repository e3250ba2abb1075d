import type { Plugin } from '@pmm-config/plugin';
import type { Argv } from 'yargs';

/** Parsed `auth` arguments (besides the provider-declared credential and input flags). */
export interface AuthArgs {
  readonly provider: string;
  readonly config?: string;
  readonly flow?: string;
  readonly refresh: boolean;
  readonly check: boolean;
  readonly revoke: boolean;
  readonly print: boolean;
  readonly json: boolean;
  readonly backup: boolean;
  readonly 'save-credentials'?: boolean;
  readonly browser: boolean;
  readonly 'auth-url'?: string;
  readonly 'api-url'?: string;
  readonly input?: string[];
  readonly debug?: boolean;
}

/** Credential and input flags declared by the given plugins, once each, with their descriptions. */
function declaredFlags(plugins: readonly Plugin[]): Map<string, { describe: string; secret: boolean }> {
  const flags = new Map<string, { describe: string; secret: boolean }>();
  for (const plugin of plugins) {
    const provider = plugin.auth;
    if (!provider) continue;
    for (const field of provider.credentials) {
      const entry = flags.get(field.flag);
      flags.set(field.flag, { describe: entry ? entry.describe.replace(/\(([^)]*)\)$/, `($1, ${field.env})`) : `${field.label.replace(/^\S+ /, '')} (env ${field.env})`, secret: field.secret });
    }
    for (const flow of provider.flows) {
      for (const input of flow.inputs ?? []) {
        if (!flags.has(input.flag)) flags.set(input.flag, { describe: `${input.description} (selects the ${plugin.meta.name} ${flow.id} flow)`, secret: input.secret });
      }
    }
  }
  return flags;
}

/** Adds `auth`'s options. Provider credential and input flags come from the plugins' declarations. */
export function authOptions<T>(yargs: Argv<T>, plugins: readonly Plugin[]): Argv<T & AuthArgs> {
  const providers = plugins.filter((plugin) => plugin.auth);
  let built = yargs
    .positional('provider', {
      describe: `service to authorize: ${providers.map((plugin) => plugin.meta.id).join(', ')}, or one from a --plugin`,
      type: 'string',
      demandOption: true,
    })
    .option('config', { alias: 'c', describe: 'config file to update (default: config.yml, then config/config.yml)', type: 'string', requiresArg: true })
    .option('flow', { describe: `flow to run (${providers.map((plugin) => `${plugin.meta.id}: ${plugin.auth?.flows.map((flow) => flow.id).join('|')}`).join('; ')})`, type: 'string', requiresArg: true })
    .option('refresh', { describe: 'trade the stored refresh token for a new pair (saved at once: refresh tokens are single-use)', type: 'boolean', default: false })
    .option('check', { describe: 'verify the stored token and show the account and expiry (exit 1 if invalid)', type: 'boolean', default: false })
    .option('revoke', { describe: 'revoke the stored token and clear it from the config', type: 'boolean', default: false })
    .option('print', { describe: 'write nothing; print the YAML block to paste into config.yml', type: 'boolean', default: false })
    .option('json', { describe: 'write nothing; print the result (and the new block) as JSON for scripts', type: 'boolean', default: false })
    .option('backup', { describe: 'keep the previous file as <config>.bak', type: 'boolean', default: false })
    .option('save-credentials', { describe: 'also save credentials given by flag/env/prompt into the config (default: ask on a terminal, never without one)', type: 'boolean' })
    .option('browser', { describe: 'open pages in a browser when possible (--no-browser to never)', type: 'boolean', default: true })
    .option('auth-url', { describe: 'OAuth host override (or the provider env var, e.g. PMM_CONFIG_TRAKT_AUTH_URL)', type: 'string', requiresArg: true })
    .option('api-url', { describe: 'API host override (or the provider env var, e.g. PMM_CONFIG_TRAKT_API_URL)', type: 'string', requiresArg: true })
    .option('input', { describe: 'a flow input as name=value, for plugins whose flags are not built in (repeatable)', type: 'string', array: true, requiresArg: true });
  for (const [flag, { describe }] of declaredFlags(plugins)) {
    built = built.option(flag, { describe, type: 'string', requiresArg: true }) as typeof built;
  }
  return built
    .example('$0 auth trakt', 'device flow: enter the shown code at trakt.tv/activate, tokens go into ./config.yml')
    .example('$0 auth trakt --pin 1A2B3C4D -c config/config.yml', 'exchange a PIN from the Trakt app page')
    .example('$0 auth trakt --refresh', 'renew the stored token')
    .example('$0 auth trakt --check', 'is the stored token still good?')
    .example('PMM_CONFIG_TRAKT_CLIENT_ID=… PMM_CONFIG_TRAKT_CLIENT_SECRET=… $0 auth trakt --print', 'headless: print the block to paste')
    .epilogue(
      // One string per paragraph: yargs wraps each to the help width.
      [
        'Credentials are read from flags, then PMM_CONFIG_* env vars, then, for a <<NAME>> placeholder in the config, the KOMETA_NAME variable Kometa fills it from, then the config, then a prompt (terminal only). The placeholder stays. Credentials are saved into the config only with --save-credentials or a yes on a terminal. Only the authorization block (and a spent pin) change; the write is atomic and is refused if the file changed meanwhile. Without a terminal nothing waits for input.',
        'Exit codes: 0 authorized, checked or revoked; 1 refused, invalid token or config changed; 2 usage, IO or internal error; 130 cancelled with Ctrl-C.',
      ].join('\n\n'),
    ) as unknown as Argv<T & AuthArgs>;
}
