import type { Argv, ArgumentsCamelCase } from 'yargs';
import type { CliIO } from './io';

/** What every command handler gets from `runCli`: the process view and a way to set the exit code. */
export interface CommandContext {
  readonly io: CliIO;
  /** The package version, for `--version`, SARIF and JSON output. */
  readonly version: string;
  setExitCode(code: number): void;
}

/**
 * A command's options and handler. Its name and summary live in cli.ts, so that `--help` and `--version` list
 * every command without loading any command module.
 */
export interface CommandBody<T> {
  readonly builder: (yargs: Argv<object>) => Argv<T>;
  readonly handler: (args: ArgumentsCamelCase<T>) => void | Promise<void>;
}
