/** The config `pmm-config auth` finds without `--config` when it is in the working folder. */
const DEFAULT_CONFIG = 'config.yml';
/** How validate names standard input without `--stdin-filepath`: there is no file to point `--config` at. */
const STDIN_NAME = '<stdin>';

/**
 * The `pmm-config auth <provider>` command a hint tells the user to run for the file being checked, with
 * `--config <file>` unless auth would find that file on its own. (`config/config.yml` is only auth's default
 * when no `config.yml` sits beside it, which a rule cannot see, so it gets the flag too.)
 */
export function authCommand(provider: string, file: string, ...options: string[]): string {
  const target = file === DEFAULT_CONFIG || file === `./${DEFAULT_CONFIG}` || file === STDIN_NAME || file === '' ? [] : ['--config', shellWord(file)];
  return ['pmm-config', 'auth', provider, ...options, ...target].join(' ');
}

/** A path as one shell word: as it is when it is plain, else in single quotes. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
