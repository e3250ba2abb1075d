import { setTimeout as delay } from 'node:timers/promises';
import { AuthError, AuthErrorCode, isAuthError, isConfigPlaceholder, isSecretKey, selectFlow } from '@pmm-config/plugin';
import type { AuthContext, AuthFlow, AuthFlowKind, AuthOutcome, AuthProvider, CredentialField, Plugin } from '@pmm-config/plugin';
import type { CliIO } from '../io';
import type { AuthArgs } from './options';
import { loadConfig, locateConfig } from './config-file';
import type { LoadedConfig } from './config-file';
import { credentialsForConfig, describeCredentialSources, placeholderKeys, resolveCredentials } from './credentials';
import { AuthCommandError, EXIT_INTERRUPTED, EXIT_REFUSED, EXIT_USAGE } from './errors';
import { resolveUrls } from './hosts';
import { jsonReport, pasteBlock } from './output';
import { encodeQr, renderQr } from './qr';
import { createStatus } from './status';
import type { AuthTerminal } from './terminal';
import { writeOutcome } from './write';

/** Everything `pmm-config auth <provider>` was asked to do, already parsed. */
export interface AuthOptions
  extends Pick<AuthArgs, 'provider' | 'config' | 'flow' | 'refresh' | 'check' | 'revoke' | 'print' | 'json' | 'backup' | 'browser'> {
  /** `--save-credentials` / `--no-save-credentials`; undefined: ask on a terminal, otherwise do not. */
  readonly saveCredentials?: boolean;
  readonly authUrl?: string;
  readonly apiUrl?: string;
  /** Every parsed flag by name, for the credential and input flags providers declare. */
  readonly flags: Readonly<Record<string, unknown>>;
  /** `--input name=value` pairs, for input flags of external plugins. */
  readonly inputs: readonly string[];
  /** Built-in and external plugins; resolved by the caller. */
  readonly plugins: readonly Plugin[];
  readonly version: string;
  readonly debug: boolean;
}

/** IO the command needs besides `CliIO`; injectable for tests. */
export interface AuthRuntime {
  readonly terminal: AuthTerminal;
  readonly fetch: AuthContext['fetch'];
  readonly now: () => number;
}

function findProvider(plugins: readonly Plugin[], name: string): { plugin: Plugin; provider: AuthProvider } {
  const plugin = plugins.find((candidate) => candidate.auth && (candidate.meta.id === name || candidate.configKey === name));
  if (!plugin?.auth) {
    const known = plugins.filter((candidate) => candidate.auth).map((candidate) => candidate.meta.id);
    throw new AuthCommandError('AUTH_UNKNOWN_PROVIDER', `unknown provider "${name}"; choose one of: ${known.join(', ')} (or load a plugin with --plugin)`);
  }
  return { plugin, provider: plugin.auth };
}

function chooseFlow(provider: AuthProvider, options: AuthOptions, inputValues: Readonly<Record<string, string>>): AuthFlow {
  const kinds = (['refresh', 'check', 'revoke'] as const).filter((kind) => options[kind]);
  if (kinds.length > 1) throw new AuthCommandError('AUTH_MISSING_INPUT', `--${kinds.join(' and --')} cannot be combined; choose one`);
  const kind: AuthFlowKind | undefined = kinds[0];
  const inputFlags = provider.flows.flatMap((flow) => flow.inputs ?? []).filter((input) => inputValues[input.name] !== undefined).map((input) => input.flag);
  return selectFlow(provider, { ...(options.flow ? { flowId: options.flow } : {}), ...(kind ? { kind } : {}), inputFlags });
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Input values given on the command line: declared flags and `--input name=value`. */
function commandLineInputs(provider: AuthProvider, options: AuthOptions): Record<string, string> {
  const values: Record<string, string> = {};
  for (const input of provider.flows.flatMap((flow) => flow.inputs ?? [])) {
    const value = text(options.flags[input.flag]);
    if (value !== undefined) values[input.name] = value;
  }
  for (const pair of options.inputs) {
    const separator = pair.indexOf('=');
    if (separator <= 0) throw new AuthCommandError('AUTH_MISSING_INPUT', `--input needs name=value, got "${pair.split('=')[0]}…"`);
    values[pair.slice(0, separator).trim()] = pair.slice(separator + 1).trim();
  }
  return values;
}

function configValue(section: unknown, key: string | undefined): unknown {
  if (key === undefined || section === null || typeof section !== 'object' || Array.isArray(section)) return undefined;
  return (section as Record<string, unknown>)[key];
}

/** The chosen flow's inputs: command line, then env, then the config key it names. */
function flowInputs(flow: AuthFlow, given: Readonly<Record<string, string>>, env: CliIO['env'], section: unknown): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const input of flow.inputs ?? []) {
    const fromConfig = configValue(section, input.configKey);
    values[input.name] =
      given[input.name] ?? (input.env ? text(env[input.env]) : undefined) ?? (isConfigPlaceholder(fromConfig) ? undefined : text(fromConfig));
  }
  return values;
}

/** Tells the user about config inputs that only another flow uses (e.g. a leftover `trakt.pin` during the device flow). */
function noteIgnoredInputs(provider: AuthProvider, flow: AuthFlow, section: unknown, configKey: string, print: (line: string) => void): void {
  for (const other of provider.flows) {
    if (other === flow) continue;
    for (const input of other.inputs ?? []) {
      if ((flow.inputs ?? []).some((own) => own.configKey === input.configKey)) continue;
      if (input.configKey && text(configValue(section, input.configKey)) !== undefined) {
        print(`Note: ${configKey}.${input.configKey} is not used by the ${flow.id} flow (use --flow ${other.id} for that).`);
      }
    }
  }
}

function exitCodeFor(error: unknown): number {
  if (isAuthError(error)) {
    if (error.code === AuthErrorCode.Refused) return EXIT_REFUSED;
    if (error.code === AuthErrorCode.Cancelled) return EXIT_INTERRUPTED;
    return EXIT_USAGE;
  }
  if (error instanceof AuthCommandError) return error.exitCode;
  return EXIT_USAGE;
}

/** One line for stderr. Provider failures say the config was left alone; our own errors already say what happened to it. */
function describeFailure(error: unknown, provider: string): string {
  if (isAuthError(error)) return `auth ${provider}: ${error.code === AuthErrorCode.Cancelled ? 'cancelled' : error.message}; nothing was written`;
  if (error instanceof AuthCommandError) return `auth ${provider}: ${error.message}`;
  return `auth ${provider}: internal error: ${error instanceof Error ? error.message : String(error)}; nothing was written (run with --debug for details)`;
}

function errorCode(error: unknown): string {
  if (isAuthError(error) || error instanceof AuthCommandError) return error.code;
  return 'INTERNAL';
}

function writeStacks(error: unknown, io: CliIO): void {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 10; current = current.cause, depth++) {
    io.writeStderr(`${depth === 0 ? '' : 'caused by: '}${current.stack ?? current.message}\n`);
  }
}

/**
 * Runs `pmm-config auth <provider>` and resolves with its exit code: 0 authorized, checked or revoked;
 * 1 refused, invalid token or config changed underneath; 2 usage, IO or internal error; 130 Ctrl-C.
 * Only the provider's `authorization` (and spent inputs like `pin`) change in the config file.
 */
export async function runAuth(options: AuthOptions, io: CliIO, runtime: AuthRuntime): Promise<number> {
  const controller = new AbortController();
  const stopListening = runtime.terminal.onInterrupt(() => {
    if (!controller.signal.aborted) controller.abort(new AuthError(AuthErrorCode.Cancelled, 'cancelled'));
  });
  try {
    return await authorize(options, io, runtime, controller.signal);
  } catch (error) {
    const line = describeFailure(error, options.provider);
    io.writeStderr(`pmm-config: ${line}\n`);
    if (options.json) io.writeStdout(`${JSON.stringify({ provider: options.provider, ok: false, error: { code: errorCode(error), message: line } })}\n`);
    if (options.debug) writeStacks(error, io);
    return exitCodeFor(error);
  } finally {
    stopListening();
  }
}

async function authorize(options: AuthOptions, io: CliIO, runtime: AuthRuntime, signal: AbortSignal): Promise<number> {
  const { plugin, provider } = findProvider(options.plugins, options.provider);
  const configKey = plugin.configKey;
  const printMode = options.print || options.json;
  const location = locateConfig(io.cwd, options.config);
  if (!location && !printMode) {
    throw new AuthCommandError('AUTH_CONFIG_NOT_FOUND', 'no config.yml or config/config.yml here; pass --config <path>, or --print to only show the block');
  }
  const config: LoadedConfig | undefined = location ? loadConfig(location, configKey) : undefined;
  const section = config?.section;

  const given = commandLineInputs(provider, options);
  const flow = chooseFlow(provider, options, given);
  const placeholders = placeholderKeys(provider, section);
  const tokenPlaceholders = placeholders.filter((key) => key.startsWith('authorization.'));
  if (tokenPlaceholders.length > 0 && flow.kind !== 'authorize') {
    throw new AuthCommandError(
      'AUTH_PLACEHOLDER_CREDENTIALS',
      `${configKey}.${tokenPlaceholders[0]} in ${config?.display} is a secret placeholder, so pmm-config cannot see the stored token; run the ${flow.kind} where the real config is, or authorize anew with --print`,
    );
  }
  if (tokenPlaceholders.length > 0 && !printMode) {
    throw new AuthCommandError(
      'AUTH_PLACEHOLDER_CREDENTIALS',
      `${config?.display} keeps ${tokenPlaceholders.map((key) => `${configKey}.${key}`).join(', ')} as a secret placeholder (like <<SECRET>>); pmm-config will not overwrite it with a real token. ` +
        'Use --print (or --json) and put the new block into your secret store',
    );
  }
  const credentialPlaceholders = placeholders.filter((key) => !key.startsWith('authorization.'));

  const interactive = runtime.terminal.interactive;
  // Where to find a credential goes on its own line, once for the fields that share it: inside the prompt it made
  // a line of 140 columns with parentheses in parentheses.
  const helpShown = new Set<string>();
  const askCredential = (field: CredentialField): Promise<string> => {
    if (field.help && !helpShown.has(field.help)) {
      helpShown.add(field.help);
      const sharing = provider.credentials.filter((other) => other.help === field.help).map((other) => other.label);
      io.writeStderr(`${sharing.join(' and ')} ${sharing.length > 1 ? 'come' : 'comes'} ${field.help}.\n`);
    }
    return runtime.terminal.ask(field.label, { secret: field.secret, signal });
  };
  const credentials = await resolveCredentials(provider, configKey, {
    flags: options.flags,
    env: io.env,
    section,
    ...(interactive ? { ask: (field) => askCredential(field) } : {}),
  });
  const urls = resolveUrls(provider, { authUrl: options.authUrl, apiUrl: options.apiUrl }, io.env);
  const print = (line: string): void => io.writeStderr(`${line}\n`);
  const credentialSources = describeCredentialSources(credentials);
  if (credentialSources) print(credentialSources);
  noteIgnoredInputs(provider, flow, section, configKey, print);

  const context: AuthContext = {
    flow: flow.id,
    credentials: credentials.values,
    inputs: flowInputs(flow, given, io.env, section),
    section,
    urls,
    isTTY: interactive,
    version: options.version,
    fetch: runtime.fetch,
    now: runtime.now,
    sleep: (ms, signal) => delay(ms, undefined, { signal }),
    signal,
    async prompt(request) {
      if (!interactive) {
        const how = [request.flag && `--${request.flag}`, request.env && `set ${request.env}`].filter(Boolean).join(' or ');
        throw new AuthError(AuthErrorCode.InputRequired, `${request.message} is needed but there is no terminal to ask on${how ? `: pass ${how}` : ''}`);
      }
      return runtime.terminal.ask(request.message, { ...(request.secret ? { secret: true } : {}), signal });
    },
    openUrl: (url) => (interactive && options.browser ? runtime.terminal.openUrl(url) : Promise.resolve(false)),
    print,
    status: createStatus((chunk) => io.writeStderr(chunk), interactive, runtime.now),
    showQrCode(url) {
      if (!interactive) return;
      try {
        io.writeStderr(`${renderQr(encodeQr(url))}\n`);
      } catch {
        // A URL too long for a terminal-sized QR code is simply not drawn; the link is printed anyway.
      }
    },
  };

  const outcome: AuthOutcome = await provider.run(context);
  const mark = outcome.ok ? '✓' : '✗';
  if (!outcome.update) {
    if (options.json) io.writeStdout(jsonReport(plugin.meta.id, flow.id, outcome, undefined));
    else io.writeStdout(`${mark} ${outcome.summary}\n`);
    return outcome.ok ? 0 : EXIT_REFUSED;
  }
  if (printMode) {
    io.writeStderr(`${mark} ${outcome.summary}\n`);
    const pasted = credentialsForConfig(credentials, section);
    io.writeStdout(options.json ? jsonReport(plugin.meta.id, flow.id, outcome, pasted) : pasteBlock(configKey, pasted, outcome.update));
    return outcome.ok ? 0 : EXIT_REFUSED;
  }
  // Only now is it certain that tokens go into the file: not for a revoke (which clears them), nor after a failure.
  if (credentialPlaceholders.length > 0 && outcome.update.authorization.some(([key, value]) => isSecretKey(key) && value !== null && value !== '')) {
    print(`Note: ${config?.display} keeps the credentials as secret placeholders, but the new tokens will be written in plain text; use --print to keep them in your secret store instead.`);
  }
  const written = await writeOutcome({
    config: config as LoadedConfig,
    configKey,
    update: outcome.update,
    credentials: credentials.values,
    notInConfig: credentials.notInConfig,
    saveCredentials: options.saveCredentials,
    backup: options.backup,
    flowKind: flow.kind,
    ask: interactive ? (question) => runtime.terminal.ask(question, { signal }) : undefined,
  });
  io.writeStdout(`${mark} ${outcome.summary}\n${written}`);
  return outcome.ok ? 0 : EXIT_REFUSED;
}
