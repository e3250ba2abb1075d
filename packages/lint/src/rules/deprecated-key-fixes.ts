import { renameKeyFix, type RuleContext, type RuleFix } from '@pmm-config/plugin';
import { escapeToken, parentPointer } from '../pointer';
import { isMapping } from './config-walk';

/*
 * The fixes of `core/deprecated-key`: Kometa's own migrations of legacy keys, made in the file instead of in
 * memory, changing only the bytes of the keys involved.
 */

type RangeEdit = { start: number; end: number; text: string };

const lineStart = (source: string, offset: number): number => source.lastIndexOf('\n', offset - 1) + 1;
const newlineOf = (source: string): string => (source.includes('\r\n') ? '\r\n' : '\n');

/**
 * Kometa's own migration, written into the file: the key renamed in place (its value, comments and layout
 * kept). Kometa overwrites or skips a new name that is already there, so a taken name is left to the user.
 * With two new names (`metadata_path`) the key becomes the first and a copy of the entry, under the second
 * name, goes on the lines after it, as Kometa copies the value into both.
 */
export function renameFix(context: RuleContext, pointer: string, names: readonly string[]): RuleFix | undefined {
  const parent = parentPointer(pointer);
  const free = names.filter((name) => !context.has(`${parent}/${escapeToken(name)}`));
  if (free.length === 0) return undefined;
  const [first, second] = free;
  const changes = free.map((name) => `${parent}/${escapeToken(name)}`);
  if (second === undefined) return renameKeyFix(context, pointer, first);
  const copy = copiedEntry(context, pointer, second);
  return copy ? { edits: [{ pointer, at: 'key', text: first }, copy], changes } : undefined;
}

/** A copy of the block-mapping entry at `pointer` under another key, inserted after the end of its last line. */
function copiedEntry(context: RuleContext, pointer: string, name: string): RangeEdit | undefined {
  const source = context.source;
  const key = context.span?.(pointer, 'key');
  const value = context.span?.(pointer, 'value');
  if (source === undefined || !key || !value) return undefined;
  const indent = source.slice(lineStart(source, key[0]), key[0]);
  // A block value's span runs to the start of the next line: the copy ends where the value's text does.
  const end = key[1] + source.slice(key[1], value[1]).trimEnd().length;
  const entry = source.slice(key[1], end);
  // Only a block entry on its own line can be copied below itself; anchors and aliases would be defined twice.
  if (!/^[ ]*$/.test(indent) || /[&*][\w-]|<</.test(entry)) return undefined;
  const rest = /^[^\r\n]*/.exec(source.slice(end))?.[0] ?? '';
  if (!/^\s*(#.*)?$/.test(rest)) return undefined;
  const at = end + rest.length;
  const newline = newlineOf(source);
  const body = entry.replace(/\r?\n/g, newline);
  return { start: at, end: at, text: `${newline}${indent}${name}${body}` };
}

/**
 * `plex.sync_mode` -> `settings.sync_mode` (and the same per library), as Kometa moves it: only when the target
 * name is free, the key sits on a line of its own in a block mapping that keeps other keys, and the target
 * section is a block mapping that exists. The line (with its comment) leaves its section and goes after the
 * target section's last line, at the indentation of the target's keys.
 */
export function moveFix(context: RuleContext, pointer: string, [section, name]: readonly [string, string]): RuleFix | undefined {
  const source = context.source;
  const from = parentPointer(pointer);
  const targetSection = `${parentPointer(from)}/${escapeToken(section)}`;
  const target = `${targetSection}/${escapeToken(name)}`;
  const here = context.get(from);
  const there = context.get(targetSection);
  if (source === undefined || context.has(target) || !isMapping(here) || Object.keys(here).length < 2 || !isMapping(there)) return undefined;
  const line = ownLine(context, source, pointer);
  const children = Object.keys(there).map((key) => `${targetSection}/${escapeToken(key)}`);
  const firstKey = children.length > 0 ? context.span?.(children[0], 'key') : undefined;
  if (!line || !firstKey) return undefined;
  const indent = source.slice(lineStart(source, firstKey[0]), firstKey[0]);
  if (!/^ +$/.test(indent)) return undefined;
  // After the last line of the target section's last key (its value and trailing comment).
  let end = -1;
  for (const child of children) {
    const span = context.span?.(child, 'value') ?? context.span?.(child, 'key');
    if (!span) return undefined;
    end = Math.max(end, span[0] + source.slice(span[0], span[1]).trimEnd().length);
  }
  const eol = source.slice(end).search(/\r?\n|$/);
  const at = end + eol;
  const newline = newlineOf(source);
  const moved: RangeEdit = { start: at, end: at, text: `${newline}${indent}${name}${line.text.slice(line.key.length)}` };
  const removed: RangeEdit = { start: line.start, end: line.end, text: '' };
  // Never both edits in one place: the line must not be inside the target section's text.
  if (at >= line.start && at <= line.end) return undefined;
  return { edits: [removed, moved], changes: [target] };
}

/** A `key: value` entry written on one line of its own, the range of that line with its line break, and its text. */
function ownLine(context: RuleContext, source: string, pointer: string): { start: number; end: number; text: string; key: string } | undefined {
  const key = context.span?.(pointer, 'key');
  const value = context.span?.(pointer, 'value');
  if (!key || !value) return undefined;
  const start = lineStart(source, key[0]);
  const breakAt = source.indexOf('\n', value[0]);
  if (!/^ *$/.test(source.slice(start, key[0])) || breakAt === -1) return undefined;
  const valueEnd = value[0] + source.slice(value[0], value[1]).trimEnd().length;
  if (valueEnd > breakAt || !/^\s*(#.*)?$/.test(source.slice(valueEnd, breakAt))) return undefined;
  const text = source.slice(key[0], breakAt).replace(/\r$/, '');
  return { start, end: breakAt + 1, text, key: source.slice(key[0], key[1]) };
}
