import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { ScalarStyle } from '@pmm-config/plugin';
import { escapeToken } from '../pointer';

/** A `[start, end)` character range into the source. */
export type Span = readonly [number, number];

/** Where one pointer lives in the source. */
export interface SourceEntry {
  /** The key that names the node (absent for the root and for sequence items). */
  readonly key?: Span;
  /** The node's value (absent for a key with a blank value). */
  readonly value?: Span;
  readonly style?: ScalarStyle;
  /** Set when the node's value is an alias: pointers below it resolve through the anchor. */
  readonly alias?: Span;
  /** `<<` merge sites of a mapping: merged keys live there. */
  readonly merges?: readonly Span[];
}

/** A repeated mapping key, with the first occurrence so the message can name its line. */
export interface DuplicateKey {
  readonly key: string;
  readonly first: Span;
  readonly repeat: Span;
  readonly pointer: string;
}

/** A value written `{{ .X }}` without quotes: YAML reads it as a mapping with a mapping key. */
export interface UnquotedTemplate {
  readonly pointer: string;
  readonly value: Span;
}

/** Pointer -> positions, built once per document in one iterative pass (no recursion on user depth). */
export interface SourceMap {
  readonly entries: ReadonlyMap<string, SourceEntry>;
  readonly duplicates: readonly DuplicateKey[];
  readonly unquotedTemplates: readonly UnquotedTemplate[];
  /** Pointers of nodes that carry an anchor (`&name`). */
  readonly anchors: readonly string[];
  /** The deepest nesting seen, in collections. */
  readonly depth: number;
}

const STYLES: Record<string, ScalarStyle> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single-quoted',
  QUOTE_DOUBLE: 'double-quoted',
  BLOCK_LITERAL: 'block',
  BLOCK_FOLDED: 'block',
};

function span(node: { range?: [number, number, number] | null } | null | undefined): Span | undefined {
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

/** The string JavaScript uses as the object key for a YAML key node, as `toJS` does. */
export function keyString(key: unknown): string | undefined {
  if (key === null || key === undefined) return '';
  if (isScalar(key)) {
    const value = key.value;
    if (typeof value === 'symbol') return undefined;
    return value === null || value === undefined ? '' : String(value);
  }
  return undefined;
}

function isMergePair(pair: Pair): boolean {
  return isScalar(pair.key) && typeof pair.key.value === 'symbol';
}

interface Pending {
  readonly node: unknown;
  readonly pointer: string;
  readonly depth: number;
}

function entryFor(node: unknown, key: Span | undefined): SourceEntry {
  const value = span(node as Node);
  const entry: { key?: Span; value?: Span; style?: ScalarStyle; alias?: Span } = {};
  if (key) entry.key = key;
  if (value && !(isScalar(node) && node.source === '' && node.value === null)) entry.value = value;
  if (isScalar(node) && node.type) entry.style = STYLES[node.type];
  if (isAlias(node) && value) entry.alias = value;
  return entry;
}

/** Builds the pointer -> position map of a parsed document. Aliases are not expanded (bomb-safe). */
export function buildSourceMap(doc: Document, maxDepth: number): SourceMap {
  const entries = new Map<string, SourceEntry>();
  const duplicates: DuplicateKey[] = [];
  const unquotedTemplates: UnquotedTemplate[] = [];
  const anchors: string[] = [];
  let deepest = 0;
  entries.set('', entryFor(doc.contents, undefined));
  const stack: Pending[] = [{ node: doc.contents, pointer: '', depth: 0 }];
  while (stack.length > 0) {
    const { node, pointer, depth } = stack.pop() as Pending;
    if (depth > deepest) deepest = depth;
    if ((node as Node | null)?.anchor !== undefined && !isAlias(node)) anchors.push(pointer);
    if (depth >= maxDepth) continue;
    if (isMap(node)) {
      if (node.flow && node.items.length === 1 && isMap(node.items[0].key)) {
        const value = span(node);
        if (value) unquotedTemplates.push({ pointer, value });
      }
      const seen = new Map<string, Span>();
      const merges: Span[] = [];
      for (const pair of node.items) {
        if (isMergePair(pair)) {
          const site = span(pair.key as Node);
          const end = span(pair.value as Node);
          if (site) merges.push([site[0], end ? end[1] : site[1]]);
          continue;
        }
        const name = keyString(pair.key);
        if (name === undefined) continue;
        const keySpan = span(pair.key as Node);
        const childPointer = `${pointer}/${escapeToken(name)}`;
        const first = seen.get(name);
        if (first && keySpan) {
          duplicates.push({ key: name, first, repeat: keySpan, pointer: childPointer });
          continue;
        }
        if (keySpan) seen.set(name, keySpan);
        entries.set(childPointer, entryFor(pair.value, keySpan));
        stack.push({ node: pair.value, pointer: childPointer, depth: depth + 1 });
      }
      if (merges.length > 0) entries.set(pointer, { ...entries.get(pointer), merges });
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const childPointer = `${pointer}/${index}`;
        entries.set(childPointer, entryFor(item, undefined));
        stack.push({ node: item, pointer: childPointer, depth: depth + 1 });
      });
    }
  }
  return { entries, duplicates, unquotedTemplates, anchors, depth: deepest };
}
