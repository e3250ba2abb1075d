import { nullable, object, type JsonSchema, type Static } from './builder';
import { deprecations, deprecationText, type Deprecation } from './deprecations';
import { SCHEMA_ID } from './published-schema';
import { optBool, optInt } from './sections/common';
import { fileBlocks } from './sections/files';
import { libraries } from './sections/library';
import {
  anidb,
  apprise,
  github,
  gotify,
  mdblist,
  notifiarr,
  ntfy,
  omdb,
  plex,
  radarr,
  simkl,
  sonarr,
  tautulli,
  tmdb,
  webhooks,
} from './sections/services';
import { settings } from './sections/settings';
import { mal, trakt } from './sections/trakt-mal';

const root = object(
  {
    libraries,
    // Kometa only logs "playlist_files attribute is blank" for a blank value
    playlist_files: nullable(fileBlocks('Playlist definition files (file, folder, url, git, repo or default).')),
    settings,
    webhooks,
    plex,
    tmdb,
    tautulli,
    github,
    omdb,
    mdblist,
    notifiarr,
    gotify,
    ntfy,
    apprise,
    anidb,
    radarr,
    sonarr,
    trakt,
    mal,
    simkl,
    cache: nullable(
      object({
        cache: optBool({ description: 'Moved to settings.cache.' }),
        cache_expiration: optInt({ minimum: 1, description: 'Moved to settings.cache_expiration.' }),
      }),
    ),
  },
  {
    required: ['libraries', 'tmdb'],
    title: 'Kometa config.yml',
    description: 'Kometa (formerly Plex Meta Manager) configuration file.',
  },
);

/** The whole config.yml, as Kometa reads it. */
export type KometaConfig = Static<typeof root>;

type Mutable = Record<string, unknown>;

/** The sub-schemas a path segment leads to (through `anyOf`, `properties`, `additionalProperties`, `items`). */
function childSchemas(schema: Mutable, segment: string): Mutable[] {
  const found: Mutable[] = [];
  if (Array.isArray(schema['anyOf'])) {
    for (const branch of schema['anyOf'] as Mutable[]) found.push(...childSchemas(branch, segment));
  }
  if (segment === '*') {
    const extra = schema['additionalProperties'];
    if (extra && typeof extra === 'object') found.push(extra as Mutable);
    const items = schema['items'];
    if (items && typeof items === 'object') found.push(items as Mutable);
  } else {
    const properties = schema['properties'] as Record<string, Mutable> | undefined;
    const property = properties?.[segment];
    if (property) found.push(property);
  }
  return found;
}

/** Every schema node `path` reaches. */
export function schemasAt(schema: JsonSchema, path: readonly string[]): JsonSchema[] {
  let current: Mutable[] = [schema as Mutable];
  for (const segment of path) current = current.flatMap((node) => childSchemas(node, segment));
  return current;
}

/**
 * Copies the schema tree and marks each deprecated key with `deprecated` and `deprecationMessage`
 * (the hint yaml-language-server shows). Throws when a path reaches nothing, so the table cannot drift.
 */
function withDeprecations(schema: JsonSchema, table: readonly Deprecation[]): JsonSchema {
  // a JSON round trip unshares sub-schemas (plex is used globally and per library) so marks stay local
  const copy = JSON.parse(JSON.stringify(schema)) as Mutable;
  for (const deprecation of table) {
    const targets = schemasAt(copy, deprecation.path);
    if (targets.length === 0) throw new Error(`deprecation path not in schema: ${deprecation.path.join('.')}`);
    const parentPath = deprecation.path.slice(0, -1);
    const key = deprecation.path[deprecation.path.length - 1] as string;
    for (const parent of schemasAt(copy, parentPath) as Mutable[]) {
      markProperty(parent, key, deprecationText(deprecation));
    }
  }
  return copy;
}

function markProperty(parent: Mutable, key: string, message: string): void {
  if (Array.isArray(parent['anyOf'])) {
    for (const branch of parent['anyOf'] as Mutable[]) markProperty(branch, key, message);
  }
  const properties = parent['properties'] as Record<string, Mutable> | undefined;
  const property = properties?.[key];
  if (properties && property) {
    properties[key] = { ...property, deprecated: true, deprecationMessage: message };
  }
}

/** Our JSON Schema (draft-07) of Kometa's config.yml; the same object is published as `config.schema.json`. */
export const configSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: SCHEMA_ID,
  ...withDeprecations(root, deprecations),
};
