import { blankJsonc, topLevelObject } from './jsonc';

/** The VS Code setting of the YAML extension (redhat.vscode-yaml) that maps schemas to file globs. */
export const YAML_SCHEMAS_KEY = 'yaml.schemas';

/** Why settings.json was left alone. */
export class SettingsEditError extends Error {
  override readonly name = 'SettingsEditError';
  constructor(
    readonly code: 'SETTINGS_INVALID' | 'SETTINGS_COMMENTED' | 'SETTINGS_NOT_OBJECT',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The outcome of merging our schema entry into a settings.json text. */
export interface SettingsMerge {
  /** The new file text; equal to the input when nothing had to change. */
  readonly text: string;
  readonly changed: boolean;
  /** Globs of ours that another schema also claims; the editor would apply both. */
  readonly conflicts: readonly { readonly glob: string; readonly schema: string }[];
}

type SchemaMap = Record<string, unknown>;

function globsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function detectIndent(text: string): string {
  const match = /^([ \t]+)"/m.exec(text);
  return match ? match[1] : '    ';
}

/** JSON for a value that starts at `baseIndent`, continuation lines indented to match. */
function serialise(value: unknown, unit: string, baseIndent: string, eol: string): string {
  return JSON.stringify(value, null, unit).split('\n').join(`${eol}${baseIndent}`);
}

function lineIndentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/**
 * Adds `schema -> globs` to `yaml.schemas` in a VS Code settings.json text, changing only that property's
 * value (or inserting the property first in the object) so the rest of the file stays byte for byte.
 * Globs already mapped to the schema are kept; other schemas are never touched, only reported when they
 * claim one of our globs. Comments are fine anywhere except inside `yaml.schemas` when it must change.
 *
 * @param existing the current file text, or `undefined` when there is no file yet.
 * @throws {SettingsEditError} when the file is not a JSON(C) object or its `yaml.schemas` cannot be edited safely.
 */
export function mergeYamlSchemas(existing: string | undefined, schema: string, globs: readonly string[]): SettingsMerge {
  if (existing === undefined || existing.trim() === '') {
    const text = `${JSON.stringify({ [YAML_SCHEMAS_KEY]: { [schema]: [...globs] } }, null, 4)}\n`;
    return { text, changed: true, conflicts: [] };
  }
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const unit = detectIndent(existing);
  let blanked;
  let object;
  try {
    blanked = blankJsonc(existing);
    object = topLevelObject(blanked.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof Error && 'code' in error && error.code === 'JSONC_NOT_OBJECT') throw new SettingsEditError('SETTINGS_NOT_OBJECT', reason, { cause: error });
    throw new SettingsEditError('SETTINGS_INVALID', `it is not valid JSON with comments (${reason})`, { cause: error });
  }
  const property = [...object.properties].reverse().find((candidate) => candidate.key === YAML_SCHEMAS_KEY);

  if (property === undefined) {
    const indent = lineIndentAt(existing, object.properties[0]?.keyStart ?? object.open + 1) || unit;
    const value = serialise({ [schema]: [...globs] }, unit, indent, eol);
    const separator = object.properties.length > 0 ? ',' : '';
    const closeOnOwnLine = object.properties.length === 0 ? eol : '';
    const insertion = `${eol}${indent}${JSON.stringify(YAML_SCHEMAS_KEY)}: ${value}${separator}${closeOnOwnLine}`;
    const at = object.open + 1;
    const rest = object.properties.length === 0 ? existing.slice(object.close) : existing.slice(at);
    return { text: existing.slice(0, at) + insertion + rest, changed: true, conflicts: [] };
  }

  const current = JSON.parse(blanked.text.slice(property.valueStart, property.valueEnd)) as unknown;
  if (current === null || typeof current !== 'object' || Array.isArray(current)) {
    throw new SettingsEditError('SETTINGS_INVALID', `"${YAML_SCHEMAS_KEY}" is not an object`);
  }
  const schemas = current as SchemaMap;
  const conflicts = Object.entries(schemas)
    .filter(([other]) => other !== schema)
    .flatMap(([other, value]) => globsOf(value).filter((glob) => globs.includes(glob)).map((glob) => ({ glob, schema: other })));
  const mine = globsOf(schemas[schema]);
  const added = globs.filter((glob) => !mine.includes(glob));
  if (added.length === 0 && schema in schemas) return { text: existing, changed: false, conflicts };

  const commented = blanked.comments.some(([start, end]) => start < property.valueEnd && end > property.valueStart);
  if (commented) {
    throw new SettingsEditError('SETTINGS_COMMENTED', `"${YAML_SCHEMAS_KEY}" contains comments, which an automatic edit would lose`);
  }
  const merged: SchemaMap = { ...schemas, [schema]: [...mine, ...added] };
  const value = serialise(merged, unit, lineIndentAt(existing, property.keyStart), eol);
  return { text: existing.slice(0, property.valueStart) + value + existing.slice(property.valueEnd), changed: true, conflicts };
}
