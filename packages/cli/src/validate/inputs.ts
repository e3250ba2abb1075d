import { statSync } from 'node:fs';
import { dirname, isAbsolute, resolve as resolvePath } from 'node:path';
import { CliError, errorMessage } from '../errors';
import { InputTooLargeError } from '../io';
import { decodeConfigText, readConfigFile, tooLargeError } from './read';
import { findYamlFiles, looksLikeKometaFile } from './walk';

/** One thing to lint: a file on disk (its text already read when a folder scan had to look inside) or stdin. */
export type InputSource =
  | { readonly kind: 'file'; readonly display: string; readonly path: string; readonly text?: string }
  | { readonly kind: 'stdin'; readonly display: string; readonly configDir?: string };

/** What the paths on the command line came to: sources to lint, plus one problem per bad argument. */
export interface ResolvedInputs {
  readonly sources: readonly InputSource[];
  readonly problems: readonly CliError[];
}

export interface ResolveOptions {
  readonly cwd: string;
  /** `--stdin-filepath`: the name stdin is linted as, and the folder linked files are relative to. */
  readonly stdinFilepath?: string;
  readonly maxBytes: number;
}

/** Characters that can make a glob; anything without one is a plain path and never loads the globber. */
const GLOB_CHARACTER = /[*?[\]{}()!+@]/;

/** tinyglobby, loaded only when an argument may be a glob: most runs name plain files. */
function loadGlobber(): typeof import('tinyglobby') {
  return require('tinyglobby') as typeof import('tinyglobby');
}

/** Where Kometa users keep their config: the repo root, or Kometa's own `config/` folder. */
export const DEFAULT_CONFIG_PATHS: readonly string[] = ['config.yml', 'config/config.yml'];

/**
 * Turns command-line paths into sources. A missing path, an empty glob or a folder with no Kometa config
 * becomes a problem and the rest go on. Throws a `CliError` only for usage mistakes that stop the run.
 */
export function resolveInputs(args: readonly string[], options: ResolveOptions): ResolvedInputs {
  const resolve = (path: string): string => resolvePath(options.cwd, path);
  if (options.stdinFilepath !== undefined && args.length > 0 && !args.includes('-')) {
    throw new CliError('USAGE', '--stdin-filepath names the text read from stdin; add - to the paths to read it');
  }
  if (args.length === 0) {
    if (options.stdinFilepath !== undefined) return { sources: [stdinSource(options.stdinFilepath, resolve)], problems: [] };
    return { sources: defaultSources(resolve), problems: [] };
  }

  const sources: InputSource[] = [];
  const problems: CliError[] = [];
  const seen = new Set<string>();
  const add = (source: InputSource): void => {
    const key = source.kind === 'stdin' ? '-' : source.path;
    if (seen.has(key)) return;
    seen.add(key);
    sources.push(source);
  };

  for (const arg of args) {
    if (arg === '-') {
      add(stdinSource(options.stdinFilepath, resolve));
      continue;
    }
    const kind = pathKind(resolve(arg));
    if (kind === 'directory') {
      const found = configsInDirectory(arg, resolve, options.maxBytes, problems);
      if (found.length === 0) {
        problems.push(
          new CliError('NO_CONFIG_IN_DIRECTORY', `${arg}: is a directory with no Kometa file in it (no *.yml with config sections, collections, overlays, metadata or playlists at the top)`),
        );
      }
      found.forEach(add);
    } else if (kind === undefined && GLOB_CHARACTER.test(arg) && loadGlobber().isDynamicPattern(arg)) {
      const matches = loadGlobber().globSync(arg, {
        cwd: options.cwd,
        absolute: isAbsolute(arg),
        onlyFiles: true,
        expandDirectories: false,
        ignore: ['**/node_modules/**'],
      }).sort();
      if (matches.length === 0) problems.push(new CliError('GLOB_NO_MATCH', `${arg}: no files match this pattern`));
      for (const match of matches) add({ kind: 'file', display: match, path: resolve(match) });
    } else {
      add({ kind: 'file', display: arg, path: resolve(arg) });
    }
  }
  return { sources, problems };
}

function stdinSource(stdinFilepath: string | undefined, resolve: (path: string) => string): InputSource {
  if (stdinFilepath === undefined) return { kind: 'stdin', display: '<stdin>' };
  return { kind: 'stdin', display: stdinFilepath, configDir: dirname(resolve(stdinFilepath)) };
}

function defaultSources(resolve: (path: string) => string): InputSource[] {
  const found = DEFAULT_CONFIG_PATHS.filter((path) => pathKind(resolve(path)) === 'file');
  if (found.length === 0) {
    throw new CliError('NO_INPUT', `no ${DEFAULT_CONFIG_PATHS.join(' or ')} here; pass a config file, folder, glob or - for stdin`);
  }
  return found.map((path) => ({ kind: 'file', display: path, path: resolve(path) }));
}

function pathKind(path: string): 'file' | 'directory' | 'other' | undefined {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats === undefined) return undefined;
    if (stats.isDirectory()) return 'directory';
    return stats.isFile() ? 'file' : 'other';
  } catch {
    return undefined;
  }
}

/**
 * The Kometa files (configs and the files they link) in a folder tree. Files that cannot be read are reported (they might be configs);
 * binary or non-UTF-8 `.yml` files are skipped, since nothing Kometa reads can be either.
 */
function configsInDirectory(
  root: string,
  resolve: (path: string) => string,
  maxBytes: number,
  problems: CliError[],
): InputSource[] {
  const sources: InputSource[] = [];
  for (const display of findYamlFiles(root, resolve)) {
    const path = resolve(display);
    let text: string;
    try {
      text = readConfigFile(path, display, maxBytes);
    } catch (error) {
      if (error instanceof CliError && (error.code === 'INPUT_BINARY' || error.code === 'INPUT_NOT_UTF8')) continue;
      problems.push(error instanceof CliError ? error : new CliError('INPUT_UNREADABLE', `${display}: ${errorMessage(error)}`, { cause: error }));
      continue;
    }
    if (looksLikeKometaFile(text)) sources.push({ kind: 'file', display, path, text });
  }
  return sources;
}

/** Reads stdin with the same size cap and checks as files. */
export async function readStdinText(
  readStdin: (maxBytes: number) => Promise<Buffer>,
  display: string,
  maxBytes: number,
): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readStdin(maxBytes);
  } catch (error) {
    if (error instanceof InputTooLargeError) throw tooLargeError(display, maxBytes);
    throw new CliError('INPUT_UNREADABLE', `${display}: stdin cannot be read (${errorMessage(error)})`, { cause: error });
  }
  const text = decodeConfigText(bytes, display);
  // Nothing piped in is a usage slip (a wrong variable, a file that failed to cat), not a config missing every
  // section. An empty config *file* stays a finding: Kometa reads it as an empty config and stops.
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new CliError('STDIN_EMPTY', `${display}: standard input is empty`);
  return text;
}
