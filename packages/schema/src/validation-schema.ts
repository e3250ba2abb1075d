import type { JsonSchema } from './builder';
import { VALIDATION_KEYWORDS, type ValidationSchema } from './validator';

/** Keywords for editors and readers only; they never change a validation result. */
const ANNOTATION_KEYWORDS = new Set(['title', 'description', 'markdownDescription', 'default', 'examples', 'deprecated', 'deprecationMessage', '$comment']);
const ROOT_ONLY_KEYWORDS = new Set(['$schema', '$id']);
const VALIDATED = new Set(VALIDATION_KEYWORDS);

/** Raised at build time when the schema uses something the checker does not implement. */
export class UnsupportedSchemaError extends Error {
  constructor(schemaPath: string, what: string) {
    super(`${schemaPath}: ${what} is not supported by the validator (src/validator.ts)`);
    this.name = 'UnsupportedSchemaError';
  }
}

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function subschema(value: unknown, schemaPath: string): ValidationSchema {
  if (!isNode(value)) throw new UnsupportedSchemaError(schemaPath, 'a boolean or non-object schema');
  return strip(value, schemaPath);
}

function checkedEnum(values: unknown, schemaPath: string): unknown {
  if (!Array.isArray(values) || values.some((value) => typeof value === 'object' && value !== null)) {
    throw new UnsupportedSchemaError(schemaPath, 'an enum with lists or mappings');
  }
  return values;
}

function strippedKeyword(keyword: string, value: unknown, schemaPath: string): unknown {
  const path = `${schemaPath}/${keyword}`;
  switch (keyword) {
    case 'properties':
      if (!isNode(value)) throw new UnsupportedSchemaError(path, 'a non-object `properties`');
      return Object.fromEntries(Object.entries(value).map(([name, child]) => [name, subschema(child, `${path}/${name}`)]));
    case 'additionalProperties':
      return typeof value === 'boolean' ? value : subschema(value, path);
    case 'items':
      return subschema(value, path);
    case 'anyOf':
      if (!Array.isArray(value)) throw new UnsupportedSchemaError(path, 'a non-list `anyOf`');
      return value.map((branch, index) => subschema(branch, `${path}/${index}`));
    case 'enum':
      return checkedEnum(value, path);
    default:
      return value;
  }
}

function strip(node: Node, schemaPath: string): ValidationSchema {
  const out: Node = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (ANNOTATION_KEYWORDS.has(keyword) || keyword.startsWith('x-')) continue;
    if (!VALIDATED.has(keyword)) throw new UnsupportedSchemaError(schemaPath, `the keyword \`${keyword}\``);
    out[keyword] = strippedKeyword(keyword, value, schemaPath);
  }
  return out as ValidationSchema;
}

/**
 * The schema the validator runs on: the published schema without annotations (the same tree, so every
 * `schemaPath` also points into the published schema). Throws `UnsupportedSchemaError` for anything the
 * validator does not implement, so the build fails instead of the check silently ignoring a keyword.
 */
export function toValidationSchema(schema: JsonSchema): ValidationSchema {
  const rest = Object.fromEntries(Object.entries(schema).filter(([keyword]) => !ROOT_ONLY_KEYWORDS.has(keyword)));
  return strip(rest, '#');
}
