import type { ScalarStyle } from '@pmm-config/plugin';
import { escapeToken } from '../pointer';
import type { SourceEntry, SourceMap, Span } from './source-map';

/*
 * A reader for the YAML that config files are written in: block mappings and sequences (indentless ones too),
 * plain and single-line quoted scalars, comments, single-line flow collections, anchors, aliases and `<<` merge
 * keys. It exists for start-up time: the `yaml` package's lexer, CST parser and composer cost 50-120 ms and
 * ~20 MB on a 1,000-line config on a cold V8, this reader a few milliseconds.
 *
 * It never decides anything on its own. On the first thing outside that subset, or anything the full parser
 * would report (a syntax error, a duplicate key, a tab, a tag, a block scalar, a multi-line scalar, an unquoted
 * `{{ }}`), it gives up and `parseConfig` runs the `yaml` package instead, which then finds and explains it.
 * When it does finish, its data and source map are the ones the `yaml` package would give; the differential
 * tests (fast-parse.test.ts and the corpus suite) hold it to that.
 */

/** The result of a successful fast read: the same data and source map the full parser would build. */
export interface FastParse {
  readonly data: unknown;
  readonly map: SourceMap;
}

/** Thrown to leave the fast path; caught in `parseCommonYaml` only. Allocated once: giving up must be cheap. */
class OutsideSubset extends Error {}
const GIVE_UP = new OutsideSubset('outside the fast YAML subset');

/**
 * Characters that are never in a config we read fast (control characters, BOMs, non-ASCII line breaks). Tabs
 * are allowed in comments only: the scanners below give up on any tab they meet.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const UNSUPPORTED_TEXT = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u2028\u2029]/;
/** A carriage return that does not end a line. */
const LONE_CR = /\r(?!\n)/;
/** Nested collections deeper than this are left to the full parser, which owns the depth limit. */
const MAX_DEPTH = 64;
/** More alias uses than this are left to the full parser. */
const MAX_ALIASES = 500;
/** The `yaml` package's alias-bomb limit (`maxAliasCount` in parse.ts): files that could reach it are left to it. */
const ALIAS_EXPANSION_LIMIT = 1000;
/** Anchor names people write; YAML allows more (`&a:` is legal but ambiguous), which the full parser handles. */
const ANCHOR_NAME = /^[A-Za-z0-9_-]+$/;
/** YAML's limit on implicit keys. */
const MAX_KEY_LENGTH = 1024;

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const TAB = 9;

/** Plain scalars in the YAML 1.2 core schema, as the `yaml` package resolves them. */
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCTAL = /^0o[0-7]+$/;
const DECIMAL = /^[-+]?[0-9]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** Keys whose JavaScript property name is their text (a string, or an int that prints back the same). */
const CANONICAL_INT = /^(?:0|-?[1-9][0-9]{0,14})$/;

function resolvePlain(text: string): unknown {
  const first = text.charCodeAt(0);
  // Only text starting with a digit, sign, dot, `~` or a letter of null/true/false can be anything but a string.
  if (!(first <= 57 || first === 126 || first === 110 || first === 78 || first === 116 || first === 84 || first === 102 || first === 70)) return text;
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return first === 116 || first === 84;
  if (OCTAL.test(text)) return parseInt(text.substring(2), 8);
  if (DECIMAL.test(text)) return parseInt(text, 10);
  if (HEX.test(text)) return parseInt(text.substring(2), 16);
  if (FLOAT_SPECIAL.test(text)) {
    if (text.slice(-3).toLowerCase() === 'nan') return NaN;
    return text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT.test(text)) return parseFloat(text);
  return text;
}

/** Whether a plain key's property name is its text: it reads as a string, or as an int that prints back the same. */
function isPropertyNameText(text: string): boolean {
  const value = resolvePlain(text);
  return typeof value === 'string' || (typeof value === 'number' && CANONICAL_INT.test(text));
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_ESCAPE_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A parsed node: its data, where its value is, and (for collections) where its last line ends. */
interface Parsed {
  readonly data: unknown;
  /** The value's span; absent for a blank value. */
  readonly span?: Span;
  readonly style?: ScalarStyle;
  readonly alias?: boolean;
  /** The last line the node uses. */
  readonly lastLine: number;
  /** `<<` sites of a mapping. */
  readonly merges?: readonly Span[];
}

/** One `&name` definition and how its aliases are used (for the alias-bomb bound). */
interface AnchorDefinition {
  data?: unknown;
  uses: number;
  /** Upper bound of the `yaml` package's alias count for this node, computed once the file is read. */
  expansion: number;
  readonly nestedAliases: AnchorDefinition[];
}

/** The line-level facts the reader needs, computed in one pass. */
interface Lines {
  readonly start: number[];
  /** End of the line's text, before `\r\n` or `\n`. */
  readonly end: number[];
  /** Offset of the first non-space character, or -1 for a blank or comment-only line. */
  readonly content: number[];
  /** For each line, the first line at or after it with content, or -1. */
  readonly nextContent: number[];
}

function scanLines(source: string): Lines {
  const start: number[] = [];
  const end: number[] = [];
  const content: number[] = [];
  let offset = 0;
  while (offset <= source.length) {
    let newline = source.indexOf('\n', offset);
    if (newline === -1) newline = source.length;
    const lineEnd = newline > offset && source.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    let first = offset;
    while (first < lineEnd && source.charCodeAt(first) === SPACE) first++;
    start.push(offset);
    end.push(lineEnd);
    // A tab before a line's text is indentation YAML forbids (or a mistake the full parser explains).
    if (source.charCodeAt(first) === TAB) throw GIVE_UP;
    content.push(first === lineEnd || source.charCodeAt(first) === HASH ? -1 : first);
    offset = newline + 1;
  }
  const nextContent: number[] = new Array<number>(content.length);
  let next = -1;
  for (let line = content.length - 1; line >= 0; line--) {
    if (content[line] !== -1) next = line;
    nextContent[line] = next;
  }
  return { start, end, content, nextContent };
}

/**
 * Reads `source` when it is in the common subset; returns `undefined` when the full parser must take over.
 */
export function parseCommonYaml(source: string): FastParse | undefined {
  if (UNSUPPORTED_TEXT.test(source) || (source.includes('\r') && LONE_CR.test(source))) return undefined;
  try {
    return new Reader(source).read();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

class Reader {
  private readonly lines: Lines;
  private readonly entries = new Map<string, SourceEntry>();
  private readonly anchorPointers: string[] = [];
  /** Anchor name -> its latest definition, as in YAML. */
  private readonly anchorByName = new Map<string, AnchorDefinition>();
  private readonly anchorDefinitions: AnchorDefinition[] = [];
  /** Anchored nodes being read, innermost last: an alias met now is nested in each of them. */
  private readonly openAnchors: AnchorDefinition[] = [];
  private aliasUses = 0;
  private deepest = 0;

  constructor(private readonly source: string) {
    this.lines = scanLines(source);
  }

  read(): FastParse {
    let line = this.nextContent(0);
    if (line === -1) throw GIVE_UP;
    if (this.isMarker(line, '---')) {
      const after = this.skipSpaces(this.lines.start[line] + 3, line);
      if (after !== this.lines.end[line] && this.source.charCodeAt(after) !== HASH) throw GIVE_UP;
      line = this.nextContent(line + 1);
      if (line === -1) throw GIVE_UP;
    }
    for (let other = line; other < this.lines.start.length; other++) {
      if (this.lines.content[other] === this.lines.start[other] && (this.isMarker(other, '---') || this.isMarker(other, '...') || this.source[this.lines.start[other]] === '%')) {
        throw GIVE_UP;
      }
    }
    const root = this.blockCollection(line, '', 0);
    if (this.nextContent(root.lastLine + 1) !== -1) throw GIVE_UP;
    this.checkAliasExpansion();
    this.record('', 0, undefined, root);
    return {
      data: root.data,
      map: { entries: this.entries, duplicates: [], unquotedTemplates: [], anchors: this.anchorPointers, depth: this.deepest },
    };
  }

  /**
   * The `yaml` package refuses a file once an anchor's uses times the aliases nested in it exceed its limit.
   * This bounds that product from above (every use counted, nesting multiplied) and gives up when the bound could
   * reach the limit, so a file the full parser would refuse is never read here.
   */
  private checkAliasExpansion(): void {
    for (const definition of this.anchorDefinitions) {
      let nested = 1;
      for (const inner of definition.nestedAliases) nested = Math.max(nested, inner.uses * inner.expansion);
      definition.expansion = nested;
      if (definition.uses * nested > ALIAS_EXPANSION_LIMIT) throw GIVE_UP;
    }
  }

  // --- lines -------------------------------------------------------------------------------------------------

  private isMarker(line: number, marker: string): boolean {
    const at = this.lines.start[line];
    if (!this.source.startsWith(marker, at)) return false;
    const next = at + 3;
    return next === this.lines.end[line] || this.source.charCodeAt(next) === SPACE;
  }

  /** The first line at or after `line` with content, or -1. */
  private nextContent(line: number): number {
    return line < this.lines.nextContent.length ? this.lines.nextContent[line] : -1;
  }

  private indentOf(line: number): number {
    return this.lines.content[line] - this.lines.start[line];
  }

  private skipSpaces(offset: number, line: number): number {
    const end = this.lines.end[line];
    while (offset < end && this.source.charCodeAt(offset) === SPACE) offset++;
    return offset;
  }

  /** After a value on its line: only spaces and a comment may follow. */
  private expectLineEnd(offset: number, line: number): void {
    const after = this.skipSpaces(offset, line);
    if (after === this.lines.end[line]) return;
    if (this.source.charCodeAt(after) === HASH && after > offset) return;
    throw GIVE_UP;
  }

  /** True when the text at `offset` starts a block sequence entry (`-` then a space or the line end). */
  private isEntryDash(offset: number, line: number): boolean {
    return this.source.charCodeAt(offset) === DASH && (offset + 1 === this.lines.end[line] || this.source.charCodeAt(offset + 1) === SPACE);
  }

  // --- block collections -------------------------------------------------------------------------------------

  private blockCollection(line: number, pointer: string, depth: number): Parsed {
    const column = this.lines.content[line];
    if (this.isEntryDash(column, line)) return this.blockSequence(line, this.indentOf(line), pointer, depth, false);
    return this.blockMap(line, column, pointer, depth);
  }

  /**
   * Entries of a block sequence whose dashes sit at `indent`. An indentless sequence (dashes at its parent key's
   * indent) ends at the next line at that indent without a dash: the parent's next key.
   */
  private blockSequence(firstLine: number, indent: number, pointer: string, depth: number, indentless: boolean): Parsed {
    this.enter(depth);
    const items: unknown[] = [];
    let line = firstLine;
    let lastLine = firstLine;
    for (;;) {
      const dash = this.lines.content[line];
      const childPointer = `${pointer}/${items.length}`;
      const item = this.entryValue(line, dash + 1, indent, childPointer, depth + 1);
      items.push(item.data);
      this.record(childPointer, depth + 1, undefined, item);
      lastLine = item.lastLine;
      const next = this.nextContent(lastLine + 1);
      if (next === -1 || this.indentOf(next) < indent) break;
      if (this.indentOf(next) > indent) throw GIVE_UP;
      if (!this.isEntryDash(this.lines.content[next], next)) {
        if (indentless) break;
        throw GIVE_UP;
      }
      line = next;
    }
    return { data: items, span: [this.lines.content[firstLine], this.lineEndWithBreak(lastLine)], lastLine };
  }

  /** Pairs of a block mapping whose first key is at `column` of `firstLine`; later keys sit at that column. */
  private blockMap(firstLine: number, column: number, pointer: string, depth: number): Parsed {
    this.enter(depth);
    const indent = column - this.lines.start[firstLine];
    const data: Record<string, unknown> = {};
    // Keys written in this mapping, once a `<<` has merged others in (until then, own properties are exactly them).
    let explicit: Set<string> | undefined;
    let merges: Span[] | undefined;
    let line = firstLine;
    let keyAt = column;
    let lastLine = firstLine;
    for (;;) {
      const key = this.implicitKey(keyAt, line);
      if (!key) throw GIVE_UP;
      if (key.merge) {
        // A second `<<` in one mapping is a duplicate key for the full parser to report.
        if (merges) throw GIVE_UP;
        explicit = new Set(Object.keys(data));
        merges = [[key.span[0], this.mergeValue(key.colon + 1, line, data)]];
        lastLine = line;
      } else {
        const repeated = explicit ? explicit.has(key.name) : Object.prototype.hasOwnProperty.call(data, key.name);
        if (repeated || key.name === '__proto__') throw GIVE_UP;
        explicit?.add(key.name);
        const childPointer = `${pointer}/${escapeToken(key.name)}`;
        const value = this.pairValue(line, key.colon + 1, indent, childPointer, depth + 1);
        data[key.name] = value.data;
        this.record(childPointer, depth + 1, key.span, value);
        lastLine = value.lastLine;
      }
      const next = this.nextContent(lastLine + 1);
      if (next === -1 || this.indentOf(next) < indent) break;
      if (this.indentOf(next) > indent) throw GIVE_UP;
      line = next;
      keyAt = this.lines.content[next];
    }
    return { data, span: [column, this.lineEndWithBreak(lastLine)], lastLine, merges };
  }

  /** A `<<:` value: an alias or a single-line flow sequence of aliases, each naming a mapping. */
  private mergeValue(afterColon: number, line: number, target: Record<string, unknown>): number {
    let at = this.skipSpaces(afterColon, line);
    const sources: unknown[] = [];
    let end: number;
    if (this.source[at] === '*') {
      const alias = this.aliasAt(at, line);
      sources.push(alias.data);
      end = alias.end;
    } else if (this.source[at] === '[') {
      at = this.skipSpaces(at + 1, line);
      for (;;) {
        if (this.source[at] !== '*') throw GIVE_UP;
        const alias = this.aliasAt(at, line);
        sources.push(alias.data);
        at = this.skipSpaces(alias.end, line);
        if (this.source[at] === ',') at = this.skipSpaces(at + 1, line);
        else if (this.source[at] === ']') break;
        else throw GIVE_UP;
      }
      end = at + 1;
    } else {
      throw GIVE_UP;
    }
    this.expectLineEnd(end, line);
    this.expectNothingDeeper(line, this.indentOf(line));
    for (const source of sources) {
      if (source === null || typeof source !== 'object' || Array.isArray(source)) throw GIVE_UP;
      for (const key of Object.keys(source)) {
        // Keys already in the mapping win over merged ones, as in the `yaml` package; explicit keys that come
        // later overwrite merged ones when they are assigned.
        if (!Object.prototype.hasOwnProperty.call(target, key)) target[key] = (source as Record<string, unknown>)[key];
      }
    }
    return end;
  }

  private enter(depth: number): void {
    if (depth >= MAX_DEPTH) throw GIVE_UP;
  }

  /** Stores a node's entry; every entry has the same shape, which keeps V8's property access fast. */
  private record(pointer: string, depth: number, key: Span | undefined, value: Parsed): void {
    if (this.deepest < depth) this.deepest = depth;
    const span = value.span;
    this.entries.set(pointer, {
      key,
      value: span,
      style: value.style,
      alias: value.alias ? span : undefined,
      merges: value.merges,
    });
  }


  /** Where a collection's span ends: after its last line's line break, as the `yaml` package reports it. */
  private lineEndWithBreak(line: number): number {
    const next = this.lines.start[line + 1];
    return next === undefined ? this.source.length : next;
  }

  // --- values ------------------------------------------------------------------------------------------------

  /** The value after `key:`. A block value may be an indentless sequence at the key's own indent. */
  private pairValue(line: number, offset: number, keyIndent: number, pointer: string, depth: number): Parsed {
    return this.valueAfterIndicator(line, offset, keyIndent, pointer, depth, true);
  }

  /** The value after a sequence dash: a compact mapping (`- key: v`), a scalar, a flow node or a block node. */
  private entryValue(line: number, offset: number, dashIndent: number, pointer: string, depth: number): Parsed {
    const at = this.skipSpaces(offset, line);
    if (at < this.lines.end[line] && this.source.charCodeAt(at) !== HASH && this.implicitKey(at, line)) {
      return this.blockMap(line, at, pointer, depth);
    }
    if (this.isEntryDash(at, line)) throw GIVE_UP;
    return this.valueAfterIndicator(line, offset, dashIndent, pointer, depth, false);
  }

  private valueAfterIndicator(line: number, offset: number, ownerIndent: number, pointer: string, depth: number, indentlessAllowed: boolean): Parsed {
    let at = this.skipSpaces(offset, line);
    let anchor: string | undefined;
    if (this.source[at] === '&') {
      const nameEnd = this.nameEnd(at + 1, line);
      anchor = this.source.slice(at + 1, nameEnd);
      if (!ANCHOR_NAME.test(anchor) || (nameEnd < this.lines.end[line] && this.source.charCodeAt(nameEnd) !== SPACE)) throw GIVE_UP;
      at = this.skipSpaces(nameEnd, line);
    }
    const definition: AnchorDefinition | undefined = anchor === undefined ? undefined : { uses: 0, expansion: 1, nestedAliases: [] };
    if (definition) this.openAnchors.push(definition);
    let value: Parsed;
    if (at === this.lines.end[line] || this.source.charCodeAt(at) === HASH) {
      value = this.blockValue(line, ownerIndent, pointer, depth, indentlessAllowed);
      if (anchor !== undefined && value.span === undefined) throw GIVE_UP;
    } else {
      if (anchor !== undefined && this.implicitKey(at, line)) throw GIVE_UP;
      value = this.inlineValue(at, line, pointer, depth);
      this.expectNothingDeeper(line, ownerIndent);
    }
    if (anchor !== undefined && definition) {
      this.openAnchors.pop();
      definition.data = value.data;
      this.anchorByName.set(anchor, definition);
      this.anchorDefinitions.push(definition);
      this.anchorPointers.push(pointer);
    }
    return value;
  }

  /** A value that starts on a later line: a nested block collection, an indentless sequence, or blank. */
  private blockValue(line: number, ownerIndent: number, pointer: string, depth: number, indentlessAllowed: boolean): Parsed {
    const next = this.nextContent(line + 1);
    if (next !== -1 && this.indentOf(next) > ownerIndent) return this.blockCollection(next, pointer, depth);
    if (next !== -1 && indentlessAllowed && this.indentOf(next) === ownerIndent && this.isEntryDash(this.lines.content[next], next)) {
      return this.blockSequence(next, ownerIndent, pointer, depth, true);
    }
    return { data: null, style: 'plain', lastLine: line };
  }

  /** A value that ends on its line must not be followed by deeper lines (a multi-line scalar, or an error). */
  private expectNothingDeeper(line: number, ownerIndent: number): void {
    const next = this.nextContent(line + 1);
    if (next !== -1 && this.indentOf(next) > ownerIndent) throw GIVE_UP;
  }

  /** A scalar, alias or flow collection that starts at `at` and ends on this line, with nothing after it. */
  private inlineValue(at: number, line: number, pointer: string, depth: number): Parsed {
    const value = this.node(at, line, pointer, depth, false);
    this.expectLineEnd(value.span?.[1] ?? at, line);
    return value;
  }

  /** End of a plain scalar starting at `at`: before ` #` or the line end, trailing spaces dropped. */
  private plainEnd(at: number, line: number, inFlow: boolean): number {
    if (!this.isPlainStart(at, line)) throw GIVE_UP;
    const lineEnd = this.lines.end[line];
    let end = at;
    let i = at;
    for (; i < lineEnd; i++) {
      const code = this.source.charCodeAt(i);
      if (code === HASH && this.source.charCodeAt(i - 1) === SPACE) break;
      if (code === TAB) throw GIVE_UP;
      if (inFlow && (code === 44 || code === 91 || code === 93 || code === 123 || code === 125)) break;
      if (code !== SPACE) end = i + 1;
    }
    if (inFlow && i === lineEnd) throw GIVE_UP;
    return end;
  }

  /** Whether a plain scalar may start here (YAML's indicator characters may not, with a few exceptions we leave out). */
  private isPlainStart(at: number, line: number): boolean {
    if (at >= this.lines.end[line]) return false;
    const char = this.source[at];
    if ('-?:,[]{}#&*!|>\'"%@`'.includes(char)) {
      // `-1`, `-foo`: a dash not followed by a space starts a plain scalar.
      return char === '-' && at + 1 < this.lines.end[line] && this.source.charCodeAt(at + 1) !== SPACE;
    }
    return true;
  }

  private nameEnd(at: number, line: number): number {
    const end = this.lines.end[line];
    let i = at;
    while (i < end && !' \t,[]{}'.includes(this.source[i])) i++;
    return i;
  }

  private aliasAt(at: number, line: number): { data: unknown; end: number } {
    const end = this.nameEnd(at + 1, line);
    const name = this.source.slice(at + 1, end);
    const definition = ANCHOR_NAME.test(name) ? this.anchorByName.get(name) : undefined;
    if (!definition || ++this.aliasUses > MAX_ALIASES) throw GIVE_UP;
    definition.uses++;
    for (const open of this.openAnchors) open.nestedAliases.push(definition);
    return { data: definition.data, end };
  }

  /** A single-line quoted scalar starting at `at`. */
  private quotedAt(at: number, line: number): { text: string; end: number } {
    const quote = this.source[at];
    const lineEnd = this.lines.end[line];
    let text = '';
    let i = at + 1;
    for (;;) {
      if (i >= lineEnd) throw GIVE_UP;
      const char = this.source[i];
      if (quote === "'") {
        const close = this.source.indexOf("'", i);
        if (close === -1 || close >= lineEnd) throw GIVE_UP;
        text += this.source.slice(i, close);
        if (text.includes('\t')) throw GIVE_UP;
        if (this.source[close + 1] === "'") {
          text += "'";
          i = close + 2;
          continue;
        }
        return { text, end: close + 1 };
      }
      if (char === '"') return { text, end: i + 1 };
      if (char === '\t') throw GIVE_UP;
      if (char === '\\') {
        const code = this.source[i + 1];
        const hexLength = HEX_ESCAPE_LENGTH[code];
        if (hexLength !== undefined) {
          const hex = this.source.slice(i + 2, i + 2 + hexLength);
          if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== hexLength) throw GIVE_UP;
          text += String.fromCodePoint(parseInt(hex, 16));
          i += 2 + hexLength;
          continue;
        }
        const escaped = ESCAPES[code];
        if (escaped === undefined) throw GIVE_UP;
        text += escaped;
        i += 2;
        continue;
      }
      text += char;
      i++;
    }
  }

  /**
   * An implicit key at `at`: plain or quoted text followed by `:` and a space or the line end. Returns
   * undefined when the text there is not a key.
   */
  private implicitKey(at: number, line: number): { name: string; span: Span; colon: number; merge: boolean } | undefined {
    const lineEnd = this.lines.end[line];
    const char = this.source[at];
    if (char === '"' || char === "'") {
      const quoted = this.quotedAt(at, line);
      const colon = this.skipSpaces(quoted.end, line);
      if (this.source.charCodeAt(colon) !== COLON || !(colon + 1 === lineEnd || this.source.charCodeAt(colon + 1) === SPACE)) return undefined;
      if (quoted.text === '__proto__') throw GIVE_UP;
      return { name: quoted.text, span: [at, quoted.end], colon, merge: false };
    }
    if (char === '?' || char === ':') throw GIVE_UP;
    if (!this.isPlainStart(at, line)) return undefined;
    let keyEnd = at;
    for (let i = at; i < lineEnd; i++) {
      const code = this.source.charCodeAt(i);
      if (code === HASH && this.source.charCodeAt(i - 1) === SPACE) return undefined;
      if (code === TAB) throw GIVE_UP;
      if (code === COLON && (i + 1 === lineEnd || this.source.charCodeAt(i + 1) === SPACE)) {
        if (keyEnd - at > MAX_KEY_LENGTH) throw GIVE_UP;
        const text = this.source.slice(at, keyEnd);
        if (text === '<<') return { name: text, span: [at, keyEnd], colon: i, merge: true };
        if (!isPropertyNameText(text)) throw GIVE_UP;
        return { name: text, span: [at, keyEnd], colon: i, merge: false };
      }
      if (code !== SPACE) keyEnd = i + 1;
    }
    return undefined;
  }

  // --- flow collections (single line) ------------------------------------------------------------------------

  private flowCollection(open: number, line: number, pointer: string, depth: number): Parsed {
    this.enter(depth);
    if (this.source[open] === '{') return this.flowMap(open, line, pointer, depth);
    const items: unknown[] = [];
    let at = this.skipSpaces(open + 1, line);
    if (this.source[at] !== ']') {
      for (;;) {
        const childPointer = `${pointer}/${items.length}`;
        const item = this.node(at, line, childPointer, depth + 1, true);
        items.push(item.data);
        this.record(childPointer, depth + 1, undefined, item);
        at = this.skipSpaces(item.span?.[1] ?? at, line);
        if (this.source[at] === ']') break;
        if (this.source[at] !== ',') throw GIVE_UP;
        at = this.skipSpaces(at + 1, line);
        // A trailing comma and empty entries are valid YAML we leave to the full parser.
        if (this.source[at] === ']' || this.source[at] === ',') throw GIVE_UP;
      }
    }
    return { data: items, span: [open, at + 1], lastLine: line };
  }

  private flowMap(open: number, line: number, pointer: string, depth: number): Parsed {
    // `{{ .X }}` without quotes is a template YAML reads as a mapping; the full parser reports it.
    if (this.source[open + 1] === '{') throw GIVE_UP;
    const data: Record<string, unknown> = {};
    let at = this.skipSpaces(open + 1, line);
    if (this.source[at] !== '}') {
      for (;;) {
        const key = this.flowKey(at, line);
        if (Object.prototype.hasOwnProperty.call(data, key.name) || key.name === '__proto__' || key.name === '<<') throw GIVE_UP;
        const childPointer = `${pointer}/${escapeToken(key.name)}`;
        const value = this.node(this.skipSpaces(key.colon + 1, line), line, childPointer, depth + 1, true);
        data[key.name] = value.data;
        this.record(childPointer, depth + 1, key.span, value);
        at = this.skipSpaces(value.span?.[1] ?? at, line);
        if (this.source[at] === '}') break;
        if (this.source[at] !== ',') throw GIVE_UP;
        at = this.skipSpaces(at + 1, line);
        if (this.source[at] === '}' || this.source[at] === ',') throw GIVE_UP;
      }
    }
    return { data, span: [open, at + 1], lastLine: line };
  }

  /** A flow mapping key: quoted, or plain text up to `: `. */
  private flowKey(at: number, line: number): { name: string; span: Span; colon: number } {
    const char = this.source[at];
    if (char === '"' || char === "'") {
      const quoted = this.quotedAt(at, line);
      if (this.source[quoted.end] !== ':' || this.source.charCodeAt(quoted.end + 1) !== SPACE) throw GIVE_UP;
      return { name: quoted.text, span: [at, quoted.end], colon: quoted.end };
    }
    if (!this.isPlainStart(at, line)) throw GIVE_UP;
    const colon = this.source.indexOf(': ', at);
    if (colon === -1 || colon >= this.lines.end[line]) throw GIVE_UP;
    const text = this.source.slice(at, colon);
    if (/[,[\]{}#\t]|\s$/.test(text)) throw GIVE_UP;
    if (!isPropertyNameText(text)) throw GIVE_UP;
    return { name: text, span: [at, colon], colon };
  }

  /** A scalar, alias or flow collection starting at `at` and ending on this line; `inFlow` inside `[]`/`{}`. */
  private node(at: number, line: number, pointer: string, depth: number, inFlow: boolean): Parsed {
    const char = this.source[at];
    if (char === '[' || char === '{') return this.flowCollection(at, line, pointer, depth);
    if (char === '*') {
      const alias = this.aliasAt(at, line);
      return { data: alias.data, span: [at, alias.end], alias: true, lastLine: line };
    }
    if (char === '"' || char === "'") {
      const quoted = this.quotedAt(at, line);
      return { data: quoted.text, span: [at, quoted.end], style: char === '"' ? 'double-quoted' : 'single-quoted', lastLine: line };
    }
    const end = this.plainEnd(at, line, inFlow);
    const text = this.source.slice(at, end);
    // In flow a `:` may make the text a pair (`[a: 1]`); in a block value `a: b` or a final `a:` is a nested
    // mapping YAML refuses. Both are left to the full parser.
    if (inFlow ? text.includes(':') : text.includes(': ') || text.endsWith(':')) throw GIVE_UP;
    return { data: resolvePlain(text), span: [at, end], style: 'plain', lastLine: line };
  }
}
