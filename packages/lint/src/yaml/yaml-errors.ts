import type { YAMLError } from 'yaml';
import type { Severity } from '@pmm-config/plugin';
import type { SourceMap, Span } from './source-map';

/** A parser message turned into something a Kometa user can act on. */
export interface DescribedYamlError {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly hint?: string;
  readonly span: Span;
  /** Whether the parser lost track of the structure (later structural messages are echoes). */
  readonly structural: boolean;
  /** Where the node the message is about starts, when that is not the span's start (a tag precedes its value). */
  readonly nodeOffset?: number;
}

interface Line {
  readonly start: number;
  readonly text: string;
  readonly number: number;
}

function lineAt(source: string, offset: number): Line {
  const start = source.lastIndexOf('\n', offset - 1) + 1;
  let end = source.indexOf('\n', offset);
  if (end === -1) end = source.length;
  let number = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < start; i = source.indexOf('\n', i + 1)) number++;
  return { start, text: source.slice(start, end).replace(/\r$/, ''), number };
}

function nextContentLine(source: string, line: Line): Line | undefined {
  let start = line.start + line.text.length;
  let number = line.number;
  while (start < source.length) {
    const newline = source.indexOf('\n', start);
    if (newline === -1) return undefined;
    start = newline + 1;
    number++;
    let end = source.indexOf('\n', start);
    if (end === -1) end = source.length;
    const text = source.slice(start, end).replace(/\r$/, '');
    if (text.trim() !== '' && !text.trim().startsWith('#')) return { start, text, number };
  }
  return undefined;
}

function previousContentLine(source: string, line: Line): Line | undefined {
  let end = line.start - 1;
  let number = line.number;
  while (end > 0) {
    const start = source.lastIndexOf('\n', end - 1) + 1;
    number--;
    const text = source.slice(start, end).replace(/\r$/, '');
    if (text.trim() !== '' && !text.trim().startsWith('#')) return { start, text, number };
    end = start - 1;
  }
  return undefined;
}

const indentOf = (text: string): number => text.length - text.trimStart().length;

const TAB_MESSAGE = 'Tabs are not allowed in YAML files; only spaces are allowed.';
const STRUCTURAL_HINT = 'Check the indentation of this line against its siblings; nested keys go 2 spaces deeper than their parent.';

/** Keys whose value is masked: a parser message must never echo the text of a secret line. */
const SECRET_LINE = /^\s*(?:-\s+)?(client_secret|client_id|access_token|refresh_token|token|apikey|api_key|pin|password)\s*:/i;

function quote(text: string, line: Line): string {
  return SECRET_LINE.test(line.text) ? '(secret value)' : `\`${text.length > 40 ? text.slice(0, 37) + '…' : text}\``;
}

function describeImplicitKey(source: string, error: YAMLError, line: Line): DescribedYamlError {
  const column = error.pos[0] - line.start;
  const rest = line.text.slice(column);
  const glued = /^(.*?\S)\s{2,}((?:-\s+)?[\w"'-][^:#]*:(?:\s|$).*)$/.exec(rest);
  if (glued) {
    return {
      rule: 'yaml/syntax',
      severity: 'error',
      message: `Line ${line.number} holds two lines glued together: ${quote(glued[2].trim(), line)} starts a new entry.`,
      hint: `Put ${quote(glued[2].trim(), line)} on its own line with the indentation of its siblings.`,
      span: [line.start + column + glued[1].length, line.start + line.text.length],
      structural: true,
    };
  }
  const keyMatch = /^(\s*(?:-\s+)?)([^:#]+?):\s+\S/.exec(line.text);
  const next = nextContentLine(source, line);
  if (keyMatch && next && indentOf(next.text) > indentOf(line.text)) {
    const key = keyMatch[2].trim();
    const nextKeyEnd = next.start + next.text.search(/:(\s|$)/);
    return {
      rule: 'yaml/syntax',
      severity: 'error',
      message: `\`${key}\` already has a value on line ${line.number}, but line ${next.number} is indented under it as if it were a nested key.`,
      hint: `Either remove the value after \`${key}:\` so that the indented lines belong to it, or indent line ${next.number} like \`${key}\`.`,
      span: [error.pos[0], nextKeyEnd > next.start ? nextKeyEnd + 1 : next.start + next.text.length],
      structural: true,
    };
  }
  const item = /^(\s*)-\s/.exec(line.text);
  const previous = previousContentLine(source, line);
  const previousItem = previous && /^(\s*)-\s/.exec(previous.text);
  if (item && previousItem && item[1].length !== previousItem[1].length) {
    return {
      rule: 'yaml/syntax',
      severity: 'error',
      message: `This list item starts in column ${item[1].length + 1}, but the item on line ${previous.number} starts in column ${previousItem[1].length + 1}.`,
      hint: 'Items of one list must start in the same column; indent the dashes alike.',
      span: [line.start + item[1].length, line.start + line.text.length],
      structural: true,
    };
  }
  const valueWithColon = keyMatch && /:\s/.test(line.text.slice(column));
  if (valueWithColon && keyMatch) {
    const key = keyMatch[2].trim();
    const value = line.text.slice(column).replace(/\s+#.*$/, '').trim();
    return {
      rule: 'yaml/syntax',
      severity: 'error',
      message: `The value of \`${key}\` contains ': ', which YAML reads as the start of another key.`,
      hint: `Quote the value: \`${key}: "${SECRET_LINE.test(line.text) ? '…' : value}"\``,
      span: [error.pos[0], line.start + line.text.length],
      structural: true,
    };
  }
  return {
    rule: 'yaml/syntax',
    severity: 'error',
    message: 'A key here spans more than one line or holds a nested mapping on the same line.',
    hint: STRUCTURAL_HINT,
    span: [error.pos[0], Math.max(error.pos[0] + 1, line.start + line.text.length)],
    structural: true,
  };
}

function describeMissingColon(error: YAMLError, line: Line): DescribedYamlError {
  const glued = /^(\s*(?:-\s+)?)([^\s:#][^:#]*?):(\S.*)$/.exec(line.text);
  if (glued) {
    const key = glued[2].trim();
    return {
      rule: 'yaml/syntax',
      severity: 'error',
      message: `\`${key}:\` has no space after the colon, so YAML reads the whole line as text instead of a key and a value.`,
      hint: `Add a space after ':': \`${key}: ${SECRET_LINE.test(line.text) ? '…' : glued[3]}\``,
      span: [line.start + glued[1].length, line.start + line.text.length],
      structural: true,
    };
  }
  return {
    rule: 'yaml/syntax',
    severity: 'error',
    message: 'A key is missing its `:` (or this line is text where a key was expected).',
    hint: STRUCTURAL_HINT,
    span: [error.pos[0], Math.max(error.pos[0] + 1, line.start + line.text.length)],
    structural: true,
  };
}

/** The value a tag belongs to; a tag with nothing after it on its line belongs to the key before it. */
function tagTarget(source: string, start: number, length: number): number {
  const after = /^[ \t]*/.exec(source.slice(start + length))?.[0].length ?? 0;
  const next = source[start + length + after];
  if (next === undefined || next === '\n' || next === '\r' || next === '#') return Math.max(0, source.lastIndexOf(':', start));
  return start + length + after;
}

function describeTag(source: string, error: YAMLError): DescribedYamlError {
  const tag = /![^\s]*/.exec(source.slice(error.pos[0], error.pos[0] + 100))?.[0] ?? '!';
  const secret = SECRET_LINE.test(lineAt(source, error.pos[0]).text);
  const quoted = secret ? "'!…'" : `'${tag}${source.slice(error.pos[0] + tag.length, error.pos[1]).trimEnd()}'`;
  const known = /^!(env|env_var|ENV|include|secret)$/i.test(tag);
  return {
    rule: 'yaml/unknown-tag',
    severity: 'error',
    message: known
      ? `Kometa does not support the YAML tag \`${tag}\`: the value after it is not read from the environment, so this setting cannot work.`
      : `\`${tag}\` is read as a YAML tag, not as text: Kometa loads the value as a tagged object it cannot use.`,
    hint: known
      ? 'Use a Kometa config secret instead: write `<<NAME>>` and set KOMETA_NAME in the environment.'
      : `Quote values that start with '!', '&', '*', '{' or '[': \`${quoted}\`.`,
    span: [error.pos[0], error.pos[0] + tag.length],
    structural: false,
    nodeOffset: tagTarget(source, error.pos[0], tag.length),
  };
}

function describeDuplicate(source: string, error: YAMLError, map: SourceMap): DescribedYamlError {
  const duplicate = map.duplicates.find((d) => d.repeat[0] === error.pos[0]) ?? map.duplicates.find((d) => d.repeat[0] >= error.pos[0]);
  if (!duplicate) {
    return { rule: 'yaml/duplicate-key', severity: 'error', message: 'A key appears twice in the same mapping; Kometa stops with a DuplicateKeyError.', span: [error.pos[0], error.pos[1]], structural: false };
  }
  const firstLine = lineAt(source, duplicate.first[0]).number;
  return {
    rule: 'yaml/duplicate-key',
    severity: 'error',
    message: `Duplicate key \`${duplicate.key}\`: it is already defined on line ${firstLine}. Kometa stops with a DuplicateKeyError.`,
    hint: `Rename one of the two \`${duplicate.key}\` entries or merge them into one.`,
    span: duplicate.repeat,
    structural: false,
  };
}

/** The parser notices a missing closing quote only at the end; point at the quote that was opened instead. */
function describeUnclosedQuote(source: string, error: YAMLError): DescribedYamlError {
  const quote = /closing (['"])/.exec(error.message)?.[1] ?? '"';
  let open = source.lastIndexOf(quote, Math.max(0, error.pos[0] - 1));
  while (open > 0 && quote === '"' && source[open - 1] === '\\') open = source.lastIndexOf(quote, open - 1);
  const start = open >= 0 ? open : error.pos[0];
  const line = lineAt(source, start);
  return {
    rule: 'yaml/syntax',
    severity: 'error',
    message: `This ${quote === '"' ? 'double' : 'single'} quote is never closed, so YAML reads everything after it as one text.`,
    hint: `Add the closing ${quote} at the end of the value on line ${line.number}, or remove the opening one.`,
    span: [start, start + 1],
    structural: true,
  };
}

/** Explains one parser error or warning with a Kometa-flavoured message and a fix hint. */
export function describeYamlError(source: string, error: YAMLError, map: SourceMap): DescribedYamlError {
  const line = lineAt(source, error.pos[0]);
  if (error.code === 'TAB_AS_INDENT' || (error.name === 'YAMLParseError' && /^[ ]*\t/.test(line.text))) {
    const tab = line.text.indexOf('\t');
    return { rule: 'yaml/tab', severity: 'error', message: TAB_MESSAGE, hint: 'Replace the tab with spaces (2 per level).', span: [line.start + Math.max(0, tab), line.start + Math.max(0, tab) + 1], structural: false };
  }
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return describeDuplicate(source, error, map);
    case 'TAG_RESOLVE_FAILED':
      return describeTag(source, error);
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return describeImplicitKey(source, error, line);
    case 'MISSING_CHAR':
      if (/closing .?quote/i.test(error.message)) return describeUnclosedQuote(source, error);
      return /map values/.test(error.message) ? describeMissingColon(error, line) : generic(error, line);
    case 'BAD_INDENT':
      return {
        rule: 'yaml/syntax',
        severity: 'error',
        message: 'This line is indented differently from its siblings.',
        hint: 'Items of one mapping or list must start in the same column.',
        span: [error.pos[0], Math.max(error.pos[0] + 1, line.start + line.text.length)],
        structural: true,
      };
    case 'MULTIPLE_DOCS':
      return { rule: 'yaml/syntax', severity: 'error', message: 'The file holds more than one YAML document; Kometa reads exactly one.', hint: 'Remove the second `---` and what follows, or merge the documents.', span: [error.pos[0], error.pos[1]], structural: false };
    default:
      return generic(error, line);
  }
}

function generic(error: YAMLError, line: Line): DescribedYamlError {
  const warning = error.name === 'YAMLWarning';
  return {
    rule: 'yaml/syntax',
    severity: warning ? 'warning' : 'error',
    message: `YAML: ${error.message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '')}.`.replace(/\.\.$/, '.'),
    hint: warning ? undefined : STRUCTURAL_HINT,
    span: [error.pos[0], Math.max(error.pos[0] + 1, Math.min(error.pos[1], line.start + line.text.length))],
    structural: !warning,
  };
}
