/** Values Kometa reads as "not set": null (a blank YAML value, or `####…` which YAML reads as a comment) and blank strings. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * Text that users leave in from templates and examples instead of a real credential, e.g.
 * `<client id>`, `Client ID here`, `your_client_id`, `(redacted)`, `xxxxxxxx`, `#######`.
 */
const TEMPLATE_TEXT: readonly RegExp[] = [
  /^<[^<>]*>$/,
  /\bhere\b/i,
  /^your[\s_-]/i,
  /^enter[\s_-]/i,
  /redacted/i,
  /^x{4,}$/i,
  /^#+$/,
  /^\.{3,}$/,
];

/** Whether a string is template text rather than a value (placeholders like `<<NAME>>` are checked first by the caller). */
export function isTemplateText(value: unknown): boolean {
  return typeof value === 'string' && TEMPLATE_TEXT.some((pattern) => pattern.test(value.trim()));
}

/** Whether the value is a mapping (YAML map), not a list or scalar. */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A YAML type name for messages: never the value itself, which may be a secret. */
export function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'blank';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return 'a string';
}
