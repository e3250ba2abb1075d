import { isAlias, isCollection, isMap, isScalar, isSeq, Scalar } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { containsReferenced, findPair, isMergeKey, parseConfig, rangeOf, referencedNodes } from './document';
import { ConfigEditError } from './errors';
import { isEditMapping, renderMappingLines } from './render';
import { formatKey, formatScalar } from './scalar';
import type { QuoteStyle } from './scalar';
import { applySplices, columnAt, detectEol, lineEndAt, lineStartAt, splitBom, trimBack } from './text';
import type { Splice } from './text';
import type { EditMapping, EditValue, SectionEdit } from './types';
import { verifyEdit } from './verify';
import { unfoldFlowSection } from './flow-section';
import { DEFAULT_INDENT_STEP, indentStepOf } from './layout';

/**
 * Sets keys inside one top-level section of a config.yml text and changes nothing else: comments, quoting, key
 * order, indentation, anchors, line endings, a BOM, `---` and a missing final newline all survive byte for byte.
 *
 * Existing keys are rewritten where they stand (a mapping with the same keys in the same order is updated value
 * by value, otherwise its lines are replaced and comments above its first key kept); missing keys are appended
 * after the section's last key; a missing or empty section is created with `createWith` first. The result is
 * re-parsed and checked: the edited keys hold the new values and everything else is unchanged, or it throws.
 *
 * @throws {ConfigEditError} with a stable `code`; the text is never returned half-edited.
 */
export function applySectionEdit(text: string, edit: SectionEdit): string {
  checkEdit(edit);
  const { bom, body } = splitBom(text);
  const doc = parseConfig(body);
  const unfolded = unfoldFlowSection(body, doc, edit.section);
  const edited =
    unfolded === undefined ? new BodyEditor(body, doc).edit(edit) : new BodyEditor(unfolded, parseConfig(unfolded)).edit(edit);
  verifyEdit(doc, edited, edit);
  return bom + edited;
}

function checkEdit(edit: SectionEdit): void {
  if (edit.section === '') throw new ConfigEditError('CONFIG_EDIT_INVALID_EDIT', 'the section name is empty');
  checkMapping(edit.set, edit.section);
  if (edit.createWith) checkMapping(edit.createWith, edit.section);
}

function checkMapping(mapping: EditMapping, where: string): void {
  const seen = new Set<string>();
  for (const [key, value] of mapping) {
    if (seen.has(key)) {
      throw new ConfigEditError('CONFIG_EDIT_INVALID_EDIT', `the edit sets \`${where}.${key}\` twice`);
    }
    seen.add(key);
    if (isEditMapping(value)) checkMapping(value, `${where}.${key}`);
  }
}

/** createWith keys first, then the set keys; a key in both takes the set value in the createWith position. */
function creationEntries(edit: SectionEdit): EditMapping {
  const first = (edit.createWith ?? []).map((entry) => edit.set.find(([key]) => key === entry[0]) ?? entry);
  const firstKeys = new Set(first.map(([key]) => key));
  return [...first, ...edit.set.filter(([key]) => !firstKeys.has(key))];
}

function quoteStyleOf(node: Node | null): QuoteStyle {
  if (!isScalar(node)) return 'plain';
  if (node.type === Scalar.QUOTE_SINGLE) return 'single';
  return node.type === Scalar.QUOTE_DOUBLE ? 'double' : 'plain';
}

/** Collects splices against the original body; nothing is changed until all of them are known. */
class BodyEditor {
  private readonly eol: '\n' | '\r\n';
  private readonly referenced: ReadonlySet<Node>;
  private readonly splices: Splice[] = [];

  constructor(
    private readonly body: string,
    private readonly doc: Document.Parsed | undefined,
  ) {
    this.eol = detectEol(body);
    this.referenced = doc ? referencedNodes(doc) : new Set();
  }

  edit(edit: SectionEdit): string {
    const root = this.doc?.contents ?? null;
    if (root === null || (isScalar(root) && root.value === null)) {
      return this.appendToEmpty(edit);
    }
    if (!isMap(root)) {
      throw new ConfigEditError('CONFIG_EDIT_NOT_A_MAPPING', 'the config is not a mapping of sections');
    }
    if (root.flow) {
      throw new ConfigEditError('CONFIG_EDIT_UNSUPPORTED_LAYOUT', 'the config is written as one flow mapping `{...}`');
    }
    const rootColumn = columnAt(this.body, rangeOf(root)[0]);
    const step = indentStepOf(this.body, root);
    const pair = findPair(root, edit.section);
    if (pair === undefined) this.appendSection(root, rootColumn, step, edit);
    else this.editSection(pair, rootColumn, step, edit);
    return applySplices(this.body, this.splices);
  }

  private appendToEmpty(edit: SectionEdit): string {
    const lines = this.sectionLines(edit, 0, DEFAULT_INDENT_STEP).join(this.eol);
    if (this.body === '') return lines + this.eol;
    if (this.body.endsWith('\n')) return this.body + lines + this.eol;
    return this.body + this.eol + lines;
  }

  private sectionLines(edit: SectionEdit, column: number, step: number): string[] {
    return [
      `${' '.repeat(column)}${formatKey(edit.section)}:`,
      ...renderMappingLines(creationEntries(edit), column + step, step),
    ];
  }

  /** Appends the section after the root's last content line, with a blank line first when sections are spaced. */
  private appendSection(root: YAMLMap, rootColumn: number, step: number, edit: SectionEdit): void {
    const at = this.lastLineEnd(root);
    const spacer = this.sectionsAreSpaced(root) ? this.eol : '';
    const lines = this.sectionLines(edit, rootColumn, step);
    this.splices.push({ start: at, end: at, text: spacer + this.eol + lines.join(this.eol) });
  }

  private sectionsAreSpaced(root: YAMLMap): boolean {
    const last = root.items[root.items.length - 1] as Pair<Node, Node | null> | undefined;
    if (root.items.length < 2 || !last) return false;
    const keyLine = lineStartAt(this.body, rangeOf(last.key)[0]);
    if (keyLine === 0) return false;
    const previous = this.body.slice(lineStartAt(this.body, keyLine - 1), keyLine);
    return previous.trim() === '';
  }

  private editSection(pair: Pair<Node, Node | null>, rootColumn: number, step: number, edit: SectionEdit): void {
    const value = pair.value;
    const name = `\`${edit.section}\``;
    if (isAlias(value)) {
      throw new ConfigEditError('CONFIG_EDIT_ALIASED_NODE', `${name} is an alias (*${value.source}); edit the anchored section instead`);
    }
    if (value !== null && this.referenced.has(value)) {
      throw new ConfigEditError('CONFIG_EDIT_SHARED_NODE', `${name} is anchored and used elsewhere; editing it would change those places too`);
    }
    if (this.isEmptyValue(value)) {
      this.replaceValue(pair, creationEntries(edit), rootColumn, step, edit.section);
      return;
    }
    if (!isMap(value)) {
      throw new ConfigEditError('CONFIG_EDIT_NOT_A_MAPPING', `${name} is not a mapping`);
    }
    if (value.flow) {
      // unfoldFlowSection has already rewritten or refused every non-empty flow section.
      throw new ConfigEditError('CONFIG_EDIT_UNSUPPORTED_LAYOUT', `${name} is a flow mapping \`{...}\``);
    }
    this.editMapping(value, edit.set, step, edit.section, true);
  }

  /** `trakt:`, `trakt: ~`, `trakt: null`, `trakt: {}`: a section with nothing in it. */
  private isEmptyValue(value: Node | null): boolean {
    if (value === null) return true;
    if (isScalar(value)) return value.value === null;
    return isMap(value) && value.flow === true && value.items.length === 0;
  }

  private editMapping(map: YAMLMap, entries: EditMapping, step: number, path: string, allowMerge: boolean): void {
    if (this.referenced.has(map)) {
      throw new ConfigEditError('CONFIG_EDIT_SHARED_NODE', `\`${path}\` is anchored and used elsewhere; editing it would change those places too`);
    }
    if (!allowMerge && map.items.some((item) => isMergeKey(item.key))) {
      throw new ConfigEditError('CONFIG_EDIT_MERGED_NODE', `\`${path}\` takes keys from a merge (<<: *anchor); edit the anchored mapping instead`);
    }
    const column = columnAt(this.body, rangeOf(map)[0]);
    const missing: Array<readonly [string, EditValue]> = [];
    for (const entry of entries) {
      const pair = findPair(map, entry[0]);
      if (pair) this.replaceValue(pair, entry[1], column, step, `${path}.${entry[0]}`);
      else missing.push(entry);
    }
    if (missing.length === 0) return;
    const at = this.lastLineEnd(map);
    const lines = renderMappingLines(missing, column, step);
    this.splices.push({ start: at, end: at, text: this.eol + lines.join(this.eol) });
  }

  private replaceValue(pair: Pair<Node, Node | null>, value: EditValue, keyColumn: number, step: number, path: string): void {
    const old = pair.value;
    const colonEnd = this.colonEnd(pair, path);
    if (isAlias(old) && isEditMapping(value)) {
      throw new ConfigEditError('CONFIG_EDIT_ALIASED_NODE', `\`${path}\` is an alias (*${old.source}); edit the anchored mapping instead`);
    }
    if (containsReferenced(old, this.referenced)) {
      throw new ConfigEditError('CONFIG_EDIT_SHARED_NODE', `\`${path}\` holds an anchor used elsewhere; replacing it would break those places`);
    }
    if (isEditMapping(value) && value.length > 0) this.replaceWithMapping(old, value, colonEnd, keyColumn, step, path);
    else this.replaceWithInline(old, value, colonEnd);
  }

  private replaceWithMapping(old: Node | null, value: EditMapping, colonEnd: number, keyColumn: number, step: number, path: string): void {
    if (isMap(old) && !old.flow) {
      if (old.items.some((item) => isMergeKey(item.key))) {
        throw new ConfigEditError('CONFIG_EDIT_MERGED_NODE', `\`${path}\` takes keys from a merge (<<: *anchor); edit the anchored mapping instead`);
      }
      if (this.hasSameKeys(old, value)) {
        this.editMapping(old, value, step, path, false);
        return;
      }
      // Keep comment lines between `key:` and the first child (e.g. "# everything below is autofilled").
      const firstLine = lineStartAt(this.body, rangeOf(old)[0]);
      const start = this.previousLineEnd(firstLine);
      const end = this.lastLineEnd(old);
      const lines = renderMappingLines(value, columnAt(this.body, rangeOf(old)[0]), step);
      this.splices.push({ start, end, text: this.eol + lines.join(this.eol) });
      return;
    }
    const lines = renderMappingLines(value, keyColumn + step, step);
    if (old !== null && this.isBlockNode(old)) {
      const end = this.lastLineEnd(old);
      this.splices.push({ start: colonEnd, end, text: this.keyLineComment(colonEnd) + this.eol + lines.join(this.eol) });
      return;
    }
    const valueEnd = this.inlineValueEnd(old, colonEnd);
    const end = lineEndAt(this.body, valueEnd);
    if (valueEnd === colonEnd) {
      // Nothing to remove; comments already placed under the empty key stay above the new keys.
      const at = this.afterIndentedComments(end, keyColumn);
      this.splices.push({ start: at, end: at, text: this.eol + lines.join(this.eol) });
      return;
    }
    const rest = this.body.slice(valueEnd, end);
    this.splices.push({ start: colonEnd, end, text: rest + this.eol + lines.join(this.eol) });
  }

  /** End of the run of comment lines right below `lineEnd` that are indented deeper than `keyColumn`. */
  private afterIndentedComments(lineEnd: number, keyColumn: number): number {
    let at = lineEnd;
    while (at < this.body.length) {
      const next = at + (this.body[at] === '\r' ? 2 : 1);
      const nextEnd = lineEndAt(this.body, next);
      const line = this.body.slice(next, nextEnd);
      const text = line.trimStart();
      if (!text.startsWith('#') || line.length - text.length <= keyColumn) break;
      at = nextEnd;
    }
    return at;
  }

  /** Writes a scalar or an empty mapping (`{}`) as the value on the key's own line. */
  private replaceWithInline(old: Node | null, value: EditValue, colonEnd: number): void {
    if (this.alreadyHolds(old, value)) return;
    const text = isEditMapping(value) ? '{}' : formatScalar(value, typeof value === 'string' ? quoteStyleOf(old) : 'plain');
    const spaced = text === '' ? '' : ` ${text}`;
    if (old !== null && this.isBlockNode(old)) {
      const end = this.lastLineEnd(old);
      this.splices.push({ start: colonEnd, end, text: spaced + this.keyLineComment(colonEnd) });
      return;
    }
    const valueEnd = this.inlineValueEnd(old, colonEnd);
    if (valueEnd === colonEnd) {
      this.splices.push({ start: colonEnd, end: colonEnd, text: spaced });
    } else if (text !== '' && old && !old.anchor && !old.tag) {
      // Keep the original spacing between `:` and the value (aligned columns stay aligned).
      this.splices.push({ start: rangeOf(old)[0], end: valueEnd, text });
    } else {
      this.splices.push({ start: colonEnd, end: valueEnd, text: spaced });
    }
  }

  /** Leaves equal values untouched, so `pin: ~` or `scope: 'public'` keep their spelling. */
  private alreadyHolds(old: Node | null, value: EditValue): boolean {
    if (isEditMapping(value)) return isMap(old) && old.flow === true && old.items.length === 0;
    if (old === null) return value === null;
    return isScalar(old) && !this.isBlockNode(old) && old.value === value;
  }

  /** A value that spans its own lines: a block mapping/sequence or a `|`/`>` block scalar. */
  private isBlockNode(node: Node): boolean {
    if (isCollection(node)) return !node.flow;
    return isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
  }

  /** End of the last line holding the node's own content: trailing comments and blank lines belong to what follows. */
  private lastLineEnd(node: Node): number {
    return lineEndAt(this.body, this.contentEnd(node));
  }

  private contentEnd(node: Node): number {
    if (isMap(node) && !node.flow) {
      const last = node.items[node.items.length - 1] as Pair<Node, Node | null> | undefined;
      if (last === undefined) return trimBack(this.body, rangeOf(node)[1]);
      return last.value === null || this.isEmptyNull(last.value) ? rangeOf(last.key)[1] : this.contentEnd(last.value);
    }
    if (isSeq(node) && !node.flow) {
      const last = node.items[node.items.length - 1] as Node | null | undefined;
      return last ? this.contentEnd(last) : trimBack(this.body, rangeOf(node)[1]);
    }
    if (isScalar(node) && this.isBlockNode(node)) {
      // With keep chomping (`|+`) the trailing blank lines are part of the value.
      const end = rangeOf(node)[1];
      if (!/^[|>][^\n#]*\+/.test(this.body.slice(rangeOf(node)[0], end))) return trimBack(this.body, end);
      return this.body[end - 1] === '\n' ? end - (this.body[end - 2] === '\r' ? 2 : 1) : end;
    }
    return rangeOf(node)[1];
  }

  /** `key:` or `key: # note`: a null written as nothing. */
  private isEmptyNull(node: Node): boolean {
    return isScalar(node) && node.value === null && this.body.slice(rangeOf(node)[0], rangeOf(node)[1]).trim() === '';
  }

  /** End of an inline value; an empty null (`key:` or `key: # note`) ends right at the colon. */
  private inlineValueEnd(old: Node | null, colonEnd: number): number {
    if (old === null || this.isEmptyNull(old)) return colonEnd;
    return rangeOf(old)[1];
  }

  /** The comment after `key:` on its line (with its spacing), or '' when the line holds anything else. */
  private keyLineComment(colonEnd: number): string {
    const rest = this.body.slice(colonEnd, lineEndAt(this.body, colonEnd));
    return rest.trimStart().startsWith('#') ? rest : '';
  }

  private hasSameKeys(map: YAMLMap, mapping: EditMapping): boolean {
    return (
      map.items.length === mapping.length &&
      map.items.every((item, index) => isScalar(item.key) && String(item.key.value) === mapping[index]?.[0])
    );
  }

  private colonEnd(pair: Pair<Node, Node | null>, path: string): number {
    const key = pair.key;
    if (!key?.range) {
      throw new ConfigEditError('CONFIG_EDIT_UNSUPPORTED_LAYOUT', `\`${path}\` uses an explicit key (\`? key\`)`);
    }
    let at = key.range[1];
    while (this.body[at] === ' ' || this.body[at] === '\t') at += 1;
    if (this.body[at] !== ':') {
      throw new ConfigEditError('CONFIG_EDIT_UNSUPPORTED_LAYOUT', `\`${path}\` uses an explicit or multi-line key`);
    }
    return at + 1;
  }

  private previousLineEnd(lineStart: number): number {
    return this.body[lineStart - 2] === '\r' ? lineStart - 2 : lineStart - 1;
  }
}
