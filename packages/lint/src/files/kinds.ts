import type { FileKind } from '@pmm-config/plugin';
import { isMapping } from './definitions';

/** Config sections that only a config has (what `validate` already uses to spot configs in folders). */
const CONFIG_KEYS = ['libraries', 'plex', 'tmdb', 'settings'];

/**
 * A file's kind from its top-level keys, in the order Kometa's own validator tries them
 * (`detect_schema_type`, reference kometa-files.md §1.2), plus `queues` for overlay files. A file holding only
 * `templates` is an external template file; an empty file is a config. Undefined: none of Kometa's kinds.
 */
export function detectKind(data: unknown): FileKind | undefined {
  // An empty file has no keys to tell by; named on its own it is most likely an empty config.yml (Kometa stops).
  if (data === null || data === undefined || (isMapping(data) && Object.keys(data).length === 0)) return 'config';
  if (!isMapping(data)) return undefined;
  const has = (key: string) => Object.prototype.hasOwnProperty.call(data, key);
  if (has('collections') || has('dynamic_collections')) return 'collection';
  if (has('overlays') || has('queues')) return 'overlay';
  if (has('playlists')) return 'playlist';
  if (has('metadata')) return 'metadata';
  if (CONFIG_KEYS.some(has)) return 'config';
  if (has('templates')) return 'template';
  return undefined;
}

/** The kind of file a config list links (Kometa: the key that links a file decides how it is read). */
export function kindOfList(list: string): FileKind {
  switch (list) {
    case 'metadata_files':
      return 'metadata';
    case 'overlay_files':
    case 'overlay_path':
      return 'overlay';
    case 'playlist_files':
      return 'playlist';
    case 'image_files':
      return 'image';
    default:
      return 'collection';
  }
}
