/**
 * The value shapes the catalogue speaks of, as data. `src/files/values.ts` turns each into a JSON Schema; the
 * catalogue itself stays plain data so the lint engine can read it without the schema builder.
 */
export type ValueShape =
  /** A whole number, or a string `util.parse(datatype="int")` reads as one. */
  | { readonly kind: 'int'; readonly minimum?: number; readonly maximum?: number }
  /** A number, or a numeric string. */
  | { readonly kind: 'float'; readonly minimum?: number; readonly maximum?: number }
  /** `util.parse(datatype="bool")`: a YAML bool, a number, or `t/true/y/yes/f/false/n/no` (any case). */
  | { readonly kind: 'bool' }
  /** A scalar read as text (YAML may load `2024` or `4K`-like words as numbers). */
  | { readonly kind: 'string' }
  /** `util.get_list`: a scalar (split on commas) or a list of scalars. */
  | { readonly kind: 'list' }
  /** `get_list(split=False)`: one scalar or a YAML list; a comma stays part of the value. */
  | { readonly kind: 'listOnly' }
  /** Any non-blank value (Kometa only checks that one is given). */
  | { readonly kind: 'any' }
  /** One word of `values`, compared after `str(value).lower()`. */
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  /** A list or comma-separated string of words from `values` (any case). */
  | { readonly kind: 'enumList'; readonly values: readonly string[] }
  /**
   * A mapping, or a list of mappings (`dictOrList`), or a scalar/mapping/list mix (`mixed`: the builder also
   * takes a plain ID/URL/name). `keys` are the sub-attributes Kometa reads; `closed` when Kometa rejects others.
   */
  | {
      readonly kind: 'mapping' | 'dictOrList' | 'mixed';
      readonly keys?: Readonly<Record<string, ValueShape>>;
      readonly closed?: boolean;
    }
  /** A Kometa schedule string or list of them. */
  | { readonly kind: 'schedule' }
  /** A Plex search block (`plex_search`, `smart_filter`, dict `smart_label`). */
  | { readonly kind: 'searchBlock' }
  /** `filters`: one filter set or a list of them. */
  | { readonly kind: 'filters' }
  /** `template`: a call mapping with `name`, or a list of them. */
  | { readonly kind: 'templateCall' };

export const int = (minimum?: number, maximum?: number): ValueShape => ({
  kind: 'int',
  ...(minimum === undefined ? {} : { minimum }),
  ...(maximum === undefined ? {} : { maximum }),
});
export const float = (minimum?: number, maximum?: number): ValueShape => ({
  kind: 'float',
  ...(minimum === undefined ? {} : { minimum }),
  ...(maximum === undefined ? {} : { maximum }),
});
export const BOOL: ValueShape = { kind: 'bool' };
export const STRING: ValueShape = { kind: 'string' };
export const LIST: ValueShape = { kind: 'list' };
export const LIST_ONLY: ValueShape = { kind: 'listOnly' };
export const ANY: ValueShape = { kind: 'any' };
export const SCHEDULE: ValueShape = { kind: 'schedule' };
export const enumOf = (values: readonly string[]): ValueShape => ({ kind: 'enum', values });
export const enumList = (values: readonly string[]): ValueShape => ({ kind: 'enumList', values });
export const mapping = (keys?: Readonly<Record<string, ValueShape>>, closed = false): ValueShape => ({
  kind: 'mapping',
  ...(keys ? { keys } : {}),
  ...(closed ? { closed } : {}),
});
export const dictOrList = (keys?: Readonly<Record<string, ValueShape>>, closed = false): ValueShape => ({
  kind: 'dictOrList',
  ...(keys ? { keys } : {}),
  ...(closed ? { closed } : {}),
});
export const mixed = (keys?: Readonly<Record<string, ValueShape>>): ValueShape => ({ kind: 'mixed', ...(keys ? { keys } : {}) });
