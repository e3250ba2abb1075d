import { any, caseInsensitiveEnum, list, nullable, object, openObject, record, string, union, type JsonSchema, type TSchema } from '../builder';
import { fileBlocks } from '../sections/files';
import { DETAILS, PLAYLIST_ATTRIBUTES, SETTINGS, SUMMARY_AND_POSTER_DETAILS, ARR_SETTINGS, ITEM_UPDATES, type Attribute } from './catalogue/attributes';
import { BUILDERS } from './catalogue/builders';
import { DYNAMIC_LEGACY_ATTRIBUTES, DYNAMIC_TYPES, PEOPLE_DYNAMIC_TYPES } from './catalogue/dynamic';
import { KOMETA_VERSION } from './catalogue/index';
import { COLLECTION_ATTRIBUTES, definitionProperties, filterSets, searchBlock, searchGroup } from './definition';
import { metadataSchema } from './metadata-schema';
import { overlayAttribute, queues } from './overlay-block';
import { shareValueSchemas } from './shared-values';
import { UNKNOWN_KEY_SEVERITY, type FileKind } from './unknown-keys';
import { boolish, intish, scalar, scalarList } from './values';


const warnOnUnknown = (schema: JsonSchema): JsonSchema => ({ ...schema, [UNKNOWN_KEY_SEVERITY]: 'warning' });

/**
 * An entry of `collections`/`playlists`/`templates` that is not a mapping is dropped by Kometa with a warning
 * ("{name} must be a dictionary"), so any JSON type passes here; the object keywords judge mappings only.
 */
const ANY_ENTRY = ['object', 'array', 'string', 'number', 'boolean', 'null'];
const anyEntry = (schema: JsonSchema): TSchema<unknown> => ({ ...schema, type: ANY_ENTRY });

/** `templates:` bodies are not definitions (their keys and values hold `<<vars>>`): any mapping. */
const templates = nullable(
  record(anyEntry(openObject({}, any())), {
    description: 'Templates: name → body. Bodies are judged only after a definition applies them.',
  }),
);

const externalTemplates = nullable(fileBlocks('Files whose `templates` are added to this file\'s (file, folder, url, git, repo, default).'));

/** A definition is checked closed: Kometa fails it on an unknown key ("'{attr}' attribute is invalid"). */
function definitions(description: string, properties: Record<string, TSchema<unknown>>): TSchema<unknown> {
  return nullable(record(anyEntry(object(properties)), { description }));
}

// ---- Dynamic collections (kometa-files-deep §6) ----

const countKey = nullable(intish(1));

const dynamicDefinition = warnOnUnknown(
  object(
    {
      type: caseInsensitiveEnum(DYNAMIC_TYPES, { description: 'What the collections are made from (depends on the library type).' }),
      data: nullable(any({ description: 'Per type: counts for people types, `starting`/`ending`/`increment` for number, key → name for custom, ...' })),
      exclude: nullable(scalarList({ description: 'Keys or key names not to make collections for.' })),
      include: nullable(scalarList({ description: 'Only these keys; others go to other_name.' })),
      addons: nullable(openObject({}, any(), { description: 'Parent key → child keys merged into it.' })),
      template: nullable(union([string(), list(string())], { description: 'Template name(s) (names, not call mappings).' })),
      template_variables: nullable(openObject({}, any(), { description: 'Variable → {key: value, default: value}.' })),
      other_template: nullable(union([string(), list(string())])),
      remove_prefix: nullable(scalarList()),
      remove_suffix: nullable(scalarList()),
      title_format: nullable(string({ description: 'Title with <<key_name>> (or <<title>>).' })),
      key_name_override: nullable(openObject({}, any())),
      title_override: nullable(openObject({}, any())),
      custom_keys: nullable(boolish()),
      test: nullable(boolish()),
      sync: nullable(boolish()),
      other_name: nullable(scalar()),
      ...Object.fromEntries(
        Object.entries(DYNAMIC_LEGACY_ATTRIBUTES).map(([legacy, target]) => [legacy, nullable(openObject({}, any(), { description: `Kometa runs this as \`${target}\`.` }))]),
      ),
    },
    { required: ['type'], description: 'A set of dynamic collections. Unknown keys only warn in Kometa.' },
  ),
);

/** `data` where the reference fixes its shape: people types take counts, `tmdb_popular_people` a count. */
const dynamicData: JsonSchema = {
  allOf: [
    {
      if: { properties: { type: caseInsensitiveEnum(PEOPLE_DYNAMIC_TYPES) }, required: ['type'] },
      then: {
        properties: {
          data: nullable(warnOnUnknown(object({ depth: countKey, minimum: countKey, limit: countKey, actor_depth: countKey, actor_minimum: countKey, number_of_actors: countKey }))),
        },
      },
    },
    {
      if: { properties: { type: caseInsensitiveEnum(['tmdb_popular_people']) }, required: ['type'] },
      then: { properties: { data: nullable(intish(1)) } },
    },
  ],
};

// ---- Files ----

const collectionDefinitionProperties = definitionProperties({
  builders: BUILDERS,
  attributes: COLLECTION_ATTRIBUTES,
  searchShorthand: true,
});

const PLAYLIST_KEYS = new Set([
  ...PLAYLIST_ATTRIBUTES,
  ...SUMMARY_AND_POSTER_DETAILS,
  ...ARR_SETTINGS.map((attribute) => attribute.name),
  'item_radarr_tag',
  'item_sonarr_tag',
]);

/**
 * Playlist attributes (kometa-files §4.5, deep §9): `playlist_attributes` (its builders are the playlist-eligible
 * ones) and every setting read before the builder loop.
 */
const PLAYLIST_DEFINITION_ATTRIBUTES: readonly Attribute[] = [
  ...SETTINGS,
  ...[...DETAILS, ...ITEM_UPDATES, ...ARR_SETTINGS].filter((attribute) => PLAYLIST_KEYS.has(attribute.name)),
  { name: 'filters', value: { kind: 'filters' }, group: 'filters' },
];

const playlistDefinitionProperties = definitionProperties({
  builders: BUILDERS.filter((builder) => builder.playlist),
  attributes: PLAYLIST_DEFINITION_ATTRIBUTES,
  searchShorthand: false,
});

function fileSchema(kind: FileKind, root: JsonSchema, blocksWithTypes: boolean): JsonSchema {
  return shareValueSchemas({
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://pmm-config.dev/schema/${kind}.schema.json`,
    ...warnOnUnknown(root),
    'x-kometa-version': KOMETA_VERSION,
    definitions: {
      searchGroup: searchGroup(),
      searchBlock: searchBlock(blocksWithTypes),
      filters: filterSets(),
    },
  });
}

/** Our JSON Schema of a Kometa collection file (`collection_files`); also used for template files. */
export const collectionSchema: JsonSchema = fileSchema(
  'collection',
  object(
    {
      collections: definitions('Collection definitions: name → attributes.', collectionDefinitionProperties),
      dynamic_collections: nullable(record(anyEntry({ ...dynamicDefinition, ...dynamicData }), { description: 'Dynamic collection sets.' })),
      templates,
      external_templates: externalTemplates,
    },
    { title: 'Kometa collection file', description: 'A file of collection_files: collections, dynamic_collections, templates. Other top-level keys are ignored by Kometa.' },
  ),
  false,
);

/** Our JSON Schema of a Kometa playlist file (`playlist_files`). */
export const playlistSchema: JsonSchema = fileSchema(
  'playlist',
  object(
    {
      playlists: definitions('Playlist definitions: name → attributes.', playlistDefinitionProperties),
      templates,
      external_templates: externalTemplates,
    },
    { title: 'Kometa playlist file', description: 'A file of playlist_files: playlists, templates. Other top-level keys are ignored by Kometa.' },
  ),
  true,
);

/**
 * The attributes of an overlay definition (kometa-files §7.1, deep §7.1; `builder.py` `overlay_attributes`): every
 * setting read before the builder loop (some are ignored in overlay files, none fails), the few details
 * `overlay_attributes` names, `filters`, `overlay` and `suppress_overlays`. Any other detail fails the overlay
 * ("'{attr}' attribute not allowed in an Overlay File").
 */
const OVERLAY_DETAILS = new Set(['show_missing', 'save_report', 'missing_only_released', 'minimum_items', 'cache_builders', 'tmdb_region', 'default_percent']);
export const OVERLAY_DEFINITION_ATTRIBUTES: readonly Attribute[] = [
  ...SETTINGS,
  ...DETAILS.filter((attribute) => OVERLAY_DETAILS.has(attribute.name)),
  { name: 'filters', value: { kind: 'filters' }, group: 'filters' },
];

const overlayDefinitionProperties = {
  ...definitionProperties({ builders: BUILDERS, attributes: OVERLAY_DEFINITION_ATTRIBUTES, searchShorthand: false }),
  overlay: overlayAttribute,
  suppress_overlays: nullable(scalarList({ description: 'Overlay mapping names of this file not to apply where this one applies (list or comma-separated).' })),
};

/** Our JSON Schema of a Kometa overlay file (`overlay_files`). */
export const overlaySchema: JsonSchema = fileSchema(
  'overlay',
  object(
    {
      overlays: definitions('Overlay definitions: mapping name → builders, filters and the `overlay:` block.', overlayDefinitionProperties),
      queues,
      templates,
      external_templates: externalTemplates,
    },
    { title: 'Kometa overlay file', description: 'A file of overlay_files: overlays, queues, templates. Other top-level keys are ignored by Kometa.' },
  ),
  false,
);

/** The schema of each kind. */
export const fileSchemas: Readonly<Record<FileKind, JsonSchema>> = {
  collection: collectionSchema,
  playlist: playlistSchema,
  metadata: metadataSchema,
  overlay: overlaySchema,
};
