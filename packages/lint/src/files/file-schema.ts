import { normalizeFileKeys, UNKNOWN_KEY_SEVERITY, validateCollection, validatePlaylist, type KeyRename } from '@pmm-config/schema';
import { escapeToken, parsePointer } from '../pointer';
import type { SchemaError } from '../schema/types';

/** The kinds whose files have a schema. */
export type SchemaKind = 'collection' | 'playlist';

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

/** The schema check of a linked file, with errors pointing at the keys as the user wrote them. */
export function fileValidator(kind: SchemaKind): (data: unknown) => readonly SchemaError[] {
  const validate = kind === 'playlist' ? validatePlaylist : validateCollection;
  return (data) => {
    const file = normalizedFile(kind, data);
    return validate(file.data).map((error) => {
      const instancePath = file.original(error.instancePath);
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
    });
  };
}

/** Kometa ignores unknown keys where the schema marks it (file top level, dynamic sets) and fails a definition on one. */
export function unknownKeyInDefinition(kind: SchemaKind) {
  return (error: SchemaError): { severity: 'error' | 'warning'; consequence: string } | undefined => {
    const key = String(error.params['additionalProperty']);
    if (error.parentSchema?.[UNKNOWN_KEY_SEVERITY] === 'warning') return undefined;
    const [section, name] = parsePointer(error.instancePath);
    const type = kind === 'playlist' ? 'Playlist' : 'Collection';
    const what = name === undefined ? 'the file' : `\`${name}\``;
    const kometa = kind === 'playlist' && section === 'playlists' ? `'${key}' attribute not compatible with playlists` : `'${key}' attribute is invalid`;
    return { severity: 'error', consequence: `Kometa stops ${what} ("${type} Error: ${kometa}")` };
  };
}
