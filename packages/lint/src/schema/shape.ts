import { isSecretKey, maskSecret, renameKeySuggestion, replaceValueSuggestion, type RuleReport } from '@pmm-config/plugin';
import { didYouMean } from '../did-you-mean';
import { isEnvReference, isPlaceholder } from '../placeholder';
import { escapeToken, lastToken, parsePointer } from '../pointer';
import type { SchemaError } from './types';

/** A schema finding before positioning. */
export interface SchemaFinding extends RuleReport {
  readonly rule: string;
}

export interface ShapeOptions {
  /** Top-level section names, so a section nested by mistake inside another one is named as such. */
  readonly topLevelKeys: readonly string[];
  /**
   * What Kometa does with an unknown key (default: ignores it, a warning). A linked file's definition fails on an
   * unknown attribute, so its kind says `error` and Kometa's own words.
   */
  readonly unknownKey?: (error: SchemaError) => { readonly severity: 'error' | 'warning'; readonly consequence: string } | undefined;
  /** What Kometa does with a value in the wrong format (default: takes or skips it, a warning). */
  readonly invalidValue?: (error: SchemaError) => InvalidValue | undefined;
}

/** A value in a format Kometa enforces: what it does, what it takes, and the options when there are a few. */
export interface InvalidValue {
  readonly severity: 'error' | 'warning';
  readonly consequence: string;
  readonly expects: string;
  readonly options?: readonly string[];
}

const BRANCHING = new Set(['anyOf', 'oneOf']);
/** Keywords whose errors only summarise the errors of a sub-schema that are reported on their own. */
const SUMMARIES = new Set(['if', 'not', 'then', 'else', 'propertyNames', 'contains', 'allOf', '$ref']);

function underTemplateVariables(pointer: string): boolean {
  return parsePointer(pointer).includes('template_variables');
}

function isUnjudgeable(error: SchemaError): boolean {
  if (underTemplateVariables(error.instancePath)) return true;
  // A key built from a template variable (`tmdb_<<chart>>`) is only known after substitution.
  if (error.keyword === 'additionalProperties' && isPlaceholder(String(error.params.additionalProperty))) return true;
  if (isPlaceholder(error.data) || isEnvReference(error.instancePath, error.data)) return true;
  return false;
}

function branchOf(error: SchemaError, branching: SchemaError): string | undefined {
  const prefix = branching.schemaPath + '/';
  if (!error.schemaPath.startsWith(prefix)) return undefined;
  if (error.instancePath !== branching.instancePath && !error.instancePath.startsWith(branching.instancePath + '/')) return undefined;
  return error.schemaPath.slice(prefix.length).split('/')[0];
}

const depth = (error: SchemaError): number => (error.instancePath === '' ? 0 : error.instancePath.split('/').length);

const isAtOrUnder = (pointer: string, parent: string): boolean => pointer === parent || pointer.startsWith(parent + '/');

/**
 * The errors of a branch that reached them through a shared schema: those carry the shared schema's own path
 * (`#/pattern`), not the branch's, so they are found by position instead. ajv reports a branching right after the
 * errors of its branches, and those all lie at or under the branching's value.
 */
function sharedSchemaErrors(all: readonly SchemaError[], remaining: readonly SchemaError[], branching: SchemaError, grouped: ReadonlySet<SchemaError>): SchemaError[] {
  const found: SchemaError[] = [];
  for (let index = all.indexOf(branching) - 1; index >= 0; index--) {
    const error = all[index];
    if (!isAtOrUnder(error.instancePath, branching.instancePath)) break;
    if (!grouped.has(error) && remaining.includes(error) && !error.schemaPath.startsWith(branching.schemaPath + '/')) found.push(error);
  }
  return found.reverse();
}

/**
 * Collapses anyOf/oneOf noise the way editors do: keep the branch that fits the value best (its type matches,
 * it got deepest into the value, it has the fewest errors) and drop the others. A type error at the value is
 * dropped whenever some branch took the value's type, so a mapping with one odd value is never "not a mapping".
 */
function collapseBranches(errors: readonly SchemaError[]): SchemaError[] {
  let remaining = [...errors];
  const branchings = remaining.filter((e) => BRANCHING.has(e.keyword)).sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const branching of branchings) {
    if (!remaining.includes(branching)) continue;
    const groups = new Map<string, SchemaError[]>();
    for (const error of remaining) {
      const branch = branchOf(error, branching);
      if (branch !== undefined) groups.set(branch, [...(groups.get(branch) ?? []), error]);
    }
    const self = branching;
    const atSelf = (e: SchemaError) => e.keyword === 'type' && e.instancePath === self.instancePath;
    const shared = sharedSchemaErrors(errors, remaining, self, new Set([...groups.values()].flat()));
    remaining = remaining.filter((e) => e !== self);
    const branchErrors = [...[...groups.values()].flat(), ...shared];
    if (branchErrors.length === 0) continue;
    if (branchErrors.every(atSelf)) {
      // No branch takes the value's type: one finding naming every type that would do.
      const types = branchErrors.flatMap((e) => String(e.params.type).split(','));
      const merged: SchemaError = { ...branchErrors[0], params: { type: [...new Set(types)].join(',') } };
      const dropped = new Set(branchErrors);
      remaining = remaining.filter((e) => !dropped.has(e));
      remaining.push(merged);
      continue;
    }
    // Errors from shared schemas cannot be told apart by branch: they stay, except type errors at the value, since
    // some branch did take its type.
    const losers = new Set(shared.filter(atSelf));
    const fittedShared = shared.some((e) => !atSelf(e));
    const score = (group: SchemaError[]): [number, number, number] => [group.some(atSelf) ? 1 : 0, -Math.max(...group.map(depth)), group.length];
    const ranked = [...groups.values()].sort((a, b) => {
      const [x, y] = [score(a), score(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    });
    for (const group of ranked.slice(1)) for (const e of group) losers.add(e);
    // A winner that got past the value's type, or a shared schema that did, leaves no type error at the value.
    const winner = ranked[0] ?? [];
    if (fittedShared || winner.some((e) => !atSelf(e))) for (const e of winner) if (atSelf(e)) losers.add(e);
    remaining = remaining.filter((e) => !losers.has(e));
  }
  return remaining;
}

function describeType(types: string): string {
  // A boolean is two words of the list, so `boolean,null` reads "true, false or blank".
  const names: Record<string, string[]> = { integer: ['an integer'], number: ['a number'], string: ['text'], boolean: ['true', 'false'], array: ['a list'], object: ['a mapping'], null: ['blank'] };
  const list = types.split(',').flatMap((t) => names[t] ?? [t]);
  return list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'blank';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text \`${value.length > 40 ? value.slice(0, 37) + '…' : value}\``;
  return `\`${String(value)}\``;
}

/** A secret key's scalar value is masked; a list, mapping or blank is only named, and its type is no secret. */
function shown(pointer: string, value: unknown): string {
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  return scalar && isSecretKey(lastToken(pointer)) ? maskSecret(value) : describeValue(value);
}

/** A readable path for messages: the last few keys, list items as `[n]`: `operations.mass_genre_update[1]`. */
export function displayPath(pointer: string): string {
  const tokens = parsePointer(pointer);
  let out = '';
  let keys = 0;
  for (let i = tokens.length - 1; i >= 0 && keys < 2; i--) {
    const token = tokens[i];
    if (/^\d+$/.test(token)) out = `[${token}]${out}`;
    else {
      out = token + (out.startsWith('[') || out === '' ? out : `.${out}`);
      keys++;
    }
  }
  return out;
}

function name(pointer: string): string {
  return pointer === '' ? 'the config' : `\`${displayPath(pointer)}\``;
}

function unknownKey(error: SchemaError, options: ShapeOptions): SchemaFinding {
  const key = String(error.params.additionalProperty);
  const pointer = `${error.instancePath}/${escapeToken(key)}`;
  const properties = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
  const suggestion = didYouMean(key, properties);
  const parent = displayPath(error.instancePath);
  // Only a section one level down is likely to be a whole top-level section indented by mistake.
  const misplaced = parsePointer(error.instancePath).length === 1 && options.topLevelKeys.includes(key);
  const where = error.instancePath === '' ? 'at the top level' : `under \`${parent}\``;
  const children = (error.parentSchema?.properties as Record<string, { properties?: object } | undefined> | undefined) ?? {};
  const home = Object.keys(children).find((child) => Object.prototype.hasOwnProperty.call(children[child]?.properties ?? {}, key));
  let hint: string | undefined;
  if (home) hint = `\`${key}\` belongs under \`${parent}.${home}\`: indent it there.`;
  else if (suggestion) hint = `Did you mean \`${suggestion}\`?`;
  else if (misplaced) hint = `\`${key}\` is a top-level section: it looks indented under \`${parent}\` by mistake. Move it back to column 1.`;
  const kometa = options.unknownKey?.(error);
  return {
    rule: 'schema/unknown-key',
    severity: kometa?.severity ?? 'warning',
    pointer,
    at: 'key',
    message: `Unknown key \`${key}\` ${where}: ${kometa?.consequence ?? 'Kometa ignores it'}.`,
    ...(hint ? { hint } : {}),
    ...(suggestion && !home ? { suggestions: [renameKeySuggestion(pointer, suggestion)] } : {}),
  };
}

function typeError(error: SchemaError): SchemaFinding {
  const expected = String(error.params.type);
  const value = error.data;
  const yes = typeof value === 'string' && /^(yes|no|on|off|y|n|true|false)$/i.test(value) && expected.includes('boolean');
  return {
    rule: 'schema/type',
    severity: 'error',
    pointer: error.instancePath,
    at: 'value',
    message: `${name(error.instancePath)} must be ${describeType(expected)}, not ${shown(error.instancePath, value)}.`,
    ...(yes
      ? { hint: `YAML 1.2 reads \`${String(value)}\` as text, not a boolean; write ${/^(yes|on|y|true)$/i.test(String(value)) ? 'true' : 'false'} without quotes.` }
      : {}),
  };
}

function enumError(error: SchemaError, allowed: readonly unknown[]): SchemaFinding {
  const value = error.data;
  const options = allowed.map((v) => (v === null ? 'blank' : String(v)));
  const suggestion = typeof value === 'string' ? didYouMean(value, options) : undefined;
  const secret = isSecretKey(lastToken(error.instancePath));
  return {
    rule: 'schema/enum',
    severity: 'error',
    pointer: error.instancePath,
    at: 'value',
    message: `${name(error.instancePath)} cannot be ${shown(error.instancePath, value)}. Allowed: ${secret ? '(hidden)' : options.slice(0, 30).join(', ')}${options.length > 30 ? ', …' : ''}.`,
    ...(suggestion && !secret ? { hint: `Did you mean \`${suggestion}\`?`, suggestions: [replaceValueSuggestion(error.instancePath, suggestion)] } : {}),
  };
}

function rangeError(error: SchemaError): SchemaFinding {
  const limit = Number(error.params.limit);
  const bound: Record<string, string> = {
    minimum: `at least ${limit}`,
    maximum: `at most ${limit}`,
    exclusiveMinimum: `greater than ${limit}`,
    exclusiveMaximum: `less than ${limit}`,
  };
  return {
    rule: 'schema/range',
    severity: 'error',
    pointer: error.instancePath,
    at: 'value',
    message: `${name(error.instancePath)} must be ${bound[error.keyword]}, not ${shown(error.instancePath, error.data)}.`,
  };
}

function requiredError(error: SchemaError): SchemaFinding {
  const missing = String(error.params.missingProperty);
  const where = error.instancePath === '' ? 'The config' : name(error.instancePath);
  return {
    rule: 'schema/required',
    severity: 'error',
    pointer: `${error.instancePath}/${escapeToken(missing)}`,
    at: 'key',
    message: `${where} is missing \`${missing}\`.`,
  };
}

function formatError(error: SchemaError, options: ShapeOptions): SchemaFinding {
  const kometa = error.keyword === 'pattern' ? options.invalidValue?.(error) : undefined;
  if (kometa) return enforcedFormatError(error, kometa);
  const what = error.keyword === 'pattern' || error.keyword === 'format' ? `is not in the expected format${error.keyword === 'format' ? ` (${String(error.params.format)})` : ''}` : (error.message ?? 'is not valid');
  // A pattern alone does not tell the user what to write; the schema's description of the value does.
  const expected = error.parentSchema?.description;
  return {
    rule: 'schema/format',
    severity: 'warning',
    pointer: error.instancePath,
    at: 'value',
    message: `${name(error.instancePath)} ${what}: ${shown(error.instancePath, error.data)}.`,
    ...(typeof expected === 'string' ? { hint: expected } : {}),
  };
}

function enforcedFormatError(error: SchemaError, kometa: InvalidValue): SchemaFinding {
  const suggestion = typeof error.data === 'string' && kometa.options ? didYouMean(error.data, kometa.options) : undefined;
  return {
    rule: 'schema/format',
    severity: kometa.severity,
    pointer: error.instancePath,
    at: 'value',
    message: `${name(error.instancePath)} cannot be ${shown(error.instancePath, error.data)}: ${kometa.consequence}.`,
    hint: suggestion ? `Did you mean \`${suggestion}\`? Kometa takes ${kometa.expects}.` : `Kometa takes ${kometa.expects}.`,
    ...(suggestion ? { suggestions: [replaceValueSuggestion(error.instancePath, suggestion)] } : {}),
  };
}

/**
 * Turns raw schema errors (ajv's shape) into one actionable finding per problem: placeholders and `template_variables` are
 * never judged, anyOf/oneOf noise is collapsed to the best branch, enum lists are merged, duplicates dropped.
 */
export function shapeSchemaErrors(errors: readonly SchemaError[], options: ShapeOptions): SchemaFinding[] {
  const judged = errors.filter((e) => !isUnjudgeable(e));
  const collapsed = collapseBranches(judged).filter((e) => !SUMMARIES.has(e.keyword) && !BRANCHING.has(e.keyword));
  const enums = new Map<string, { error: SchemaError; allowed: unknown[] }>();
  const findings: SchemaFinding[] = [];
  for (const error of collapsed) {
    switch (error.keyword) {
      case 'additionalProperties':
        findings.push(unknownKey(error, options));
        break;
      case 'type':
        findings.push(typeError(error));
        break;
      case 'enum':
      case 'const': {
        const allowed = error.keyword === 'enum' ? ((error.params.allowedValues as unknown[]) ?? []) : [error.params.allowedValue];
        const entry = enums.get(error.instancePath);
        if (entry) entry.allowed.push(...allowed);
        else enums.set(error.instancePath, { error, allowed: [...allowed] });
        break;
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        findings.push(rangeError(error));
        break;
      case 'required':
        findings.push(requiredError(error));
        break;
      default:
        findings.push(formatError(error, options));
    }
  }
  for (const { error, allowed } of enums.values()) findings.push(enumError(error, [...new Set(allowed)]));
  return dedupe(findings);
}

/** One finding per pointer and rule; a value with a type error is not also reported as a bad enum or format. */
function dedupe(findings: readonly SchemaFinding[]): SchemaFinding[] {
  const seen = new Set<string>();
  const typed = new Set(findings.filter((f) => f.rule === 'schema/type').map((f) => f.pointer));
  const out: SchemaFinding[] = [];
  for (const finding of findings) {
    if (finding.rule !== 'schema/type' && finding.rule !== 'schema/unknown-key' && finding.rule !== 'schema/required' && typed.has(finding.pointer)) continue;
    const key = `${finding.rule}\u0000${finding.pointer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(finding);
  }
  return out;
}
