import { enumOf, list, listOrSingle, nullable, object, string, union, type TSchema } from '../builder';
import { optBool, optSchedule, paths, templateVariables } from './common';

const location = (description: string) => string({ description });

/** The keys that say where a file comes from; several in one block are all loaded. */
const locationProperties = {
  file: location('Local YAML file (relative to the working directory or the config folder).'),
  folder: location('Local folder; every .yml/.yaml file directly inside is loaded.'),
  url: location('URL of a raw YAML file.'),
  git: location('Path in the Kometa-Team/Community-Configs repository (without .yml).'),
  repo: location('Path in settings.custom_repo (without .yml).'),
  default: location('Name of a Kometa default file (e.g. basic, imdb, resolution).'),
  pmm: location('Legacy name of `default`.'),
} as const;

const blockExtras = {
  template_variables: templateVariables,
  schedule: optSchedule('When this file runs (Kometa schedule syntax).'),
  asset_directory: paths('Asset folder(s) used for this file.'),
} as const;

/** Reset sources accepted by `reset_overlays`. */
export const resetOverlays = nullable(
  listOrSingle(enumOf(['tmdb', 'plex']), {
    description: 'Reset posters to the tmdb or plex image before applying overlays.',
  }),
);

/** Overlay-library flags that old configs put inside an `overlay_files` entry. */
const legacyOverlayFlags = {
  remove_overlays: optBool(),
  remove_overlay: optBool(),
  revert_overlays: optBool(),
  reapply_overlays: optBool(),
  reapply_overlay: optBool(),
  reset_overlays: resetOverlays,
  reset_overlay: resetOverlays,
} as const;

function fileList<T>(block: TSchema<T>, description: string): TSchema<string | T | (string | T)[]> {
  const entry = union([string(), block]);
  return union([string(), block, list(entry)], { description });
}

/** One block of `collection_files`, `metadata_files`, `image_files` or `playlist_files`. */
export const fileBlock = object(
  { ...locationProperties, ...blockExtras },
  { description: 'A file reference: file, folder, url, git, repo or default, plus template_variables.' },
);

/** One block of `overlay_files` (also accepts the old per-file overlay flags). */
export const overlayFileBlock = object(
  { ...locationProperties, ...blockExtras, ...legacyOverlayFlags },
  { description: 'An overlay file reference: file, folder, url, git, repo or default, plus template_variables.' },
);

/** A file-block list (a single block or bare path is also accepted). */
export const fileBlocks = (description: string) => fileList(fileBlock, description);

/** `overlay_files` and the legacy `overlay_path`. */
export const overlayFileBlocks = (description: string) => fileList(overlayFileBlock, description);
