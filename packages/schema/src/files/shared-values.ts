import type { JsonSchema } from '../builder';
import { KOMETA_ENFORCES } from './unknown-keys';

type Node = Record<string, unknown>;

const ANNOTATIONS = new Set(['title', 'description', 'markdownDescription', 'default', 'examples', 'deprecated', 'deprecationMessage']);

function withoutAnnotations(schema: Node): Node {
  return Object.fromEntries(Object.entries(schema).filter(([keyword]) => !ANNOTATIONS.has(keyword)));
}

/** Property schemas shared by at least this many keys move to `definitions`. */
const MIN_USES = 3;

/**
 * Moves the value schemas that many keys share (a search key, a filter key and a definition key often take the
 * same "scalar or list") into `definitions` as `value-<n>`, and refers to them. ajv then generates one function
 * per shared schema instead of inlining it at each of ~1,500 keys, which keeps the precompiled validators
 * small; the published schema keeps each key's description next to its `$ref`. Results are unchanged.
 */
export function shareValueSchemas(schema: JsonSchema): JsonSchema {
  const root = JSON.parse(JSON.stringify(schema)) as Node;
  const uses = new Map<string, number>();
  const propertyMaps: Node[] = [];
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    if (!node || typeof node !== 'object') return;
    for (const [keyword, value] of Object.entries(node as Node)) {
      if (keyword === 'properties' && value && typeof value === 'object') {
        propertyMaps.push(value as Node);
        for (const child of Object.values(value as Node)) {
          const key = JSON.stringify(withoutAnnotations(child as Node));
          uses.set(key, (uses.get(key) ?? 0) + 1);
        }
      }
      collect(value);
    }
  };
  collect(root);
  const names = new Map<string, string>();
  const definitions = (root['definitions'] ?? {}) as Node;
  for (const [key, count] of uses) {
    // a bare `$ref` or an empty schema gains nothing from sharing; a schema whose errors the engine reads its
    // marks from stays inline, where its error's schema path cannot lead to a second, shared node
    if (count < MIN_USES || key === '{}' || key.startsWith('{"$ref"') || key.includes(KOMETA_ENFORCES)) continue;
    const name = `value-${names.size + 1}`;
    names.set(key, name);
    definitions[name] = JSON.parse(key) as Node;
  }
  for (const properties of propertyMaps) {
    for (const [property, child] of Object.entries(properties)) {
      const name = names.get(JSON.stringify(withoutAnnotations(child as Node)));
      if (!name) continue;
      const annotations = Object.fromEntries(Object.entries(child as Node).filter(([keyword]) => ANNOTATIONS.has(keyword)));
      properties[property] = { $ref: `#/definitions/${name}`, ...annotations };
    }
  }
  return { ...root, definitions };
}
