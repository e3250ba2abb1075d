import {
  any,
  bool,
  caseInsensitiveCommaList,
  caseInsensitiveEnum,
  int,
  list,
  nullable,
  number,
  object,
  openObject,
  string,
  union,
  type Annotations,
  type JsonSchema,
  type TSchema,
} from '../builder';
import type { ValueShape } from './catalogue/shapes';
import { failsOn } from './unknown-keys';

/*
 * JSON Schemas for the catalogue's value shapes. They accept what Kometa's parsers accept (`util.parse`,
 * `util.get_list`), so numbers may be numeric strings and booleans may be Kometa's bool words; when unsure
 * whether Kometa takes a shape, they take it. Never a pattern on IDs, URLs or free text.
 */

/** Strings `util.parse(datatype="int")` reads (`int(str(value))` tolerates surrounding blanks). */
const INT_TEXT = '^\\s*[+-]?\\d+\\s*$';
/** Strings `float(str(value))` reads. */
const FLOAT_TEXT = '^\\s*[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?\\s*$';
const BOOL_WORDS = ['t', 'true', 'y', 'yes', 'f', 'false', 'n', 'no'];

/** A scalar YAML may give for a word (`2024`, `true` and `4K` all load, as number, bool and string). */
export function scalar(annotations?: Annotations): TSchema<string | number | boolean> {
  return union([string(), number(), bool()], annotations);
}

/** `util.parse(datatype="bool")`: a YAML bool, a number (> 0 is true) or one of Kometa's bool words. */
export function boolish(annotations?: Annotations): TSchema<boolean | number | string> {
  return union([bool(), number(), caseInsensitiveEnum(BOOL_WORDS)], annotations);
}

/** A whole number within the range, or a string Kometa reads as a whole number. */
export function intish(minimum?: number, maximum?: number, annotations?: Annotations): TSchema<number | string> {
  return union([int({ minimum, maximum }), string({ pattern: INT_TEXT })], annotations);
}

/** A number within the range, or a numeric string. */
export function floatish(minimum?: number, maximum?: number, annotations?: Annotations): TSchema<number | string> {
  return union([number({ minimum, maximum }), string({ pattern: FLOAT_TEXT })], annotations);
}

/** A scalar or a list of scalars (`util.get_list`; a string is split on commas by Kometa). */
export function scalarList(annotations?: Annotations): TSchema<string | number | boolean | (string | number | boolean)[]> {
  return union([string(), number(), bool(), list(scalar())], annotations);
}

/** A mapping: closed when Kometa rejects other keys, else open; its sub-keys may be blank (judged by Kometa). */
function mappingOf(keys: Readonly<Record<string, ValueShape>> | undefined, closed: boolean | undefined): TSchema<object> {
  const properties = Object.fromEntries(Object.entries(keys ?? {}).map(([key, shape]) => [key, nullable(valueSchema(shape))]));
  return closed ? object(properties) : openObject(properties, any());
}

/** The schema of one value shape (blank values are allowed by the caller, see `definitionProperty`). */
export function valueSchema(shape: ValueShape, annotations?: Annotations): TSchema<unknown> {
  switch (shape.kind) {
    case 'int':
      return intish(shape.minimum, shape.maximum, annotations);
    case 'float':
      return floatish(shape.minimum, shape.maximum, annotations);
    case 'bool':
      return boolish(annotations);
    case 'string':
      return scalar(annotations);
    case 'list':
    case 'listOnly':
      return scalarList(annotations);
    case 'any':
      return any(annotations);
    case 'enum':
      return caseInsensitiveEnum(shape.values, annotations);
    case 'enumList': {
      // Kometa fails the definition on a word outside the options (`run_definition`: "'x' is invalid. Options: …").
      const format = { expects: `${shape.values.join(', ')} (a list, or comma-separated)`, options: shape.values };
      const word = failsOn(caseInsensitiveEnum(shape.values), format);
      // `true`/`false` among the words also arrive as YAML booleans, alone or as list items
      const booleans = shape.values.includes('true');
      const words = [failsOn(caseInsensitiveCommaList(shape.values), format), list(booleans ? union([word, bool()]) : word)];
      return booleans ? union([...words, bool()], annotations) : union(words, annotations);
    }
    case 'mapping':
      return withAnnotations(mappingOf(shape.keys, shape.closed), annotations);
    case 'dictOrList': {
      const block = mappingOf(shape.keys, shape.closed);
      return union([block, list(block)], annotations);
    }
    case 'mixed': {
      const block = mappingOf(shape.keys, false);
      return union([string(), number(), block, list(union([string(), number(), block]))], annotations);
    }
    case 'schedule':
      return union([string(), list(string())], annotations);
    case 'searchBlock':
    case 'filters':
    case 'templateCall':
      throw new Error(`${shape.kind} is built by the definition schema`);
  }
}

function withAnnotations<T>(schema: TSchema<T>, annotations: Annotations | undefined): TSchema<T> {
  return annotations ? ({ ...schema, ...annotations } as JsonSchema as TSchema<T>) : schema;
}
