import { parseDocument, isMap, isScalar, Scalar } from 'yaml';
import { ConfigEditError } from './errors';

/** How the value being replaced was quoted; a new string keeps the user's quoting where it can. */
export type QuoteStyle = 'plain' | 'single' | 'double';

/**
 * Writes a scalar so that YAML reads back exactly this value: strings plain when both the YAML 1.2 core schema
 * and YAML 1.1 (still used by some tools around Kometa) read them back as the same string, double-quoted
 * otherwise (`"12345678"`, `"true"`, `"a: b"`). `null` is the empty string, so `pin: null` is written `pin:`.
 * With `quote` set, a string is written in that quoting instead (single quotes only when no escape is needed).
 */
export function formatScalar(value: string | number | boolean | null, quote: QuoteStyle = 'plain'): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ConfigEditError('CONFIG_EDIT_INVALID_EDIT', 'cannot write a non-finite number');
    return Object.is(value, -0) ? '0' : String(value);
  }
  if (quote === 'double') return doubleQuote(value);
  if (quote === 'single' && !hasUnsafeChar(value)) return `'${value.replace(/'/g, "''")}'`;
  return readsBackPlain(value, 'value') ? value : doubleQuote(value);
}

/** Writes a mapping key: plain when safe in key position, double-quoted otherwise. */
export function formatKey(key: string): string {
  if (key === '') throw new ConfigEditError('CONFIG_EDIT_INVALID_EDIT', 'cannot write an empty key');
  return readsBackPlain(key, 'key') ? key : doubleQuote(key);
}

/** Characters YAML would treat as line breaks, byte order marks or non-printable: never left plain. */
function isUnsafeChar(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0xfeff;
}

function hasUnsafeChar(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) if (isUnsafeChar(text.charCodeAt(index))) return true;
  return false;
}

function readsBackPlain(text: string, position: 'key' | 'value'): boolean {
  if (text === '' || text !== text.trim() || hasUnsafeChar(text)) return false;
  const probe = position === 'key' ? `${text}: v\n` : `k: ${text}\n`;
  return (['core', 'yaml-1.1'] as const).every((schema) => {
    const doc = parseDocument(probe, { schema, uniqueKeys: false, prettyErrors: false });
    if (doc.errors.length > 0 || doc.warnings.length > 0 || !isMap(doc.contents)) return false;
    const pair = doc.contents.items[0];
    if (doc.contents.items.length !== 1 || pair === undefined) return false;
    const node = position === 'key' ? pair.key : pair.value;
    return isScalar(node) && node.type === Scalar.PLAIN && node.value === text;
  });
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\0': '\\0',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

function doubleQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const escaped = ESCAPES[ch];
    if (escaped !== undefined) out += escaped;
    else if (isUnsafeChar(ch.charCodeAt(0))) out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
