/** Stable codes that scripts and tests may match on; the message is for people and may change. */
export type CliErrorCode =
  | 'USAGE'
  | 'NO_INPUT'
  | 'INPUT_NOT_FOUND'
  | 'INPUT_IS_DIRECTORY'
  | 'INPUT_UNREADABLE'
  | 'INPUT_TOO_LARGE'
  | 'INPUT_BINARY'
  | 'INPUT_NOT_UTF8'
  | 'STDIN_EMPTY'
  | 'GLOB_NO_MATCH'
  | 'NO_CONFIG_IN_DIRECTORY'
  | 'LINT_CRASHED'
  | 'OUTPUT_UNWRITABLE'
  | 'FIX_UNWRITABLE'
  | 'FIX_CHANGED_ON_DISK'
  | 'PLUGIN'
  | 'INTERNAL';

/** Exit code for usage errors, unreadable input and internal failures (0 = clean, 1 = findings). */
export const EXIT_USAGE = 2;

/**
 * An error the CLI reports as one line without a stack trace. Anything that is not a `CliError` is an
 * internal failure: also exit 2, but its stack is worth showing with `--debug`.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly code: CliErrorCode;
  readonly exitCode: number;

  constructor(code: CliErrorCode, message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.exitCode = options.exitCode ?? EXIT_USAGE;
  }
}

/** The message of anything thrown, without its stack. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
