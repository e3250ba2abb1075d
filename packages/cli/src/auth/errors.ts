/** Exit code when the provider refused, the token is invalid or the config changed underneath. */
export const EXIT_REFUSED = 1;
/** Exit code for usage, IO and internal errors. */
export const EXIT_USAGE = 2;
/** Exit code after Ctrl-C, as shells expect (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

/** Stable codes of {@link AuthCommandError}. */
export type AuthCommandErrorCode =
  | 'AUTH_UNKNOWN_PROVIDER'
  | 'AUTH_CONFIG_NOT_FOUND'
  | 'AUTH_CONFIG_UNREADABLE'
  | 'AUTH_CONFIG_INVALID'
  | 'AUTH_PLACEHOLDER_CREDENTIALS'
  | 'AUTH_MISSING_INPUT'
  | 'AUTH_BAD_URL'
  | 'AUTH_WRITE_FAILED'
  | 'CONFIG_CHANGED'
  | 'PLUGIN_LOAD'
  | 'PLUGIN_CONFIG_INVALID'
  | 'PLUGIN_CONFLICT';

/** A one-line failure of `pmm-config auth`, with the exit code it ends with. */
export class AuthCommandError extends Error {
  override readonly name = 'AuthCommandError';
  readonly code: AuthCommandErrorCode;
  readonly exitCode: number;

  constructor(code: AuthCommandErrorCode, message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.exitCode = options.exitCode ?? (code === 'CONFIG_CHANGED' ? EXIT_REFUSED : EXIT_USAGE);
  }
}
