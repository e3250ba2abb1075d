import type { DefaultKind, DefaultSpec, DefaultsData, TypedVariable, VariableType } from './model';

let data: DefaultsData | undefined;

/**
 * The defaults data (`dist/defaults.json`, written by the build from `src/defaults/`), read on first use only:
 * a config without `default:` never pays for it. The literal `../../dist/` path resolves the same from `src/`
 * and `dist/`, and lets bundlers inline the JSON.
 */
export function loadDefaults(): DefaultsData {
  data ??= require('../../dist/defaults.json') as DefaultsData;
  return data;
}

/** Where `- default: <name>` leads for one list, following Kometa's `DataFile.load_file`. */
export type DefaultLookup =
  /** One spec per library type the name resolves for (the config does not say which type a library is). */
  | { readonly status: 'found'; readonly specs: readonly DefaultSpec[] }
  /** The name resolves to a file of another kind (`templates`, `playlist` in collection_files, ...). */
  | { readonly status: 'other-kind'; readonly file: string }
  /** Nothing by that name; `exactCase` is set when only the letter case differs (Kometa's lookup is case-sensitive on Linux). */
  | { readonly status: 'not-found'; readonly exactCase?: string };

/** Library types Kometa knows; only `movie/` and `show/` folders exist under `defaults/`. */
const LIBRARY_TYPES = ['movie', 'show', 'artist', 'video'];

function stripPrefix(kind: DefaultKind, name: string): string {
  if (kind === 'overlay') return name.startsWith('overlays/') ? name.slice('overlays/'.length) : name;
  // Kometa strips exactly one folder, case-sensitively.
  for (const prefix of ['movie/', 'chart/', 'award/', 'show/', 'both/']) if (name.startsWith(prefix)) return name.slice(prefix.length);
  return name;
}

function candidatePaths(kind: DefaultKind, name: string): string[] {
  const base = kind === 'overlay' ? 'overlays/' : '';
  // Playlist files have no library, so Kometa looks only at the top of `defaults/`.
  if (kind === 'playlist') return [`${base}${name}`];
  return [`${base}${name}`, ...LIBRARY_TYPES.flatMap((type) => [type, 'both', 'chart', 'award'].map((folder) => `${base}${folder}/${name}`))];
}

/** Which file Kometa loads for each library type (a name found at the top of `defaults/` serves them all). */
function resolve(kind: DefaultKind, rawName: string, known: ReadonlySet<string>): string[] {
  const name = stripPrefix(kind, rawName).replace(/\.ya?ml$/, '');
  const [top, ...perType] = candidatePaths(kind, name);
  if (top !== undefined && known.has(top)) return [top];
  const found = new Set<string>();
  for (let t = 0; t < LIBRARY_TYPES.length; t++) {
    const hit = perType.slice(t * 4, t * 4 + 4).find((path) => known.has(path));
    if (hit) found.add(hit);
  }
  return [...found];
}

const fileIndex = new WeakMap<DefaultsData, { byFile: Map<string, DefaultSpec>; known: Set<string>; lowerCase: Map<string, string> }>();

function indexOf(defaults: DefaultsData) {
  let index = fileIndex.get(defaults);
  if (!index) {
    const byFile = new Map(defaults.defaults.map((spec) => [spec.file, spec]));
    const known = new Set([...byFile.keys(), ...defaults.otherFiles]);
    index = { byFile, known, lowerCase: new Map([...known].map((file) => [file.toLowerCase(), file])) };
    fileIndex.set(defaults, index);
  }
  return index;
}

/** Looks `- default: <name>` up as Kometa does for a `collection_files`, `overlay_files` or `playlist_files` entry. */
export function findDefault(kind: DefaultKind, name: string, defaults: DefaultsData = loadDefaults()): DefaultLookup {
  const { byFile, known, lowerCase } = indexOf(defaults);
  const files = resolve(kind, name, known);
  if (files.length === 0) {
    const folded = resolve(kind, name.toLowerCase(), new Set(lowerCase.keys()));
    const exact = folded.map((file) => byFile.get(lowerCase.get(file) ?? '')).find((spec) => spec?.kind === kind);
    return exact ? { status: 'not-found', exactCase: exact.name } : { status: 'not-found' };
  }
  const specs = files.map((file) => byFile.get(file)).filter((spec): spec is DefaultSpec => spec !== undefined && spec.kind === kind);
  return specs.length > 0 ? { status: 'found', specs } : { status: 'other-kind', file: files[0] ?? name };
}

/** The names of every default of a kind, for "did you mean". */
export function defaultNames(kind: DefaultKind, defaults: DefaultsData = loadDefaults()): string[] {
  return [...new Set(defaults.defaults.filter((spec) => spec.kind === kind).map((spec) => spec.name))];
}

/** The result of {@link acceptsVariable}. */
export type VariableCheck =
  | { readonly status: 'accepted' }
  /** `documentedOnly`: the docs list it, but the default file never reads it. */
  | { readonly status: 'unknown'; readonly documentedOnly: boolean }
  | { readonly status: 'wrong-type'; readonly expected: string };

export interface VariableCheckOptions {
  /**
   * The block changes the keys of a dynamic default (`data`, `append_data`, `addons`, `append_addons`), so
   * `<<key>>` patterns accept any key.
   */
  readonly openKeys?: boolean;
}

interface Matcher {
  readonly exact: ReadonlySet<string>;
  readonly patterns: readonly RegExp[];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function patternOf(name: string, spec: DefaultSpec, openKeys: boolean): RegExp {
  const keys = spec.keys && !(openKeys && spec.dynamic) ? `(?:${spec.keys.map(escapeRegExp).join('|')})` : '.+';
  const alternatives = `(?:${(spec.alternatives ?? []).map(escapeRegExp).join('|')})`;
  const source = name
    .split(/(<<key>>|<<alt>>|<<any>>)/)
    .map((part) => (part === '<<key>>' ? keys : part === '<<alt>>' ? alternatives : part === '<<any>>' ? '.+' : escapeRegExp(part)))
    .join('');
  return new RegExp(`^${source}$`);
}

const matchers = new WeakMap<DefaultSpec, Map<boolean, Matcher>>();

function names(spec: DefaultSpec, defaults: DefaultsData): string[] {
  return [...spec.variables, ...(spec.plumbing ?? []), ...spec.sets.flatMap((set) => defaults.sets[set]), ...(spec.dynamic ? defaults.dynamicOverrides : []), ...defaults.common[spec.kind]];
}

function matcherFor(spec: DefaultSpec, defaults: DefaultsData, openKeys: boolean): Matcher {
  let byOpen = matchers.get(spec);
  if (!byOpen) matchers.set(spec, (byOpen = new Map()));
  let matcher = byOpen.get(openKeys);
  if (!matcher) {
    const all = names(spec, defaults);
    matcher = { exact: new Set(all.filter((name) => !name.includes('<<'))), patterns: all.filter((name) => name.includes('<<')).map((name) => patternOf(name, spec, openKeys)) };
    byOpen.set(openKeys, matcher);
  }
  return matcher;
}

function accepts(spec: DefaultSpec, name: string, defaults: DefaultsData, openKeys: boolean): boolean {
  const matcher = matcherFor(spec, defaults, openKeys);
  return matcher.exact.has(name) || matcher.patterns.some((pattern) => pattern.test(name));
}

/** Values substituted before Kometa reads them: never judged. */
function isPlaceholder(value: string): boolean {
  return value.includes('<<') || value.includes('${') || value.includes('{{');
}

const BOOL_WORDS = new Set(['t', 'true', 'y', 'yes', 'f', 'false', 'n', 'no']);
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Whether a value fits a type; Kometa's `util.parse` reads bools and numbers from strings too. */
function fits(type: VariableType, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string' && isPlaceholder(value)) return true;
  const text = typeof value === 'string' ? value.trim() : undefined;
  switch (type.type) {
    case 'bool':
      return typeof value === 'boolean' || typeof value === 'number' || (text !== undefined && (BOOL_WORDS.has(text.toLowerCase()) || NUMERIC.test(text)));
    case 'number':
      return typeof value === 'number' || (text !== undefined && NUMERIC.test(text));
    case 'int': {
      const number = typeof value === 'number' ? value : text !== undefined && /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
      return Number.isInteger(number) && number >= (type.minimum ?? -Infinity);
    }
    case 'enum':
      return (typeof value === 'string' || typeof value === 'number') && type.values.includes(String(value).trim().toLowerCase());
  }
}

/** How a type reads in a message. */
export function describeType(type: VariableType): string {
  switch (type.type) {
    case 'bool':
      return 'true or false';
    case 'number':
      return 'a number';
    case 'int':
      return type.minimum === undefined ? 'a whole number' : `a whole number, ${type.minimum} or more`;
    case 'enum':
      return `one of ${type.values.join(', ')}`;
  }
}

const typeIndex = new WeakMap<DefaultsData, readonly (TypedVariable & { readonly test: (spec: DefaultSpec, name: string) => boolean })[]>();

function typesOf(defaults: DefaultsData) {
  let index = typeIndex.get(defaults);
  if (!index) {
    index = defaults.types.map((typed) => {
      const byKeys = new WeakMap<DefaultSpec, RegExp>();
      return {
        ...typed,
        test: (spec: DefaultSpec, name: string) => {
          if (typed.files && !typed.files.includes(spec.file)) return false;
          if (!typed.name.includes('<<')) return typed.name === name;
          let pattern = byKeys.get(spec);
          // Types judge values, not keys: a key pattern matches any key here.
          if (!pattern) byKeys.set(spec, (pattern = patternOf(typed.name, { ...spec, keys: undefined }, true)));
          return pattern.test(name);
        },
      };
    });
    typeIndex.set(defaults, index);
  }
  return index;
}

/**
 * Whether the default (one spec per library type it may resolve to) accepts `template_variables.<name>` with
 * this value: accepted when any spec accepts it; a wrong type only when every spec that knows it says so.
 */
export function acceptsVariable(specs: readonly DefaultSpec[], name: string, value: unknown, options: VariableCheckOptions = {}, defaults: DefaultsData = loadDefaults()): VariableCheck {
  const knowing = specs.filter((spec) => accepts(spec, name, defaults, options.openKeys === true));
  if (knowing.length === 0) return { status: 'unknown', documentedOnly: specs.some((spec) => spec.docsOnly?.includes(name) || (spec.docsOnly ?? []).some((d) => d.includes('<<') && patternOf(d, spec, true).test(name))) };
  let expected: string | undefined;
  for (const spec of knowing) {
    const typed = typesOf(defaults).find((entry) => entry.test(spec, name));
    if (!typed || fits(typed.spec, value)) return { status: 'accepted' };
    expected ??= describeType(typed.spec);
  }
  return { status: 'wrong-type', expected: expected ?? '' };
}

/** Concrete variable names a default accepts (patterns expanded with its keys where it lists them), for "did you mean". */
export function variableCandidates(specs: readonly DefaultSpec[], defaults: DefaultsData = loadDefaults()): string[] {
  const out = new Set<string>();
  for (const spec of specs) {
    for (const name of names(spec, defaults)) {
      if (!name.includes('<<')) out.add(name);
      else if (spec.keys && !name.includes('<<any>>') && !name.includes('<<alt>>')) for (const key of spec.keys) out.add(name.replace('<<key>>', key));
    }
  }
  return [...out];
}

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-(?:build|develop|nightly)?(\d+))?$/i;

/** `2.4.4-build33` → [2, 4, 4, 33]; a release (`2.4.4`) sorts after its builds. `undefined` when not a Kometa version. */
export function parseKometaVersion(text: string): readonly number[] | undefined {
  const match = VERSION.exec(text.trim());
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? Infinity : Number(match[4])];
}

/** Negative, zero or positive as `a` is older than, the same as or newer than `b` (both valid versions). */
export function compareKometaVersions(a: string, b: string): number {
  const [x, y] = [parseKometaVersion(a), parseKometaVersion(b)];
  if (!x || !y) throw new Error(`not a Kometa version: ${!x ? a : b}`);
  for (let i = 0; i < 4; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0) ? -1 : 1;
  return 0;
}
