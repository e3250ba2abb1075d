/**
 * Just enough JSONC (VS Code's settings.json dialect) to edit one top-level property in place: comments and
 * trailing commas blanked out position for position, and the top-level properties with their text ranges.
 */

/** Why a settings file cannot be edited safely. */
export class JsoncError extends Error {
  override readonly name = 'JsoncError';
  constructor(
    readonly code: 'JSONC_INVALID' | 'JSONC_NOT_OBJECT',
    message: string,
  ) {
    super(message);
  }
}

/** The text with comments and trailing commas replaced by spaces (newlines kept), so offsets still match. */
export interface Blanked {
  readonly text: string;
  /** Ranges `[start, end)` of the comments in the original text. */
  readonly comments: readonly (readonly [number, number])[];
}

const blank = (segment: string): string => segment.replace(/[^\r\n]/g, ' ');

/** Blanks comments and trailing commas outside strings. */
export function blankJsonc(source: string): Blanked {
  // A byte-order mark is legal in settings.json but not in JSON.parse's input.
  let out = source.startsWith('\uFEFF') ? ' ' : '';
  const comments: [number, number][] = [];
  let i = out.length;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '"') {
      const end = stringEnd(source, i);
      out += source.slice(i, end);
      i = end;
    } else if (ch === '/' && source[i + 1] === '/') {
      const newline = source.indexOf('\n', i);
      const end = newline < 0 ? source.length : newline;
      comments.push([i, end]);
      out += blank(source.slice(i, end));
      i = end;
    } else if (ch === '/' && source[i + 1] === '*') {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) throw new JsoncError('JSONC_INVALID', 'a /* comment is never closed');
      comments.push([i, close + 2]);
      out += blank(source.slice(i, close + 2));
      i = close + 2;
    } else {
      out += ch;
      i++;
    }
  }
  return { text: blankTrailingCommas(out), comments };
}

/** A comma followed only by blanks and a closing bracket is a trailing comma; strings are left alone. */
function blankTrailingCommas(text: string): string {
  const chars = text.split('');
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '"') i = stringEnd(text, i) - 1;
    else if (chars[i] === ',' && /^\s*[}\]]/.test(text.slice(i + 1))) chars[i] = ' ';
  }
  return chars.join('');
}

function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
    else if (text[i] === '\n') break;
  }
  throw new JsoncError('JSONC_INVALID', `a string starting at offset ${start} is never closed`);
}

/** One property of the top-level object: key and value ranges in the (blanked) text. */
export interface TopLevelProperty {
  readonly key: string;
  readonly keyStart: number;
  readonly valueStart: number;
  readonly valueEnd: number;
}

/** The top-level object of a blanked settings text: where its braces are and its properties in order. */
export interface TopLevelObject {
  readonly open: number;
  readonly close: number;
  readonly properties: readonly TopLevelProperty[];
}

const skipBlanks = (text: string, i: number): number => {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
};

function valueEnd(text: string, start: number): number {
  const ch = text[start];
  if (ch === '"') return stringEnd(text, start);
  if (ch === '{' || ch === '[') {
    let depth = 0;
    for (let i = start; i < text.length; i++) {
      const c = text[i];
      if (c === '"') i = stringEnd(text, i) - 1;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    throw new JsoncError('JSONC_INVALID', `a ${ch === '{' ? 'brace' : 'bracket'} at offset ${start} is never closed`);
  }
  const match = /^[^\s,}\]]+/.exec(text.slice(start));
  if (!match) throw new JsoncError('JSONC_INVALID', `a value is missing at offset ${start}`);
  return start + match[0].length;
}

/**
 * Scans the top-level object of a blanked text. The whole text must also be valid JSON; that is checked
 * with `JSON.parse` so that this scanner never has to be a full parser.
 */
export function topLevelObject(blanked: string): TopLevelObject {
  try {
    JSON.parse(blanked);
  } catch (error) {
    throw new JsoncError('JSONC_INVALID', error instanceof Error ? error.message : String(error));
  }
  const open = skipBlanks(blanked, 0);
  if (blanked[open] !== '{') throw new JsoncError('JSONC_NOT_OBJECT', 'the file does not hold a JSON object');
  const properties: TopLevelProperty[] = [];
  let i = skipBlanks(blanked, open + 1);
  while (blanked[i] !== '}') {
    const keyStart = i;
    const keyEnd = stringEnd(blanked, i);
    const key = JSON.parse(blanked.slice(keyStart, keyEnd)) as string;
    const valueStart = skipBlanks(blanked, skipBlanks(blanked, keyEnd) + 1);
    const end = valueEnd(blanked, valueStart);
    properties.push({ key, keyStart, valueStart, valueEnd: end });
    i = skipBlanks(blanked, end);
    if (blanked[i] === ',') i = skipBlanks(blanked, i + 1);
  }
  return { open, close: i, properties };
}
