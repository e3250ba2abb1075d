import { fileSchemaPath, schemaPath, type SchemaFileKind } from '@pmm-config/schema';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CliError, errorMessage } from '../errors';
import type { CliIO } from '../io';
import { ConfigChangedError, writeFileAtomic } from '../io/atomic-write';
import { mergeYamlSchemas, SettingsEditError, YAML_SCHEMAS_KEY } from './vscode-settings';

/** Where `init-editor` keeps its copy of the config schema, relative to the workspace root. */
export const SCHEMA_COPY = '.vscode/pmm-config.schema.json';

/** The schema a kind of file is checked with: the config's, or a linked-file kind's. */
export type EditorSchemaKind = 'config' | SchemaFileKind;

/** The copy of a kind's schema in the workspace (`.vscode/pmm-config.collection.schema.json`). */
export function schemaCopyOf(kind: EditorSchemaKind): string {
  return kind === 'config' ? SCHEMA_COPY : `.vscode/pmm-config.${kind}.schema.json`;
}
const SETTINGS_FILE = '.vscode/settings.json';
/** The schema copies and settings.json are shared project files, not secrets: the usual mode, less the umask. */
const SHARED_FILE_MODE = 0o644;
/** The files `pmm-config validate` checks when given no path. */
const DEFAULT_CONFIGS = ['config.yml', 'config/config.yml'];

/** Parsed `init-editor` options. */
export interface InitEditorOptions {
  /** Config files or globs, relative to the working folder (the workspace root). */
  readonly paths: readonly string[];
  /** A schema URL or path to point at instead of writing a copy of the bundled schema. */
  readonly schema?: string;
  readonly modeline: boolean;
  readonly dryRun: boolean;
  /** Which schema the files get: the config's (default) or a linked-file kind's. */
  readonly kind?: EditorSchemaKind;
}

const isUrl = (value: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
const toPosix = (path: string): string => path.split(sep).join('/');

/** A path under the workspace, as a forward-slash path relative to it; refuses paths that leave it. */
function insideRoot(root: string, path: string): string {
  const rel = relative(root, resolve(root, path));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new CliError('USAGE', `${path} is outside the folder init-editor sets up (${root}); run it at the root of your repository`);
  }
  return toPosix(rel);
}

/** Copies the bundled schema of a kind into the workspace unless it is already there byte for byte. */
async function installSchemaCopy(root: string, io: CliIO, kind: EditorSchemaKind): Promise<void> {
  const copy = schemaCopyOf(kind);
  const target = join(root, copy);
  const source = kind === 'config' ? schemaPath : fileSchemaPath(kind);
  let schema: Buffer;
  try {
    schema = readFileSync(source);
  } catch (error) {
    throw new CliError('INTERNAL', `the schema file ${source} is missing from this installation; reinstall pmm-config`, { cause: error });
  }
  if (existsSync(target) && readFileSync(target).equals(schema)) return;
  mkdirSync(dirname(target), { recursive: true });
  await writeFileAtomic(target, schema, { newFileMode: SHARED_FILE_MODE });
  io.writeStderr(`Wrote ${copy} (the schema of this pmm-config version; run init-editor again after upgrading).\n`);
}

/** The `$schema` reference as seen from a config file's folder. */
function modelineRef(root: string, schemaRef: string, configRel: string): string {
  if (isUrl(schemaRef)) return schemaRef;
  const schemaAbsolute = resolve(root, schemaRef);
  const rel = toPosix(relative(dirname(resolve(root, configRel)), schemaAbsolute));
  return rel.startsWith('../') ? rel : `./${rel}`;
}

function printModelines(root: string, schemaRef: string, configs: readonly string[], io: CliIO): void {
  const lines = configs.map((config) => `# yaml-language-server: $schema=${modelineRef(root, schemaRef, config)}`);
  if (configs.length === 1) io.writeStdout(`${lines[0]}\n`);
  else io.writeStdout(configs.map((config, i) => `${config}: ${lines[i]}`).join('\n') + '\n');
  io.writeStderr('Put the line at the top of the config file; yaml-language-server (VS Code, Neovim, Helix, …) then checks it against the schema.\n');
}

async function updateSettings(root: string, schemaRef: string, globs: readonly string[], options: InitEditorOptions, io: CliIO): Promise<number> {
  const settingsPath = join(root, SETTINGS_FILE);
  let existing: string | undefined;
  try {
    existing = readFileSync(settingsPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new CliError('INPUT_UNREADABLE', `cannot read ${SETTINGS_FILE}: ${errorMessage(error)}`, { cause: error });
  }
  let merge;
  try {
    merge = mergeYamlSchemas(existing, schemaRef, globs);
  } catch (error) {
    if (!(error instanceof SettingsEditError)) throw error;
    const snippet = JSON.stringify({ [YAML_SCHEMAS_KEY]: { [schemaRef]: globs } }, null, 4);
    io.writeStderr(`pmm-config: left ${SETTINGS_FILE} unchanged: ${error.message}. Add this to it yourself:\n${snippet}\n`);
    return 2;
  }
  for (const conflict of merge.conflicts) {
    io.writeStderr(`pmm-config: warning: ${YAML_SCHEMAS_KEY} also maps ${conflict.glob} to ${conflict.schema}; the editor will apply both schemas.\n`);
  }
  if (options.dryRun) {
    io.writeStdout(merge.text);
    return 0;
  }
  if (options.schema === undefined) await installSchemaCopy(root, io, options.kind ?? 'config');
  if (!merge.changed) {
    io.writeStdout(`${SETTINGS_FILE} already maps ${schemaRef} to ${globs.join(', ')}.\n`);
    return 0;
  }
  mkdirSync(dirname(settingsPath), { recursive: true });
  try {
    // Refuses to overwrite an edit the user saved while we were merging.
    await writeFileAtomic(settingsPath, merge.text, existing === undefined ? { newFileMode: SHARED_FILE_MODE } : { expectedOriginal: existing });
  } catch (error) {
    if (!(error instanceof ConfigChangedError)) throw error;
    io.writeStderr(`pmm-config: ${SETTINGS_FILE} changed while it was being updated; nothing was written, run init-editor again\n`);
    return 1;
  }
  io.writeStdout(
    `${existing === undefined ? 'Created' : 'Updated'} ${SETTINGS_FILE}: ${YAML_SCHEMAS_KEY} maps ${schemaRef} to ${globs.join(', ')}.\n` +
      'VS Code needs the YAML extension (redhat.vscode-yaml) to use it.\n',
  );
  return 0;
}

/**
 * `pmm-config init-editor`: points yaml-language-server at the schema of this pmm-config version, through
 * `.vscode/settings.json` (merged, never clobbered, written atomically) or a printed modeline. Resolves with
 * the exit code: 0 done, 1 when settings.json changed under us, 2 when it could not be edited safely.
 */
export async function runInitEditor(options: InitEditorOptions, io: CliIO): Promise<number> {
  const root = io.cwd;
  const kind = options.kind ?? 'config';
  // Linked files have no usual place: the user says which files (or globs) hold that kind.
  if (kind !== 'config' && options.paths.length === 0) {
    throw new CliError('USAGE', `--kind ${kind} needs the ${kind} files or globs to map, e.g. pmm-config init-editor --kind ${kind} 'config/${kind}s/*.yml'`);
  }
  const present = DEFAULT_CONFIGS.filter((config) => existsSync(join(root, config)));
  const configs = options.paths.length > 0 ? options.paths.map((path) => insideRoot(root, path)) : present.length > 0 ? present : [DEFAULT_CONFIGS[0]];
  const schemaRef = options.schema ?? `./${schemaCopyOf(kind)}`;
  if (options.modeline) {
    if (options.schema === undefined && !options.dryRun) await installSchemaCopy(root, io, kind);
    printModelines(root, schemaRef, configs, io);
    return 0;
  }
  const globs = (options.paths.length > 0 ? configs : DEFAULT_CONFIGS).map((config) => `/${config}`);
  return updateSettings(root, schemaRef, globs, options, io);
}
