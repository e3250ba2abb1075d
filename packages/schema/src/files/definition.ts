import { any, bool, caseInsensitiveEnum, int, list, nullable, number, openObject, string, union, type JsonSchema, type TSchema } from '../builder';
import { METHOD_ALIASES, DEFINITION_NAME_ALIASES } from './catalogue/aliases';
import { ARR_SETTINGS, DETAILS, GENERIC_ARR, ITEM_UPDATES, SETTINGS, TRAKT_SETTINGS, type Attribute } from './catalogue/attributes';
import { BUILDERS, type Builder } from './catalogue/builders';
import { FILTER_ATTRIBUTES, FLOAT_FILTERS, type FilterAttribute } from './catalogue/filters';
import { ALL_SORT_OPTIONS, AND_SEARCH_KEYS, SEARCH_ATTRIBUTES, SEARCH_TYPES, type SearchAttribute } from './catalogue/plex-search';
import type { ValueShape } from './catalogue/shapes';
import { UNKNOWN_KEY_SEVERITY } from './unknown-keys';
import { boolish, floatish, intish, scalar, scalarList, valueSchema } from './values';

/** Names of the shared sub-schemas under `definitions` (search groups nest, so they are referenced). */
export const DEFINITION_REFS = {
  searchGroup: '#/definitions/searchGroup',
  searchBlock: '#/definitions/searchBlock',
  filters: '#/definitions/filters',
} as const;

const ref = (target: string): TSchema<unknown> => ({ $ref: target });

// ---- Plex search blocks (kometa-files §2.13) ----

function searchValue(attribute: SearchAttribute, modifier: string): TSchema<unknown> {
  if (attribute.category === 'boolean' || modifier === '.rated') return boolish();
  if (attribute.category === 'number' || (attribute.category === 'year' && modifier.startsWith('.'))) {
    // years also take `current_year` / `current_year-N`
    return attribute.category === 'year' && modifier !== '.regex' ? union([int(), string()]) : modifier === '.regex' ? scalarList() : intish();
  }
  if (attribute.category === 'float') return floatish(0);
  if (attribute.category === 'date' && (modifier === '' || modifier === '.not')) {
    // a count with an optional unit suffix (`30`, `6o`, `2w`)
    return union([int({ minimum: 0 }), string()]);
  }
  return scalarList();
}

/** Every search key with its value schema (`plex.searches`); keys in two categories keep the first. */
export function searchKeyProperties(): Record<string, TSchema<unknown>> {
  const properties: Record<string, TSchema<unknown>> = {};
  for (const attribute of SEARCH_ATTRIBUTES) {
    for (const modifier of attribute.modifiers) {
      const key = `${attribute.name}${modifier}`;
      properties[key] ??= nullable(searchValue(attribute, modifier));
    }
  }
  return properties;
}

/**
 * The shared sub-schemas accept a mapping, a list of them, or a blank (Kometa takes "dict or list of dicts"
 * for these values), through one self-reference, so each large key table appears once per file schema.
 * A list nested in a list is accepted too, which Kometa would reject: a rare shape not worth a second table.
 */
const ONE_OR_LIST = ['object', 'array', 'null'];

/** A group of search conditions; keys starting with `any`/`all` are nested groups (`build_filter._filter`). */
export function searchGroup(): JsonSchema {
  const properties = { ...searchKeyProperties(), ...Object.fromEntries(AND_SEARCH_KEYS.map((key) => [key, nullable(scalarList())])) };
  return {
    type: ONE_OR_LIST,
    properties,
    patternProperties: { '^(?:any|all)': ref(DEFINITION_REFS.searchGroup) },
    additionalProperties: false,
    items: ref(DEFINITION_REFS.searchGroup),
  };
}

/** A whole search block: `any` or `all` (or conditions at the top, combined with AND) plus its options. */
export function searchBlock(itemTypes: boolean): JsonSchema {
  const group = searchGroup();
  return {
    ...group,
    properties: {
      ...(group['properties'] as object),
      sort_by: nullable(union([caseInsensitiveEnum(ALL_SORT_OPTIONS), list(caseInsensitiveEnum(ALL_SORT_OPTIONS))], {
        description: 'Sort option(s) of the item type (`plex.sort_types`).',
      })),
      limit: nullable(union([int({ minimum: 1 }), string()], { description: 'How many items (at least 1), or `all`.' })),
      validate: nullable(bool({ description: 'Fail on tags the library does not have (default true). A YAML bool.' })),
      ...(itemTypes ? { type: nullable(caseInsensitiveEnum(SEARCH_TYPES, { description: 'Item type to search (playlists).' })) } : {}),
    },
    items: ref(DEFINITION_REFS.searchBlock),
    // `build_filter` reads only the base (`any`/`all`) or, without one, the search keys: other keys are ignored
    [UNKNOWN_KEY_SEVERITY]: 'warning',
    description: 'A Plex search (or a list of them): `any`/`all` groups of search keys, `sort_by`, `limit`, `validate`.',
  };
}

// ---- Filters (kometa-files §3) ----

function filterValue(attribute: FilterAttribute, modifier: string): TSchema<unknown> {
  switch (attribute.category) {
    case 'boolean':
      return boolish();
    case 'string':
      return scalarList();
    case 'tag':
      if (modifier.startsWith('.count_')) return intish(0);
      return attribute.name === 'imdb_keyword' && modifier === ''
        ? union([string(), number(), list(scalar()), openObject({}, any())])
        : scalarList();
    case 'date':
      if (modifier === '' || modifier === '.not') return intish(0);
      return modifier === '.regex' ? scalarList() : scalar();
    case 'number':
      if (attribute.name === 'year' && (modifier === '' || modifier === '.not')) return scalarList();
      if (attribute.name === 'year' || attribute.name === 'tmdb_year') return union([int({ minimum: 0 }), string()]);
      if (FLOAT_FILTERS.includes(attribute.name)) return floatish(0, attribute.name === 'duration' ? undefined : 10);
      return intish(0);
    case 'special':
      if (['episodes', 'seasons', 'albums', 'tracks'].includes(attribute.name)) {
        return openObject({ percentage: nullable(intish(0, 100)), count: nullable(intish(1)) }, any(), {
          description: 'Filters for the child items, plus `percentage` (0-100) or `count` of them that must match.',
        });
      }
      return attribute.name === 'history' ? scalar({ description: '1-30 days, `day` or `month`.' }) : scalarList();
  }
}

/**
 * `filters`: one set (an item must match every key) or a list of sets (any set may match). Keys Kometa lists
 * but does not support are left out (it fails on them).
 */
export function filterSets(): JsonSchema {
  const properties: Record<string, TSchema<unknown>> = {};
  for (const attribute of FILTER_ATTRIBUTES) {
    for (const modifier of attribute.modifiers) {
      if (attribute.unsupported?.includes(modifier)) continue;
      properties[`${attribute.name}${modifier}`] ??= nullable(filterValue(attribute, modifier));
    }
  }
  return {
    type: ONE_OR_LIST,
    properties: {
      validate: nullable(bool({ description: 'false: invalid filter keys and values are logged instead of failing. A YAML bool.' })),
      ...properties,
    },
    additionalProperties: false,
    items: ref(DEFINITION_REFS.filters),
    description: 'Filters: one set (all keys must match) or a list of sets (any set may match).',
  };
}

// ---- Template calls (kometa-files-deep §5.2) ----

/** One call: a mapping with a non-blank `name`; every other key is a template variable. */
const templateCallMapping: JsonSchema = {
  type: 'object',
  // non-empty: Kometa rejects a blank name (`not name`); a pattern rather than minLength, whose ajv runtime
  // helper would be a second copy in each bundled validator chunk
  properties: { name: union([string({ pattern: '[\\s\\S]' }), number()], { description: 'The template to apply.' }) },
  required: ['name'],
  additionalProperties: {},
};

export const templateCall: TSchema<unknown> = union([templateCallMapping, list(templateCallMapping)], {
  description: 'A template call `{name: T, var: value, ...}` or a list of them (a plain string is rejected by Kometa).',
});

// ---- Definitions ----

function shapeSchema(shape: ValueShape, description: string): TSchema<unknown> {
  if (shape.kind === 'searchBlock') return { $ref: DEFINITION_REFS.searchBlock };
  if (shape.kind === 'filters') return { $ref: DEFINITION_REFS.filters };
  if (shape.kind === 'templateCall') return nullable({ ...templateCall, description });
  // `{}` already takes a blank
  if (shape.kind === 'any') return any({ description });
  return nullable(valueSchema(shape, { description }));
}

const SERVICE_NAMES: Readonly<Record<string, string>> = {
  trakt: 'Trakt',
  mal: 'MyAnimeList',
  mdblist: 'MDBList',
  tautulli: 'Tautulli',
  radarr: 'Radarr',
  sonarr: 'Sonarr',
  anidb: 'AniDB',
};

function builderDescription(builder: Builder): string {
  const parts = [`Builder (${builder.module}).`];
  if (builder.library !== 'any') parts.push(`${builder.library === 'movie' ? 'Movie' : 'Show'} libraries only.`);
  if (builder.service) parts.push(`Needs ${SERVICE_NAMES[builder.service] ?? builder.service} in the config.`);
  if (builder.playlist) parts.push('Works in playlists and with collection_order: custom.');
  return parts.join(' ');
}

export interface DefinitionOptions {
  /** Which builders; others are not properties (so they fail as unknown keys). */
  readonly builders: readonly Builder[];
  /** Non-builder attributes. */
  readonly attributes: readonly Attribute[];
  /** Plex search shorthand keys at definition level (collections only). */
  readonly searchShorthand: boolean;
}

/**
 * The properties of a definition. Keys are the canonical lower-case names `normalizeDefinitionKey` produces;
 * the aliases are properties too (described "Kometa runs this as ..."), so editors accept them.
 */
export function definitionProperties(options: DefinitionOptions): Record<string, TSchema<unknown>> {
  const properties: Record<string, TSchema<unknown>> = {};
  if (options.searchShorthand) {
    for (const [key, schema] of Object.entries(searchKeyProperties())) {
      properties[key] = { ...schema, description: 'Plex search shorthand: runs plex_search with `any: {key: value}`.' };
    }
  }
  for (const builder of options.builders) properties[builder.name] = shapeSchema(builder.value, builderDescription(builder));
  for (const attribute of options.attributes) properties[attribute.name] = shapeSchema(attribute.value, `${attribute.group} attribute.`);
  const aliases = { ...METHOD_ALIASES, ...DEFINITION_NAME_ALIASES };
  for (const [alias, target] of Object.entries(aliases)) {
    const targetSchema = properties[target];
    if (!targetSchema || properties[alias]) continue;
    properties[alias] = { ...targetSchema, description: `Kometa runs this as \`${target}\`.` };
  }
  return properties;
}

/** The attributes of a collection definition (kometa-files §4.1–4.3, builders §2, filters §3). */
export const COLLECTION_ATTRIBUTES: readonly Attribute[] = [
  ...SETTINGS,
  ...DETAILS,
  ...ITEM_UPDATES,
  ...ARR_SETTINGS,
  ...GENERIC_ARR,
  ...TRAKT_SETTINGS,
  { name: 'filters', value: { kind: 'filters' }, group: 'filters' },
];

export { BUILDERS };
