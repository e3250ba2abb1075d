/*
 * A small JSON Schema checker for the keywords our schema uses, run over the annotation-free schema the build
 * writes (`dist/validation-schema.json`, ~40 KB). It replaces the ajv standalone module (646 KB of generated
 * code), whose loading and first run cost every `validate` ~100 ms on a slow machine. Its errors are ajv's,
 * field for field and in ajv's order (`allErrors`, `strict`, draft-07), so error shaping downstream is
 * unchanged; `validator.test.ts` compares both over the corpus and many broken configs. The build refuses a
 * schema with any keyword not listed here (`toValidationSchema`).
 */

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array';

/** A schema node as the checker reads it: only validation keywords, no annotations. */
export interface ValidationSchema {
  readonly type?: JsonType | readonly JsonType[];
  readonly enum?: readonly (string | number | boolean | null)[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: string;
  readonly minProperties?: number;
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, ValidationSchema>>;
  readonly additionalProperties?: boolean | ValidationSchema;
  readonly items?: ValidationSchema;
  readonly anyOf?: readonly ValidationSchema[];
}

/** The keywords the checker implements; `$schema` and `$id` are only read at the root, by editors. */
export const VALIDATION_KEYWORDS: readonly string[] = [
  'type',
  'enum',
  'minimum',
  'maximum',
  'pattern',
  'minProperties',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'anyOf',
];

/** An error as ajv reports it with `allErrors`, plus the failing value (ajv's `verbose` `data`). */
export interface CheckError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message: string;
  readonly data: unknown;
}

type KeywordGroup = 'number' | 'string' | 'array' | 'object';

/* ajv checks keywords in groups, in this order; a group applies only to values of its type. */
const GROUP_KEYWORDS: readonly (readonly [KeywordGroup, readonly (keyof ValidationSchema)[]])[] = [
  ['number', ['maximum', 'minimum']],
  ['string', ['pattern']],
  ['array', ['items']],
  ['object', ['minProperties', 'required', 'additionalProperties', 'properties']],
];

/** ajv's type test with `strictNumbers`: NaN and infinities are not numbers. */
function hasType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === type;
  }
}

/*
 * The checks run once per config value, mostly before V8 optimises them, where closures and `for...of`
 * iterators allocate on every call; plain index loops keep a big config from triggering garbage collections.
 */
function hasAnyType(value: unknown, types: readonly JsonType[]): boolean {
  for (let index = 0; index < types.length; index++) if (hasType(value, types[index] as JsonType)) return true;
  return false;
}

/** An object key or property name as one JSON Pointer token (the form of ajv's `instancePath`). */
function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A property name in `schemaPath`, which ajv writes as a URI fragment. */
function fragmentToken(key: string): string {
  return encodeURIComponent(pointerToken(key));
}

/**
 * One schema node with what every visit needs worked out once: its `schemaPath`, its types, the keyword
 * groups it uses and its sub-schemas (made on first use, so only the parts a config reaches cost anything).
 */
class SchemaNode {
  readonly types: readonly JsonType[];
  /** Like ajv, a single type whose keyword group the node uses is reported in that group's place. */
  readonly deferredType: KeywordGroup | undefined;
  readonly groups: readonly KeywordGroup[];
  readonly propertyNames: readonly string[];
  private readonly properties = new Map<string, SchemaNode>();
  private readonly branches: SchemaNode[] = [];
  private itemsNode: SchemaNode | undefined;
  private additionalNode: SchemaNode | undefined;
  private patternRegExp: RegExp | undefined;

  constructor(
    readonly schema: ValidationSchema,
    readonly schemaPath: string,
  ) {
    this.types = schema.type === undefined ? [] : typeof schema.type === 'string' ? [schema.type] : schema.type;
    this.groups = GROUP_KEYWORDS.filter(([, keywords]) => keywords.some((keyword) => schema[keyword] !== undefined)).map(([group]) => group);
    const single = this.types.length === 1 ? this.types[0] : undefined;
    this.deferredType = this.groups.find((group) => group === single);
    this.propertyNames = Object.keys(schema.properties ?? {});
  }

  property(name: string): SchemaNode {
    let node = this.properties.get(name);
    if (node === undefined) {
      node = new SchemaNode((this.schema.properties as Record<string, ValidationSchema>)[name] as ValidationSchema, `${this.schemaPath}/properties/${fragmentToken(name)}`);
      this.properties.set(name, node);
    }
    return node;
  }

  branch(index: number): SchemaNode {
    this.branches[index] ??= new SchemaNode((this.schema.anyOf as readonly ValidationSchema[])[index] as ValidationSchema, `${this.schemaPath}/anyOf/${index}`);
    return this.branches[index];
  }

  get items(): SchemaNode {
    this.itemsNode ??= new SchemaNode(this.schema.items as ValidationSchema, `${this.schemaPath}/items`);
    return this.itemsNode;
  }

  get additionalProperties(): SchemaNode {
    this.additionalNode ??= new SchemaNode(this.schema.additionalProperties as ValidationSchema, `${this.schemaPath}/additionalProperties`);
    return this.additionalNode;
  }

  get pattern(): RegExp {
    this.patternRegExp ??= new RegExp(this.schema.pattern as string, 'u');
    return this.patternRegExp;
  }
}

/** One validation run: collects errors in the order ajv's generated code would. */
class Checker {
  readonly errors: CheckError[] = [];
  /** The keys and indexes leading to the value being checked; joined into a JSON Pointer only on error. */
  private readonly path: (string | number)[] = [];

  check(node: SchemaNode, data: unknown): void {
    const { schema, types } = node;
    if (types.length > 0 && node.deferredType === undefined && !hasAnyType(data, types)) this.typeError(node, data);
    if (schema.enum !== undefined && !schema.enum.includes(data as string)) {
      this.report(node, 'enum', { allowedValues: schema.enum }, 'must be equal to one of the allowed values', data);
    }
    if (schema.anyOf !== undefined) this.anyOf(node, schema.anyOf, data);
    const groups = node.groups;
    for (let index = 0; index < groups.length; index++) {
      const group = groups[index] as KeywordGroup;
      if (hasType(data, group)) this.groupKeywords(group, node, data);
      else if (node.deferredType === group) this.typeError(node, data);
    }
  }

  private checkChild(node: SchemaNode, data: unknown, token: string | number): void {
    this.path.push(token);
    this.check(node, data);
    this.path.pop();
  }

  private groupKeywords(group: KeywordGroup, node: SchemaNode, data: unknown): void {
    switch (group) {
      case 'number':
        this.limits(node, data as number);
        break;
      case 'string':
        if (!node.pattern.test(data as string)) this.report(node, 'pattern', { pattern: node.schema.pattern }, `must match pattern "${node.schema.pattern}"`, data);
        break;
      case 'array':
        this.items(node, data as unknown[]);
        break;
      case 'object':
        this.objectKeywords(node, data as Record<string, unknown>);
    }
  }

  private typeError(node: SchemaNode, data: unknown): void {
    this.report(node, 'type', { type: node.schema.type }, `must be ${node.types.join(',')}`, data);
  }

  private limits(node: SchemaNode, data: number): void {
    const { maximum, minimum } = node.schema;
    if (maximum !== undefined && data > maximum) this.report(node, 'maximum', { comparison: '<=', limit: maximum }, `must be <= ${maximum}`, data);
    if (minimum !== undefined && data < minimum) this.report(node, 'minimum', { comparison: '>=', limit: minimum }, `must be >= ${minimum}`, data);
  }

  private items(node: SchemaNode, data: readonly unknown[]): void {
    const items = node.items;
    for (let index = 0; index < data.length; index++) this.checkChild(items, data[index], index);
  }

  private objectKeywords(node: SchemaNode, data: Record<string, unknown>): void {
    const { minProperties, required, properties, additionalProperties } = node.schema;
    if (minProperties !== undefined && Object.keys(data).length < minProperties) {
      this.report(node, 'minProperties', { limit: minProperties }, `must NOT have fewer than ${minProperties} properties`, data);
    }
    if (required !== undefined) {
      for (const property of required) {
        if (data[property] === undefined) this.report(node, 'required', { missingProperty: property }, `must have required property '${property}'`, data);
      }
    }
    if (additionalProperties !== undefined && additionalProperties !== true) {
      for (const key in data) {
        if (properties !== undefined && Object.prototype.hasOwnProperty.call(properties, key)) continue;
        if (additionalProperties === false) {
          this.report(node, 'additionalProperties', { additionalProperty: key }, 'must NOT have additional properties', data);
        } else {
          this.checkChild(node.additionalProperties, data[key], key);
        }
      }
    }
    const names = node.propertyNames;
    for (let index = 0; index < names.length; index++) {
      const property = names[index] as string;
      const value = data[property];
      if (value !== undefined) this.checkChild(node.property(property), value, property);
    }
  }

  /** Branches are tried until one fits; if one does, the others' errors are dropped, else `anyOf` fails too. */
  private anyOf(node: SchemaNode, branches: readonly ValidationSchema[], data: unknown): void {
    const before = this.errors.length;
    let fits = false;
    for (let index = 0; index < branches.length && !fits; index++) {
      const start = this.errors.length;
      this.check(node.branch(index), data);
      fits = this.errors.length === start;
    }
    if (fits) this.errors.length = before;
    else this.report(node, 'anyOf', {}, 'must match a schema in anyOf', data);
  }

  private report(node: SchemaNode, keyword: string, params: Record<string, unknown>, message: string, data: unknown): void {
    const instancePath = this.path.map((token) => `/${typeof token === 'number' ? token : pointerToken(token)}`).join('');
    this.errors.push({ instancePath, schemaPath: `${node.schemaPath}/${keyword}`, keyword, params, message, data });
  }
}

const roots = new WeakMap<ValidationSchema, SchemaNode>();

/** Every error of `data` against `schema`, as ajv (`allErrors`) would report them; empty when valid. */
export function checkAgainstSchema(schema: ValidationSchema, data: unknown): CheckError[] {
  let root = roots.get(schema);
  if (root === undefined) {
    root = new SchemaNode(schema, '#');
    roots.set(schema, root);
  }
  const checker = new Checker();
  checker.check(root, data);
  return checker.errors;
}
