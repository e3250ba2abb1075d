import type { ErrorObject } from 'ajv';
import { loadConfigSchema } from './published-schema';

/**
 * One finding of the schema check: ajv's error (`allErrors`) with its `verbose` fields: `data` is the failing
 * value, `schema` the failing keyword's value and `parentSchema` the schema node holding it (both from the
 * published schema, with its annotations).
 */
export type SchemaError = ErrorObject;

/** A validator ajv generated at build time. */
export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/*
 * The validator ajv generated at build time (scripts/generate-schema-files.cjs); nothing is compiled at run
 * time. Loaded on first use. The literal `../dist/` paths resolve the same from `src/` (tests, source
 * condition) and from `dist/` (built code), and let bundlers include the files.
 */
let standaloneValidator: StandaloneValidator | undefined;

function loadValidator(): StandaloneValidator {
  standaloneValidator ??= require('../dist/config-validator.generated.js') as StandaloneValidator;
  return standaloneValidator;
}

/** The config's top-level section names (`libraries`, `settings`, `plex`, ...), in schema order. */
export const configTopLevelKeys: readonly string[] = require('../dist/top-level-keys.json') as string[];

/** JSON-pointer tokens; `schemaPath` is also URI-encoded (a fragment), `instancePath` is not. */
function pointerTokens(pointer: string, uriEncoded: boolean): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => (uriEncoded ? decodeURIComponent(token) : token).replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(root: unknown, tokens: readonly string[]): unknown {
  let node = root;
  for (const token of tokens) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The schema nodes that judge the child `token` of a value `node` judges (through combinators too). */
function childNodes(node: Node, token: string): Node[] {
  const found: Node[] = [];
  for (const combinator of ['anyOf', 'allOf', 'oneOf']) {
    const branches = node[combinator];
    if (Array.isArray(branches)) for (const branch of branches) if (isNode(branch)) found.push(...childNodes(branch, token));
  }
  for (const branch of ['then', 'else']) if (isNode(node[branch])) found.push(...childNodes(node[branch] as Node, token));
  const properties = node['properties'];
  if (isNode(properties) && isNode(properties[token])) {
    found.push(properties[token] as Node);
    return found;
  }
  const patterns = node['patternProperties'];
  const matching = isNode(patterns) ? Object.entries(patterns).filter(([pattern]) => new RegExp(pattern, 'u').test(token)) : [];
  for (const [, child] of matching) if (isNode(child)) found.push(child);
  if (matching.length === 0 && isNode(node['additionalProperties'])) found.push(node['additionalProperties'] as Node);
  if (/^\d+$/.test(token) && isNode(node['items'])) found.push(node['items'] as Node);
  return found;
}

/**
 * The schema node an error's `schemaPath` is relative to. ajv compiles each `$ref` target (shared value schemas,
 * recursive search groups, filter sets) into a function of its own whose errors carry paths relative to that
 * target, so this walks the published schema along the error's `instancePath` and returns the innermost `$ref`
 * target it crosses (validation enters the same functions), or the root when it crosses none (the config schema).
 */
function pathRoot(root: Node, instanceTokens: readonly string[]): Node {
  let innermost = root;
  const resolve = (node: Node): Node => {
    const target = node['$ref'];
    if (typeof target !== 'string' || !target.startsWith('#')) return node;
    const resolved = valueAt(root, pointerTokens(target.slice(1), true));
    if (!isNode(resolved)) return node;
    innermost = resolved;
    return resolved;
  };
  let nodes: Node[] = [root];
  for (const token of instanceTokens) {
    nodes = nodes.flatMap((node) => childNodes(node, token)).map(resolve);
    if (nodes.length === 0) break;
  }
  return innermost;
}

/*
 * The validators are generated without ajv's `verbose`, which would embed `data`, `schema` and `parentSchema` in
 * each of their error sites. Errors are rare, so they are filled in here: `data` from `instancePath`, and
 * `schema`/`parentSchema` from the published schema (the same tree), read only when something asks for them
 * (error shaping does for unknown keys), so a run with no such error never loads it.
 */
function withVerboseFields(error: ErrorObject, data: unknown, loadSchema: () => unknown): SchemaError {
  const keywordPath = pointerTokens(error.schemaPath.replace(/^#/, ''), true);
  const instanceTokens = pointerTokens(error.instancePath, false);
  const failing = valueAt(data, instanceTokens);
  const base = () => {
    const root = loadSchema();
    return isNode(root) ? pathRoot(root, instanceTokens) : root;
  };
  // ajv's field order, so printed errors read the same
  return Object.defineProperties(
    { ...error },
    {
      schema: { enumerable: true, get: () => valueAt(base(), keywordPath) },
      parentSchema: { enumerable: true, get: () => valueAt(base(), keywordPath.slice(0, -1)) },
      data: { enumerable: true, value: failing },
    },
  );
}

/** Runs a generated validator and returns its errors with the verbose fields (see above); `[]` when valid. */
export function runStandalone(validate: StandaloneValidator, data: unknown, loadSchema: () => unknown): readonly SchemaError[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map((error) => withVerboseFields(error, data, loadSchema));
}

/**
 * Checks a parsed config.yml (merge keys applied) against the schema. Returns every error (ajv `allErrors`,
 * with the `verbose` fields `data`, `schema` and `parentSchema`), or an empty list when the config is valid.
 */
export function validateConfig(data: unknown): readonly SchemaError[] {
  return runStandalone(loadValidator(), data, loadConfigSchema);
}
