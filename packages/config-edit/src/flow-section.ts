import { isMap, isScalar } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import { findPair, rangeOf } from './document';
import { ConfigEditError } from './errors';
import { indentStepOf } from './layout';
import { applySplices, columnAt, detectEol, lineEndAt } from './text';

/**
 * Rewrites a flow-style section (`trakt: {client_id: x, client_secret: y}`) as the same keys in block style,
 * reusing each key's and value's source text, so the block editor can then work on it. Returns `undefined`
 * when the section is not a non-empty flow mapping. A flow section with comments inside, or with a key or
 * value spread over several lines, is refused: its text cannot be moved without changing it.
 */
export function unfoldFlowSection(body: string, doc: Document.Parsed | undefined, section: string): string | undefined {
  const root = doc?.contents;
  if (!isMap(root) || root.flow) return undefined;
  const pair = findPair(root, section);
  const map = pair?.value;
  if (!pair || !isMap(map) || !map.flow || map.items.length === 0) return undefined;
  const [start, end] = rangeOf(map);
  if (/(^|\s)#/.test(body.slice(start, end))) throw unsupported(section, 'has comments inside its braces');

  const column = columnAt(body, rangeOf(pair.key)[0]) + indentStepOf(body, root);
  const lines = (map.items as Pair<Node, Node | null>[]).map((item) => ' '.repeat(column) + entryText(body, item, section));
  let from = start;
  while (from > 0 && (body[from - 1] === ' ' || body[from - 1] === '\t')) from -= 1;
  const lineEnd = lineEndAt(body, end);
  const eol = detectEol(body);
  return applySplices(body, [{ start: from, end: lineEnd, text: body.slice(end, lineEnd) + eol + lines.join(eol) }]);
}

function entryText(body: string, item: Pair<Node, Node | null>, section: string): string {
  if (!isScalar(item.key)) throw unsupported(section, 'has a key that is not a plain or quoted string');
  const [keyStart, keyEnd] = rangeOf(item.key);
  const keyText = body.slice(keyStart, keyEnd);
  let colon = keyEnd;
  while (body[colon] === ' ' || body[colon] === '\t') colon += 1;
  const value = item.value;
  const empty = value === null || (isScalar(value) && value.value === null && body.slice(rangeOf(value)[0], rangeOf(value)[1]).trim() === '');
  if (body[colon] !== ':') {
    if (!empty) throw unsupported(section, 'uses an explicit `? key`');
    return checkedLine(`${keyText}:`, section);
  }
  const valueText = empty ? '' : body.slice(colon + 1, rangeOf(value)[1]).trim();
  return checkedLine(valueText === '' ? `${keyText}:` : `${keyText}: ${valueText}`, section);
}

function checkedLine(line: string, section: string): string {
  if (/[\r\n]/.test(line)) throw unsupported(section, 'has a key or value spread over several lines');
  return line;
}

function unsupported(section: string, reason: string): ConfigEditError {
  return new ConfigEditError('CONFIG_EDIT_UNSUPPORTED_LAYOUT', `\`${section}\` is a flow mapping \`{...}\` that ${reason}; write it as a block mapping first`);
}
