import yargs from 'yargs/yargs';
import type { Argv, CommandModule } from 'yargs';
import type { CommandBody, CommandContext } from './command-context';
import { CliError, EXIT_USAGE, errorMessage } from './errors';
import type { CliIO } from './io';
import { protectStdinArgs, restoreStdinArg } from './stdin-arg';
import { packageVersion } from './version';

/**
 * A command as yargs lists it. Its module (options and handler) is required the first time yargs runs the
 * builder, i.e. when the command was named or is being completed, so `--help` and `--version` load none.
 */
function lazyCommand<T>(command: string, describe: string, context: CommandContext, load: () => (context: CommandContext) => CommandBody<T>): CommandModule<object, T> {
  let body: CommandBody<T> | undefined;
  const loaded = (): CommandBody<T> => (body ??= load()(context));
  return { command, describe, builder: (yargs) => loaded().builder(yargs), handler: (args) => loaded().handler(args) };
}

/** The part of yargs' internal API (17.x) that renders the help a handler could show; not in its typings. */
interface UsageCache {
  getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } };
}

function skipHelpCache(parser: Argv): void {
  const usage = (parser as unknown as UsageCache).getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}

/** Builds the yargs parser with every command registered. Output goes through `runCli`, never to the console. */
function buildParser(argv: readonly string[], context: CommandContext): Argv {
  const parser = yargs(argv);
  return parser
    .scriptName('pmm-config')
    // One language for messages whatever LANG says: they are matched by scripts and tests, and no locale
    // files need reading at start-up.
    .detectLocale(false)
    .usage('$0 <command> [options]\n\nLint Kometa (Plex Meta Manager) config.yml files and authorize Trakt and MyAnimeList.')
    .command(lazyCommand('validate [paths..]', 'Check Kometa config.yml files for mistakes', context, () => (require('./commands/validate') as typeof import('./commands/validate')).validateCommand))
    .command(lazyCommand('schema', 'Print the JSON Schema of config.yml', context, () => (require('./commands/schema') as typeof import('./commands/schema')).schemaCommand))
    .command(lazyCommand('auth <provider>', 'Authorize Trakt or MyAnimeList and write the tokens into config.yml', context, () => (require('./commands/auth') as typeof import('./commands/auth')).authCommand))
    .command(lazyCommand('init-editor [paths..]', 'Set up VS Code (or print a modeline) so the editor checks configs with the same schema', context, () => (require('./commands/init-editor') as typeof import('./commands/init-editor')).initEditorCommand))
    .command(lazyCommand('completion [shell]', 'Print a shell completion script (bash, zsh or fish)', context, () => (require('./commands/completion') as typeof import('./commands/completion')).completionCommand))
    .option('debug', { describe: 'show stack traces of internal errors', type: 'boolean', global: true })
    .demandCommand(1, 'pick a command')
    .recommendCommands()
    .strict()
    .version(context.version)
    .alias('version', 'V')
    .help()
    .alias('help', 'h')
    // Piped help has no terminal width; 80 columns reads well in logs and READMEs.
    .wrap(Math.min(100, parser.terminalWidth() || 80))
    // Right after calling a command's handler yargs renders that command's whole help text and caches it, in
    // case the handler asks to show it (~8 ms of a ~100 ms run). Ours never do, and `.fail` below prints no
    // help, so the text is never seen. Middleware runs only once no --help was asked for, so help that is
    // asked for is unaffected.
    .middleware(() => skipHelpCache(parser))
    .exitProcess(false)
    .fail((message, error) => {
      // yargs reports both its own validation failures and `.check()` throws here, some over several lines.
      const text = restoreStdinArg(message ?? errorMessage(error)).replace(/\s*\n\s*/g, ' ');
      throw new CliError('USAGE', unknownCommandMessage(text, argv) ?? lowerFirst(text), { cause: error });
    });
}

/**
 * yargs says only `Did you mean validate?` for a mistyped command, or `Unknown argument: valdate` when no
 * command is close: both read better naming the word that was typed.
 */
function unknownCommandMessage(message: string, argv: readonly string[]): string | undefined {
  const typed = argv.find((arg) => !arg.startsWith('-'));
  if (typed === undefined || KNOWN_COMMANDS.includes(typed)) return undefined;
  const recommended = /^Did you mean (.+)\?$/.exec(message)?.[1];
  if (recommended !== undefined) return `unknown command \`${typed}\`; did you mean \`${recommended}\`?`;
  return message === `Unknown argument: ${typed}` || message.startsWith(`Unknown arguments: ${typed},`) ? `unknown command \`${typed}\`` : undefined;
}

/** yargs capitalises its messages; ours (after `pmm-config: `) start in lower case. An acronym keeps its case. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

const KNOWN_COMMANDS: readonly string[] = ['validate', 'schema', 'auth', 'init-editor', 'completion'];

/**
 * Runs one pmm-config invocation and resolves with its exit code: 0 clean, 1 findings, 2 usage error,
 * unreadable input or internal failure. Never rejects and never prints a stack trace unless `--debug`.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode = 0;
  const context: CommandContext = { io, version: packageVersion, setExitCode: (code) => (exitCode = code) };
  let output = '';
  const args = protectStdinArgs(argv);
  try {
    await buildParser(args, context).parseAsync(args, {}, (_error, _args, text) => {
      output = text;
    });
  } catch (error) {
    return reportFailure(error, io, argv.includes('--debug'));
  }
  if (output.length > 0) io.writeStdout(output.endsWith('\n') ? output : `${output}\n`);
  return exitCode;
}

function reportFailure(error: unknown, io: CliIO, debug: boolean): number {
  if (error instanceof CliError) {
    const hint = error.code === 'USAGE' ? ' (see pmm-config --help)' : '';
    io.writeStderr(`pmm-config: ${error.message}${hint}\n`);
    if (debug) writeStacks(error, io);
    return error.exitCode;
  }
  io.writeStderr(`pmm-config: internal error: ${errorMessage(error)}${debug ? '' : ' (run with --debug for details)'}\n`);
  if (debug) writeStacks(error, io);
  return EXIT_USAGE;
}

function writeStacks(error: unknown, io: CliIO): void {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 10; current = current.cause, depth++) {
    io.writeStderr(`${depth === 0 ? '' : 'caused by: '}${current.stack ?? current.message}\n`);
  }
}
