import { KOMETA_ENFORCES, normalizeFileKeys, UNKNOWN_KEY_SEVERITY, validateCollection, validateMetadata, validateOverlay, validatePlaylist, type EnforcedFormat, type KeyRename } from '@pmm-config/schema';
import { escapeToken, parsePointer } from '../pointer';
import type { FileKind } from '@pmm-config/plugin';
import type { InvalidValue } from '../schema/shape';
import type { SchemaError } from '../schema/types';
import { definitionsOf, isMapping } from './definitions';
import { templateCalls } from './templates';

/** The kinds whose files have a schema. */
export type SchemaKind = 'collection' | 'playlist' | 'metadata' | 'overlay';

/** A file's data as Kometa runs it (definition keys lower-cased, aliases applied) and the renames that took. */
export interface NormalizedFile {
  readonly data: unknown;
  readonly renames: readonly KeyRename[];
  /** Maps a pointer into the normalized data back to the key as written. */
  original(pointer: string): string;
}

const normalized = new WeakMap<object, NormalizedFile>();

/** Normalizes once per parsed file (the schema check and the alias rule both need it). */
export function normalizedFile(kind: SchemaKind, data: unknown): NormalizedFile {
  if (data !== null && typeof data === 'object') {
    const known = normalized.get(data);
    if (known) return known;
  }
  const result = normalizeFileKeys(kind, data);
  // normalized parent pointer + normalized key -> the key as written
  const written = new Map<string, string>();
  for (const rename of result.renames) written.set(`/${rename.path.map(escapeToken).join('/')}\u0000${rename.to}`, rename.from);
  const file: NormalizedFile = {
    data: result.data,
    renames: result.renames,
    original(pointer) {
      if (written.size === 0 || pointer === '') return pointer;
      let at = '';
      let out = '';
      for (const token of parsePointer(pointer)) {
        const from = written.get(`${at}\u0000${token}`) ?? token;
        at += `/${escapeToken(token)}`;
        out += `/${escapeToken(from)}`;
      }
      return out;
    },
  };
  if (data !== null && typeof data === 'object') normalized.set(data, file);
  return file;
}

/** Points an error at the keys as written (and, for a template body, at the template). */
function relocated(error: SchemaError, file: NormalizedFile, from?: { readonly section: string }): SchemaError {
  let instancePath = file.original(error.instancePath);
  if (from) instancePath = instancePath.replace(new RegExp(`^/${from.section}/`), '/templates/');
  const property = error.params['additionalProperty'];
  if (instancePath === error.instancePath && typeof property !== 'string') return error;
  // the error's verbose fields are lazy getters: keep them, change only where it points
  const moved = Object.create(Object.getPrototypeOf(error), Object.getOwnPropertyDescriptors(error)) as SchemaError & { instancePath: string; params: Record<string, unknown> };
  Object.defineProperty(moved, 'instancePath', { value: instancePath, enumerable: true });
  if (typeof property === 'string') {
    const key = parsePointer(file.original(`${error.instancePath}/${escapeToken(property)}`)).pop() ?? property;
    Object.defineProperty(moved, 'params', { value: { ...error.params, additionalProperty: key }, enumerable: true });
  }
  return moved;
}

/** Template keys that instruct the template engine, and a nested `template:` Kometa silently drops. */
const TEMPLATE_ONLY = new Set(['default', 'optional', 'conditionals', 'move_prefix', 'move_collection_prefix', 'template']);

/**
 * The template bodies Kometa applies: in a collection or playlist file those a definition calls, in an external
 * template file all of them (other files call them). A body runs as part of each calling definition, so its
 * attributes are checked as a definition's; what holds `<<variables>>` is judged only after substitution (never).
 */
function appliedTemplates(data: unknown, kind: FileKind, section: string): Record<string, unknown> | undefined {
  if (!isMapping(data) || !isMapping(data['templates'])) return undefined;
  const templates = data['templates'];
  const called = kind === 'template' ? new Set(Object.keys(templates)) : new Set(definitionsOf(data, kind).flatMap((definition) => templateCalls(definition.body, definition.pointer).map((call) => call.name)));
  const bodies: Record<string, unknown> = {};
  for (const name of called) {
    const body = templates[name];
    if (isMapping(body)) bodies[name] = Object.fromEntries(Object.entries(body).filter(([key]) => !TEMPLATE_ONLY.has(key.toLowerCase())));
  }
  return Object.keys(bodies).length > 0 ? { [section]: bodies } : undefined;
}

function holdsVariable(value: unknown): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string' && node.includes('<<')) return true;
    if (Array.isArray(node)) stack.push(...node);
    else if (isMapping(node)) for (const [key, child] of Object.entries(node)) {
      if (key.includes('<<')) return true;
      stack.push(child);
    }
  }
  return false;
}

const VALIDATORS: Readonly<Record<SchemaKind, { readonly validate: (data: unknown) => readonly SchemaError[]; readonly section: string }>> = {
  collection: { validate: validateCollection, section: 'collections' },
  playlist: { validate: validatePlaylist, section: 'playlists' },
  metadata: { validate: validateMetadata, section: 'metadata' },
  overlay: { validate: validateOverlay, section: 'overlays' },
};

/** The schema check of a linked file, with errors pointing at the keys as the user wrote them. */
export function fileValidator(kind: FileKind, schema: SchemaKind): (data: unknown) => readonly SchemaError[] {
  const { validate, section } = VALIDATORS[schema];
  return (data) => {
    const file = normalizedFile(schema, data);
    const errors = validate(file.data).map((error) => relocated(error, file));
    // Metadata templates hold edits Kometa ignores when it does not know them: not worth a second pass.
    const bodies = schema === 'metadata' ? undefined : appliedTemplates(data, kind, section);
    if (!bodies) return errors;
    const asDefinitions = normalizedFile(schema, bodies);
    const inBodies = validate(asDefinitions.data)
      // a value that holds a variable anywhere inside is judged only after substitution, which never happens here
      .filter((error) => error.instancePath.startsWith(`/${section}/`) && !holdsVariable(error.data))
      .map((error) => relocated(error, asDefinitions, { section }));
    return [...errors, ...inBodies];
  };
}

/** The word Kometa starts its messages about a definition of this kind with (`self.Type`: "Playlist Error: …"). */
export function kometaType(kind: SchemaKind): 'Collection' | 'Playlist' | 'Overlay' {
  return kind === 'playlist' ? 'Playlist' : kind === 'overlay' ? 'Overlay' : 'Collection';
}

/** Kometa ignores unknown keys where the schema marks it (file top level, dynamic sets) and fails a definition on one. */
export function unknownKeyInDefinition(kind: SchemaKind) {
  return (error: SchemaError): { severity: 'error' | 'warning'; consequence: string } | undefined => {
    const key = String(error.params['additionalProperty']);
    if (error.parentSchema?.[UNKNOWN_KEY_SEVERITY] === 'warning') return undefined;
    const [section, name] = parsePointer(error.instancePath);
    const type = kometaType(kind);
    const what = name === undefined ? 'the file' : section === 'templates' ? `every definition that calls the template \`${name}\`` : `\`${name}\``;
    const kometa =
      kind === 'playlist' && section === 'playlists'
        ? `'${key}' attribute not compatible with playlists`
        : kind === 'overlay'
          ? `'${key}' attribute not allowed in an Overlay File`
          : `'${key}' attribute is invalid`;
    return { severity: 'error', consequence: `Kometa stops ${what} ("${type} Error: ${kometa}")` };
  };
}

/**
 * A value the schema marks as one Kometa enforces (an overlay alignment, an offset's range, a `run_definition`
 * word) fails that definition, or the whole file for a queue; other pattern mismatches stay warnings.
 */
export function invalidValueInDefinition(kind: SchemaKind) {
  const definition = kind === 'overlay' ? 'overlay' : kind === 'playlist' ? 'playlist' : 'definition';
  return (error: SchemaError): InvalidValue | undefined => {
    const format = error.parentSchema?.[KOMETA_ENFORCES] as EnforcedFormat | undefined;
    if (!format) return undefined;
    const [section, name] = parsePointer(error.instancePath);
    const what = section === 'templates' ? `every ${definition} that calls the template \`${name}\`` : section === 'queues' ? 'the file' : `the ${definition} \`${name}\``;
    return { severity: 'error', consequence: `Kometa stops ${what}`, expects: format.expects, ...(format.options ? { options: format.options } : {}) };
  };
}
