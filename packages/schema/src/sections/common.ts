import { bool, int, list, listOrSingle, nul, nullable, number, string, union, type Annotations, type TSchema } from '../builder';

/** An optional string: Kometa treats a blank value as "not set". */
export function optString(annotations?: Annotations): TSchema<string | null> {
  return nullable(string(annotations));
}

/** An optional real YAML boolean. */
export function optBool(annotations?: Annotations): TSchema<boolean | null> {
  return nullable(bool(annotations));
}

/** An optional whole number within Kometa's range check. */
export function optInt(options: Annotations & { readonly minimum?: number; readonly maximum?: number }): TSchema<number | null> {
  return nullable(int(options));
}

/** `cache_expiration`: days, Kometa requires at least 1. */
export function cacheExpiration(what: string): TSchema<number | null> {
  return optInt({ minimum: 1, default: 60, description: `Days before ${what} cache entries expire (at least 1).` });
}

/** A secret value (API key, token): a string, never format-checked (redactions and placeholders are common). */
export function secret(description: string): TSchema<string | null> {
  return optString({ description });
}

/** A URL: any string, because placeholders, `env` and redactions are common in real configs. */
export function url(description: string): TSchema<string | null> {
  return optString({ description });
}

/** A string or a list of strings (Kometa's `get_list`); blank allowed. */
export function stringOrList(annotations?: Annotations): TSchema<string | string[] | null> {
  return union([string(), list(string()), nul()], annotations);
}

/** Scalars YAML may produce for a free-form word: `720` loads as a number, `quality: 4K` as a string. */
export function scalarWord(annotations?: Annotations): TSchema<string | number | null> {
  return union([string(), number(), nul()], annotations);
}

/** A path or list of paths; blank allowed (Kometa falls back to its default). */
export function paths(description: string): TSchema<string | string[] | null> {
  return stringOrList({ description });
}

/**
 * A Kometa schedule (`daily`, `weekly(sunday)`, `range(01/01-02/01)`, `all[...]`, ... or a list of them).
 * The grammar is judged by a lint rule; the schema only checks the shape.
 */
export function schedule(description: string): TSchema<string | string[]> {
  return listOrSingle(string(), { description });
}

/** A schedule where Kometa skips a blank value silently (file blocks, schedule_overlays). */
export function optSchedule(description: string): TSchema<string | string[] | null> {
  return nullable(schedule(description));
}

/** `template_variables`: any mapping, never validated inside (Kometa does not substitute there either). */
export const templateVariables: TSchema<Record<string, unknown> | null> = {
  type: ['object', 'null'],
  description:
    'Variables passed to the templates of the referenced files. Kometa passes them through untouched; their contents are not validated.',
};
