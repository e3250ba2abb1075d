import { escapeToken } from '../pointer';
import { isMapping, type Mapping } from './definitions';

/** A template a file can call: its body and where it was defined (for messages). */
export interface TemplateSource {
  readonly body: Mapping;
  /** `movies.yml:12`: the template's line, for the message at the call. */
  readonly where: string;
  /** `template_variables` of the `external_templates` block that supplied it (Kometa's External layer). */
  readonly blockVariables: Mapping;
}

/** The templates a file can call, and whether some could not be read offline (then a missing name proves nothing). */
export interface TemplateScope {
  readonly templates: ReadonlyMap<string, TemplateSource>;
  /** Some `external_templates` are remote (`default`, `url`, `git`, `repo`) or could not be loaded. */
  readonly incomplete: boolean;
}

/**
 * Variables Kometa provides itself (reference kometa-files-deep.md §5.4) and the tokens the builder replaces
 * after templating (`<<key_name>>`, `<<limit>>`, `<<title>>`, `<<smart_label>>`, translations), which are legal
 * in a final definition.
 */
const PROVIDED = new Set([
  'collection_name', 'overlay_name', 'playlist_name', 'collection_sort', 'overlay_sort', 'playlist_sort',
  'mapping_name', 'mapping_sort', 'current_year', 'current_month', 'current_day', 'library_type', 'library_typeU',
  'library_name', 'original_key_name', 'key_name_first_letter', 'name',
  'key_name', 'limit', 'title', 'smart_label', 'library_translation', 'library_translationU',
]);

/** One `<<variable>>` a template body uses. */
export interface VariableUse {
  readonly name: string;
  /** The template-body attribute it appears in (`tmdb_discover`). */
  readonly attribute: string;
}

/** `<<var>>`, innermost first (`<<limit_<<key>>>>` yields `key`; the outer name is only known after substitution). */
const VARIABLE = /<<([^<>]+)>>/g;

/** The variable a reference reads: arithmetic (`<<x+1>>`) and the automatic `_encoded` twin name the same variable. */
function variableName(reference: string): string {
  return reference.replace(/[+-]\d+$/, '').replace(/_encoded$/, '');
}

function referencesIn(text: string): string[] {
  return [...text.matchAll(VARIABLE)].map((match) => variableName(match[1] as string));
}

/** The keys of a template body that are instructions to the template engine, not attributes. */
const SPECIAL = new Set(['default', 'optional', 'conditionals', 'move_prefix', 'move_collection_prefix']);

/** Every `<<variable>>` the attributes of a template body use, outside its own `default:`/`conditionals:` blocks. */
export function variableUses(body: Mapping): VariableUse[] {
  const uses: VariableUse[] = [];
  for (const [attribute, value] of Object.entries(body)) {
    if (SPECIAL.has(attribute)) continue;
    for (const name of referencesIn(attribute)) uses.push({ name, attribute });
    const stack: unknown[] = [value];
    while (stack.length > 0) {
      const node = stack.pop();
      if (typeof node === 'string') for (const name of referencesIn(node)) uses.push({ name, attribute });
      else if (Array.isArray(node)) stack.push(...node);
      else if (isMapping(node)) {
        for (const [key, child] of Object.entries(node)) {
          for (const name of referencesIn(key)) uses.push({ name, attribute });
          // Text overlays name runtime values (`text(<<runtime>>)`); those are not template variables.
          if (attribute === 'overlay' && key === 'name') continue;
          stack.push(child);
        }
      }
    }
  }
  return uses;
}

function listOf(value: unknown): string[] {
  if (typeof value === 'string') return value.split(',').map((item) => item.trim()).filter(Boolean);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string').map((item) => item.trim());
  return [];
}

/** Names a template supplies itself: its `default:` keys, `conditionals:` names and `optional:` list. */
export function selfSupplied(body: Mapping): Set<string> {
  const names = new Set<string>();
  if (isMapping(body['default'])) for (const key of Object.keys(body['default'])) names.add(key);
  if (isMapping(body['conditionals'])) for (const key of Object.keys(body['conditionals'])) names.add(key);
  for (const name of listOf(body['optional'])) names.add(name);
  return names;
}

/** Names a layer of variables supplies: its keys, and the keys of the `default:`/`conditionals:` it may carry. */
export function layerNames(layer: unknown): Set<string> {
  const names = new Set<string>();
  if (!isMapping(layer)) return names;
  for (const [key, value] of Object.entries(layer)) {
    if ((key === 'default' || key === 'conditionals') && isMapping(value)) for (const inner of Object.keys(value)) names.add(inner);
    else names.add(key);
  }
  return names;
}

export function isProvided(name: string): boolean {
  return PROVIDED.has(name);
}

/**
 * Every name a template mentions anywhere (attributes, `default:` values and keys, condition keys, `optional:`),
 * as patterns: a name built from another variable (`limit_<<key>>`) matches any text in its place. A variable
 * passed in a call that matches none of them reaches nothing.
 */
export function mentionedNames(body: Mapping): RegExp[] {
  const names = new Set<string>();
  const visit = (text: string) => {
    for (const name of referencesIn(text)) names.add(name);
    // the whole reference, inner variables kept, so `<<limit_<<key>>>>` becomes the pattern `limit_*`
    let depth = 0;
    let start = -1;
    for (let i = 0; i < text.length; i++) {
      if (text.startsWith('<<', i)) {
        if (depth === 0) start = i + 2;
        depth++;
        i++;
      } else if (text.startsWith('>>', i) && depth > 0) {
        depth--;
        if (depth === 0) names.add(variableName(text.slice(start, i)));
        i++;
      }
    }
  };
  const stack: unknown[] = [body];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') visit(node);
    else if (Array.isArray(node)) stack.push(...node);
    else if (isMapping(node)) {
      for (const [key, child] of Object.entries(node)) {
        visit(key);
        stack.push(child);
      }
    }
  }
  for (const name of selfSupplied(body)) names.add(name);
  // condition keys name variables too: `conditions: [{use_x: true, value: ...}]`
  if (isMapping(body['conditionals'])) {
    for (const conditional of Object.values(body['conditionals'])) {
      const conditions = isMapping(conditional) ? conditional['conditions'] : undefined;
      for (const condition of Array.isArray(conditions) ? conditions : [conditions]) {
        if (isMapping(condition)) for (const key of Object.keys(condition)) if (key !== 'value') names.add(key.replace(/\.(not|exists|notdefault)$/, ''));
      }
    }
  }
  return [...names].map((name) => new RegExp(`^${name.split(/<<[^]*?>>/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`));
}

/** The calls of a definition: `template: {name: X, ...vars}` or a list of such, with their pointers. */
export interface TemplateCall {
  readonly name: string;
  readonly pointer: string;
  readonly variables: Mapping;
}

export function templateCalls(body: Mapping, definitionPointer: string): TemplateCall[] {
  const key = Object.keys(body).find((k) => k.toLowerCase() === 'template');
  if (key === undefined) return [];
  const value = body[key];
  const at = `${definitionPointer}/${escapeToken(key)}`;
  const calls = Array.isArray(value) ? value.map((call, index) => [call, `${at}/${index}`] as const) : [[value, at] as const];
  return calls.flatMap(([call, pointer]) =>
    isMapping(call) && typeof call['name'] === 'string' && call['name'].trim() !== '' ? [{ name: call['name'], pointer, variables: call }] : [],
  );
}
