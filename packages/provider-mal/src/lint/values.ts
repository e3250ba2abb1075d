/** A plain YAML mapping after parsing. */
export type YamlMap = Record<string, unknown>;

/** Whether the value is a YAML mapping (not a sequence, not a scalar). */
export function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether Kometa would treat the value as blank: a missing value, `null` or a whitespace-only string. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Text left in from templates, examples or an author's redaction instead of a real value: `<client id>`,
 * `Client ID here`, `your_client_id`, `(redacted)`, `XXXX-redacted-XXXX`, `(removed)`, `xxxx`, `####`. Shared
 * configs are full of them, so rules never judge the format of such a value (same policy as the Trakt plugin).
 */
const TEMPLATE_TEXT: readonly RegExp[] = [
  /^<[^<>]*>$/,
  /^\[[^[\]]*\]$/,
  /\bhere\b/i,
  /^your[\s_-]/i,
  /^enter[\s_-]/i,
  /redacted|removed/i,
  /^x{3,}$/i,
  /^[#*]{3,}$/,
  /^\.{3,}$/,
];

/** Whether a string is template text rather than a value (placeholders such as `<<NAME>>` are checked by the caller). */
export function isTemplateText(value: unknown): boolean {
  return typeof value === 'string' && TEMPLATE_TEXT.some((pattern) => pattern.test(value.trim()));
}

/** Names a YAML value's type the way users read it in a message. */
export function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'blank';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return 'a boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal number';
  return typeof value;
}
