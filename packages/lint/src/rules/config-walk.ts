import { parsePointer } from '@pmm-config/plugin';
import { escapeToken } from '../pointer';

/** A plain mapping from the parsed config. */
export type Mapping = Record<string, unknown>;

export function isMapping(value: unknown): value is Mapping {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whether a value counts as "set" for Kometa: not absent, not blank, not an empty string. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

export interface Library {
  readonly name: string;
  readonly pointer: string;
  /** The library body; `null` when written `Movies:` with nothing under it. */
  readonly body: Mapping | null;
}

/** Every entry under `libraries`, whatever its body. */
export function libraries(config: unknown): Library[] {
  if (!isMapping(config) || !isMapping(config.libraries)) return [];
  return Object.entries(config.libraries).map(([name, body]) => ({
    name,
    pointer: `/libraries/${escapeToken(name)}`,
    body: isMapping(body) ? body : null,
  }));
}

/** Library keys that hold file blocks (`metadata_path`/`overlay_path` are their legacy names). */
export const LIBRARY_FILE_LISTS = ['collection_files', 'metadata_files', 'overlay_files', 'image_files', 'metadata_path', 'overlay_path'] as const;

/** One entry of a file list: a mapping (`- file: x`) or a legacy bare path string. */
export interface FileBlock {
  readonly pointer: string;
  readonly entry: unknown;
  /** Which list holds it, e.g. `collection_files` or `playlist_files`. */
  readonly list: string;
}

function blocksOf(value: unknown, pointer: string, list: string): FileBlock[] {
  if (Array.isArray(value)) return value.map((entry, index) => ({ pointer: `${pointer}/${index}`, entry, list }));
  // Kometa also accepts a single block or a single path instead of a list.
  if (isMapping(value) || typeof value === 'string') return [{ pointer, entry: value, list }];
  return [];
}

/** Every file block in the config: library file lists and the top-level `playlist_files`. */
export function fileBlocks(config: unknown): FileBlock[] {
  const out: FileBlock[] = [];
  for (const library of libraries(config)) {
    if (!library.body) continue;
    for (const list of LIBRARY_FILE_LISTS) {
      if (list in library.body) out.push(...blocksOf(library.body[list], `${library.pointer}/${list}`, list));
    }
  }
  if (isMapping(config) && 'playlist_files' in config) out.push(...blocksOf(config.playlist_files, '/playlist_files', 'playlist_files'));
  return out;
}

/** A scalar of the config, with its pointer and the key that holds it (undefined for a list item). */
export interface ConfigScalar {
  readonly pointer: string;
  readonly key: string | undefined;
  readonly value: string | number | boolean | null;
}

/**
 * Every scalar of the config, in no set order. `template_variables` are left out: Kometa passes them on to the
 * linked files as written. Iterative: depth is user-controlled.
 */
export function configScalars(config: unknown): ConfigScalar[] {
  const found: ConfigScalar[] = [];
  const stack: { value: unknown; pointer: string; key: string | undefined }[] = [{ value: config, pointer: '', key: undefined }];
  while (stack.length > 0) {
    const { value, pointer, key } = stack.pop() as (typeof stack)[number];
    if (Array.isArray(value)) value.forEach((item, index) => stack.push({ value: item, pointer: `${pointer}/${index}`, key: undefined }));
    else if (isMapping(value)) {
      for (const [child, body] of Object.entries(value)) if (child !== 'template_variables') stack.push({ value: body, pointer: `${pointer}/${escapeToken(child)}`, key: child });
    } else if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') found.push({ pointer, key, value });
  }
  return found;
}

/** `tmdb.apikey`, `libraries.Movies.plex.token`: the key path as people read it. */
export const dottedPath = (pointer: string): string => parsePointer(pointer).join('.');
