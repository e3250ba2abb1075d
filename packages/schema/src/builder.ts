/**
 * A tiny JSON Schema (draft-07) builder that carries the static TypeScript type of each schema, so one
 * definition yields both the published schema and the exported config types.
 *
 * Unions of schemas with different JSON types are merged into one schema with a `type` array (for example
 * `string | string[] | null` becomes `{ type: ['string', 'array', 'null'], items: ... }`) instead of `anyOf`:
 * ajv then reports one precise error per value rather than one error per failed branch.
 */

/** A draft-07 JSON Schema as plain data. */
export interface JsonSchema {
  readonly [keyword: string]: unknown;
}

declare const staticType: unique symbol;

/** A JSON Schema that also remembers the TypeScript type of the values it accepts. */
export type TSchema<T> = JsonSchema & { readonly [staticType]?: T };

/** The TypeScript type a schema accepts. */
export type Static<S> = S extends TSchema<infer T> ? T : never;

/** Annotations shown by editors (hover, completion). */
export interface Annotations {
  readonly description?: string;
  readonly markdownDescription?: string;
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
  readonly title?: string;
}

type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'null' | 'object' | 'array';

/** Keywords that only constrain values of one JSON type; they can share a schema with other types. */
const KEYWORDS_BY_TYPE: Readonly<Record<JsonType, readonly string[]>> = {
  string: ['minLength', 'maxLength', 'pattern', 'format'],
  integer: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  boolean: [],
  null: [],
  object: [
    'properties',
    'additionalProperties',
    'required',
    'minProperties',
    'maxProperties',
    'patternProperties',
    'propertyNames',
  ],
  array: ['items', 'minItems', 'maxItems', 'uniqueItems', 'contains', 'additionalItems'],
};

const ANNOTATION_KEYS = ['title', 'description', 'markdownDescription', 'default', 'examples'] as const;

function annotationsOf(schema: JsonSchema): Annotations {
  const found: Record<string, unknown> = {};
  for (const key of ANNOTATION_KEYS) {
    if (schema[key] !== undefined) found[key] = schema[key];
  }
  return found;
}

function annotate<S extends JsonSchema>(schema: S, annotations: Annotations | undefined): S {
  if (!annotations) return schema;
  const extra: Record<string, unknown> = {};
  for (const key of ANNOTATION_KEYS) {
    if (annotations[key] !== undefined) extra[key] = annotations[key];
  }
  return { ...schema, ...extra };
}

/** Any string. */
export function string(annotations?: Annotations & { readonly pattern?: string; readonly minLength?: number }): TSchema<string> {
  const { pattern, minLength, ...rest } = annotations ?? {};
  return annotate(
    { type: 'string', ...(pattern === undefined ? {} : { pattern }), ...(minLength === undefined ? {} : { minLength }) },
    rest,
  );
}

interface RangeOptions extends Annotations {
  readonly minimum?: number;
  readonly maximum?: number;
}

function numeric(type: 'integer' | 'number', options: RangeOptions | undefined): TSchema<number> {
  const { minimum, maximum, ...rest } = options ?? {};
  return annotate(
    { type, ...(minimum === undefined ? {} : { minimum }), ...(maximum === undefined ? {} : { maximum }) },
    rest,
  );
}

/** A whole number, optionally within `[minimum, maximum]`. */
export function int(options?: RangeOptions): TSchema<number> {
  return numeric('integer', options);
}

/** Any number, optionally within `[minimum, maximum]`. */
export function number(options?: RangeOptions): TSchema<number> {
  return numeric('number', options);
}

/** A real YAML boolean (`true`/`false`). */
export function bool(annotations?: Annotations): TSchema<boolean> {
  return annotate({ type: 'boolean' }, annotations);
}

/** Exactly `null` (a blank YAML value). */
export function nul(): TSchema<null> {
  return { type: 'null' };
}

/** Anything at all; for values Kometa reads freely or that another rule judges. */
export function any(annotations?: Annotations): TSchema<unknown> {
  return annotate({}, annotations);
}

/** One of a fixed list of strings (case-sensitive, as Kometa compares them). */
export function enumOf<const V extends readonly string[]>(values: V, annotations?: Annotations): TSchema<V[number]> {
  return annotate({ type: 'string', enum: [...values] }, annotations);
}

/** A comma-separated string of the given words (any case), as Kometa's `get_list` splits it. */
export function caseInsensitiveCommaList(values: readonly string[], annotations?: Annotations): TSchema<string> {
  const word = `\\s*(?:${values.map(caseInsensitiveRegex).join('|')})\\s*`;
  return annotate({ type: 'string', pattern: `^${word}(?:,${word})*$` }, annotations);
}

function caseInsensitiveRegex(word: string): string {
  return [...word]
    .map((char) => {
      const lower = char.toLowerCase();
      const upper = char.toUpperCase();
      if (lower !== upper) return `[${lower}${upper}]`;
      return char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
}

/** A list whose items all match `items`. */
export function list<T>(items: TSchema<T>, annotations?: Annotations & { readonly minItems?: number }): TSchema<T[]> {
  const { minItems, ...rest } = annotations ?? {};
  return annotate({ type: 'array', items, ...(minItems === undefined ? {} : { minItems }) }, rest);
}

type Properties = Readonly<Record<string, TSchema<unknown>>>;

type OptionalKeys<P extends Properties, R extends keyof P> = Exclude<keyof P, R>;

/** The static type of an object schema: required keys mandatory, all others optional. */
export type ObjectType<P extends Properties, R extends keyof P = never> = {
  -readonly [K in R]: Static<P[K]>;
} & { -readonly [K in OptionalKeys<P, R>]?: Static<P[K]> };

type Simplify<T> = { [K in keyof T]: T[K] } & {};

interface ObjectOptions<R> extends Annotations {
  readonly required?: readonly R[];
  readonly minProperties?: number;
}

/**
 * A closed mapping: keys outside `properties` fail with `additionalProperties` (which the linter reports as
 * an unknown-key warning with a suggestion).
 */
export function object<P extends Properties, R extends keyof P & string = never>(
  properties: P,
  options?: ObjectOptions<R>,
): TSchema<Simplify<ObjectType<P, R>>> {
  const { required, minProperties, ...rest } = options ?? {};
  return annotate(
    {
      type: 'object',
      properties,
      additionalProperties: false,
      ...(required && required.length > 0 ? { required: [...required] } : {}),
      ...(minProperties === undefined ? {} : { minProperties }),
    },
    rest,
  );
}

/** Like {@link object}, but further keys of type `extra` are allowed (e.g. `{}` for anything). */
export function openObject<P extends Properties, X>(
  properties: P,
  extra: TSchema<X>,
  annotations?: Annotations,
): TSchema<Simplify<ObjectType<P> & Record<string, X | undefined>>> {
  return annotate({ type: 'object', properties, additionalProperties: extra }, annotations);
}

/** A mapping with arbitrary keys whose values all match `values`. */
export function record<T>(
  values: TSchema<T>,
  annotations?: Annotations & { readonly minProperties?: number },
): TSchema<Record<string, T>> {
  const { minProperties, ...rest } = annotations ?? {};
  return annotate(
    { type: 'object', additionalProperties: values, ...(minProperties === undefined ? {} : { minProperties }) },
    rest,
  );
}

type UnionStatic<S extends readonly TSchema<unknown>[]> = Static<S[number]>;

function typesOf(schema: JsonSchema): readonly JsonType[] | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return [type as JsonType];
  if (Array.isArray(type)) return type as JsonType[];
  return undefined;
}

/**
 * Merges `schemas` into one schema with a `type` array when each branch is a plain typed schema (no `enum`,
 * `anyOf`, ...; `x-` extension keywords are kept) and the branches do not share a JSON type; otherwise returns
 * `undefined`.
 */
function mergeByType(schemas: readonly JsonSchema[]): JsonSchema | undefined {
  const merged: Record<string, unknown> = {};
  const types: JsonType[] = [];
  for (const schema of schemas) {
    const branchTypes = typesOf(schema);
    if (!branchTypes) return undefined;
    const allowed = new Set<string>(['type', ...ANNOTATION_KEYS, ...branchTypes.flatMap((t) => KEYWORDS_BY_TYPE[t])]);
    for (const [keyword, value] of Object.entries(schema)) {
      // Extension keywords (`x-…`) describe the branch's own checks, which the merged schema keeps.
      if (!allowed.has(keyword) && !keyword.startsWith('x-')) return undefined;
      if (keyword === 'type' || (ANNOTATION_KEYS as readonly string[]).includes(keyword)) continue;
      if (keyword in merged && JSON.stringify(merged[keyword]) !== JSON.stringify(value)) return undefined;
      merged[keyword] = value;
    }
    for (const type of branchTypes) {
      if (types.includes(type)) return undefined;
      // integer is a subset of number; two numeric branches with different ranges cannot share a schema
      if ((type === 'integer' && types.includes('number')) || (type === 'number' && types.includes('integer'))) {
        return undefined;
      }
      types.push(type);
    }
  }
  return { type: types, ...merged };
}

/**
 * A value matching any of `schemas`. Branches of distinct JSON types are merged into a single schema; only
 * when that is impossible does this fall back to `anyOf`.
 */
export function union<const S extends readonly TSchema<unknown>[]>(
  schemas: S,
  annotations?: Annotations,
): TSchema<UnionStatic<S>> {
  let inherited: Annotations = {};
  const branches = schemas.flatMap((schema) => {
    const keys = Object.keys(schema).filter((key) => !(ANNOTATION_KEYS as readonly string[]).includes(key));
    // flatten nested anyOf so `nullable(union(...))` stays one level deep, keeping its annotations
    if (keys.length === 1 && Array.isArray(schema['anyOf'])) {
      inherited = { ...inherited, ...annotationsOf(schema) };
      return schema['anyOf'] as JsonSchema[];
    }
    return [schema];
  });
  const all = { ...inherited, ...annotations };
  const merged = mergeByType(branches);
  if (merged) return annotate(merged, all);
  return annotate(anyOfWithNullLast(branches), all);
}

/** Keeps a `null` branch out of `anyOf` when another branch can absorb it as an extra JSON type. */
function anyOfWithNullLast(branches: readonly JsonSchema[]): JsonSchema {
  const isNull = (schema: JsonSchema) => schema['type'] === 'null' && Object.keys(schema).length === 1;
  if (!branches.some(isNull)) return { anyOf: branches };
  const rest = branches.filter((schema) => !isNull(schema));
  const host = rest.findIndex((schema) => typesOf(schema) !== undefined);
  if (host < 0) return { anyOf: branches };
  const absorbed = rest.map((schema, index) => (index === host ? withNull(schema) : schema));
  return absorbed.length === 1 ? (absorbed[0] as JsonSchema) : { anyOf: absorbed };
}

function withNull(schema: JsonSchema): JsonSchema {
  const types = typesOf(schema) ?? [];
  const nextTypes = types.includes('null') ? types : [...types, 'null'];
  const next: Record<string, unknown> = { ...schema, type: nextTypes.length === 1 ? nextTypes[0] : nextTypes };
  if (Array.isArray(schema['enum']) && !schema['enum'].includes(null)) next['enum'] = [...schema['enum'], null];
  return next;
}

/** `schema` or a blank value. */
export function nullable<T>(schema: TSchema<T>): TSchema<T | null> {
  if (typesOf(schema)) return withNull(schema);
  return union([schema, nul()]);
}

/** A single value or a list of such values (Kometa's `get_list`). */
export function listOrSingle<T>(item: TSchema<T>, annotations?: Annotations): TSchema<T | T[]> {
  return union([item, list(item)], annotations);
}

/** One of `values` in any letter case (Kometa compares `str(value).lower()`). */
export function caseInsensitiveEnum(values: readonly string[], annotations?: Annotations): TSchema<string> {
  return annotate({ type: 'string', pattern: `^(?:${values.map(caseInsensitiveRegex).join('|')})$` }, annotations);
}
