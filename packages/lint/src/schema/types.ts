/**
 * The parts of a schema error that shaping reads: the fields of an ajv `ErrorObject` with `allErrors` +
 * `verbose`, which `@pmm-config/schema` reports. Structural, so that package's type (or ajv's) is assignable.
 */
export interface SchemaError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
  readonly data?: unknown;
  readonly schema?: unknown;
  readonly parentSchema?: Readonly<Record<string, unknown>>;
}

/** A legacy key Kometa migrates or ignores; `path` segments may be `*` (any key or index). */
export interface Deprecation {
  readonly path: readonly string[];
  readonly replacement?: string;
  readonly message: string;
  /** Kometa renames the key in place to these names (more than one: the value is copied into each). */
  readonly renameTo?: readonly string[];
  /** Kometa moves the key into this sibling section, under this name. */
  readonly moveTo?: readonly [section: string, key: string];
}

/** What the engine needs from the schema package; injected so tests can use a small double. */
export interface SchemaAdapter {
  validate(data: unknown): readonly SchemaError[];
  readonly deprecations: readonly Deprecation[];
}
