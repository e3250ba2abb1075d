import type { CliIO } from './io';

/** What every command handler gets from `runCli`: the process view and a way to set the exit code. */
export interface CommandContext {
  readonly io: CliIO;
  /** The package version, for `--version`, SARIF and JSON output. */
  readonly version: string;
  setExitCode(code: number): void;
}
