/**
 * yargs 17 drops a lone `-` from variadic positionals, so `validate -` would silently mean "no paths".
 * `runCli` swaps it for this token before parsing and commands swap it back. It starts with a NUL, which no
 * real argument can contain (execve strings end at NUL), so it never collides with a path.
 */
const STDIN_TOKEN = '\u0000-';

/** `-` arguments (before any `--`) replaced by the token yargs keeps. */
export function protectStdinArgs(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((arg, index) => (arg === '-' && (end === -1 || index < end) ? STDIN_TOKEN : arg));
}

/** The user's `-` back in a parsed argument or a message. */
export function restoreStdinArg(text: string): string {
  return text.split(STDIN_TOKEN).join('-');
}
