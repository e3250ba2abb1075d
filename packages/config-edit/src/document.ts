import { isAlias, isCollection, isMap, isScalar, parseAllDocuments, visit } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { ConfigEditError } from './errors';

/** Options matching how Kometa reads config.yml: YAML 1.2, merge keys honoured, duplicate keys are errors. */
const PARSE_OPTIONS = { merge: true, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false } as const;

/** Parses a config body into its single document, or `undefined` when it holds no document at all (empty, comments). */
export function parseConfig(body: string): Document.Parsed | undefined {
  const docs = parseAllDocuments(body, PARSE_OPTIONS);
  if (!Array.isArray(docs)) return undefined;
  if (docs.length > 1) {
    throw new ConfigEditError('CONFIG_EDIT_MULTIPLE_DOCUMENTS', 'the config holds more than one YAML document');
  }
  const doc = docs[0];
  if (doc === undefined) return undefined;
  const error = doc.errors[0];
  if (error !== undefined) {
    throw new ConfigEditError('CONFIG_EDIT_INVALID_YAML', `the config is not valid YAML (${error.code})`, {
      cause: error,
    });
  }
  return doc;
}

/** The document as plain data, merge keys resolved, with no alias-count limit (big configs reuse anchors a lot). */
export function toData(doc: Document.Parsed | undefined): unknown {
  return doc === undefined ? null : doc.toJS({ maxAliasCount: -1 });
}

/** A `<<` merge key (the parser marks it with a symbol value when merge keys are on). */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (typeof key.value === 'symbol' || key.value === '<<');
}

/** The pair whose key is the plain string `name`, ignoring merge keys. */
export function findPair(map: YAMLMap, name: string): Pair<Node, Node | null> | undefined {
  return (map.items as Pair<Node, Node | null>[]).find(
    (pair) => !isMergeKey(pair.key) && isScalar(pair.key) && String(pair.key.value) === name,
  );
}

/** Every node some alias in the document points at. */
export function referencedNodes(doc: Document.Parsed): Set<Node> {
  const targets = new Set<Node>();
  visit(doc, {
    Alias(_, alias) {
      const target = alias.resolve(doc);
      if (target) targets.add(target);
    },
  });
  return targets;
}

/** True when `node` or anything inside it is the target of an alias. */
export function containsReferenced(node: Node | null, referenced: ReadonlySet<Node>): boolean {
  if (node === null) return false;
  if (referenced.has(node)) return true;
  if (!isCollection(node)) return false;
  return node.items.some((item) =>
    isMap(node)
      ? containsReferenced((item as Pair<Node, Node | null>).key, referenced) ||
        containsReferenced((item as Pair<Node, Node | null>).value, referenced)
      : containsReferenced(item as Node, referenced),
  );
}

export { isAlias };

/** Source range of a parsed node; parsed nodes always have one, so a missing range means a bug, not bad input. */
export function rangeOf(node: Node): readonly [number, number, number] {
  if (!node.range) throw new ConfigEditError('CONFIG_EDIT_UNSUPPORTED_LAYOUT', 'a YAML node has no source position');
  return node.range;
}
