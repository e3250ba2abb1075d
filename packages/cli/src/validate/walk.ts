import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const YAML_FILE = /\.ya?ml$/i;

/**
 * A top-level key that only a Kometa file has: a config section, or the definitions of a collection, overlay,
 * metadata or playlist file. Quoted keys count; a key that merely appears indented (inside some other YAML file)
 * does not.
 */
const KOMETA_TOP_LEVEL_KEY = /^["']?(?:libraries|plex|tmdb|settings|collections|dynamic_collections|templates|overlays|queues|metadata|playlists)["']?[ \t]*:/m;

/** Whether a YAML text looks like a file Kometa reads (a config or a linked file) rather than an unrelated one. */
export function looksLikeKometaFile(text: string): boolean {
  return KOMETA_TOP_LEVEL_KEY.test(text);
}

/**
 * Every `*.yml`/`*.yaml` below `root`, depth-first in name order, skipping `node_modules` and dot-folders.
 * Symlinked folders are not followed (no cycles); symlinked files are. Unreadable folders are skipped.
 * Returned paths are `root` joined with the relative path, so they read the way the user typed `root`.
 */
export function findYamlFiles(root: string, resolve: (path: string) => string): string[] {
  const found: string[] = [];
  const pending: string[] = [root];
  while (pending.length > 0) {
    const folder = pending.pop() as string;
    let entries;
    try {
      entries = readdirSync(resolve(folder), { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: string[] = [];
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') subfolders.push(path);
      } else if (YAML_FILE.test(entry.name) && (entry.isFile() || isSymlinkToFile(entry.isSymbolicLink(), resolve(path)))) {
        found.push(path);
      }
    }
    for (let i = subfolders.length - 1; i >= 0; i--) pending.push(subfolders[i] as string);
  }
  return found;
}

function isSymlinkToFile(isSymlink: boolean, path: string): boolean {
  return isSymlink && statSync(path, { throwIfNoEntry: false })?.isFile() === true;
}
