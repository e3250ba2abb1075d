import { loadFileSchema } from './published-schema';
import { runStandalone, type SchemaError, type StandaloneValidator } from './validate';

/*
 * The validators of the linked-file kinds, generated at build time like the config's and loaded only when a
 * file of that kind is validated, so a config-only run never reads them. Literal `../dist/` paths, as in
 * validate.ts, resolve the same from `src/` and `dist/` and let bundlers include the files.
 */
let collectionValidator: StandaloneValidator | undefined;
let playlistValidator: StandaloneValidator | undefined;
let metadataValidator: StandaloneValidator | undefined;
let overlayValidator: StandaloneValidator | undefined;

/**
 * Checks a parsed collection file (merge keys applied, definition keys normalized with
 * `normalizeDefinitionKey`/`normalizeFileKeys`). Template files (only `templates:`) validate as collection files.
 */
export function validateCollection(data: unknown): readonly SchemaError[] {
  collectionValidator ??= require('../dist/collection-validator.generated.js') as StandaloneValidator;
  return runStandalone(collectionValidator, data, () => loadFileSchema('collection'));
}

/** Checks a parsed playlist file (keys normalized as for {@link validateCollection}). */
export function validatePlaylist(data: unknown): readonly SchemaError[] {
  playlistValidator ??= require('../dist/playlist-validator.generated.js') as StandaloneValidator;
  return runStandalone(playlistValidator, data, () => loadFileSchema('playlist'));
}

/** Checks a parsed metadata file (item keys lower-cased, as Kometa looks them up). */
export function validateMetadata(data: unknown): readonly SchemaError[] {
  metadataValidator ??= require('../dist/metadata-validator.generated.js') as StandaloneValidator;
  return runStandalone(metadataValidator, data, () => loadFileSchema('metadata'));
}

/** Checks a parsed overlay file (definition keys normalized as for {@link validateCollection}; `overlay:` blocks as written). */
export function validateOverlay(data: unknown): readonly SchemaError[] {
  overlayValidator ??= require('../dist/overlay-validator.generated.js') as StandaloneValidator;
  return runStandalone(overlayValidator, data, () => loadFileSchema('overlay'));
}
