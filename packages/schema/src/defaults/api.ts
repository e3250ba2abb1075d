import type { DefaultKind, DefaultSpec, DefaultsData, VariableType } from './model';

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

const fileIndex = new WeakMap<
  DefaultsData,
  { byFile: Map<string, DefaultSpec>; known: Set<string>; lowerCase: Map<string, string>; lookups: Map<string, DefaultLookup> }
>();

function indexOf(defaults: DefaultsData) {
  let index = fileIndex.get(defaults);
  if (!index) {
    const byFile = new Map(defaults.defaults.map((spec) => [spec.file, spec]));
    const known = new Set([...byFile.keys(), ...defaults.otherFiles]);
    index = { byFile, known, lowerCase: new Map([...known].map((file) => [file.toLowerCase(), file])), lookups: new Map() };
    fileIndex.set(defaults, index);
  }
  return index;
}

/** Looks `- default: <name>` up as Kometa does for a `collection_files`, `overlay_files` or `playlist_files` entry. */
export function findDefault(kind: DefaultKind, name: string, defaults: DefaultsData = loadDefaults()): DefaultLookup {
  // Configs link the same defaults from library after library.
  const { lookups } = indexOf(defaults);
  const cacheKey = `${kind}:${name}`;
  let found = lookups.get(cacheKey);
  if (!found) lookups.set(cacheKey, (found = lookUp(kind, name, defaults)));
  return found;
}

function lookUp(kind: DefaultKind, name: string, defaults: DefaultsData): DefaultLookup {
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

/** A name pattern split into literal text and the placeholders `<<key>>`, `<<alt>>`, `<<any>>`. */
type Part = string | { readonly slot: 'key' | 'alt' | 'any' };

const parsedPatterns = new Map<string, readonly Part[]>();

function partsOf(pattern: string): readonly Part[] {
  let parts = parsedPatterns.get(pattern);
  if (!parts) {
    parts = pattern
      .split(/(<<key>>|<<alt>>|<<any>>)/)
      .filter((part) => part !== '')
      .map((part): Part => (part === '<<key>>' ? { slot: 'key' } : part === '<<alt>>' ? { slot: 'alt' } : part === '<<any>>' ? { slot: 'any' } : part));
    parsedPatterns.set(pattern, parts);
  }
  return parts;
}

/** What the placeholders may stand for: a set of values, or any non-empty text for a key without a set. */
interface Slots {
  readonly key?: ReadonlySet<string>;
  readonly alt: ReadonlySet<string>;
}

/** Whether `name` (from `at`) matches the parts; a placeholder tries every length, which is cheap for short names. */
function matchParts(parts: readonly Part[], index: number, name: string, at: number, slots: Slots): boolean {
  if (index === parts.length) return at === name.length;
  const part = parts[index]!;
  if (typeof part === 'string') return name.startsWith(part, at) && matchParts(parts, index + 1, name, at + part.length, slots);
  const allowed = part.slot === 'key' ? slots.key : part.slot === 'alt' ? slots.alt : undefined;
  for (let end = at + 1; end <= name.length; end++) {
    if (allowed && !allowed.has(name.slice(at, end))) continue;
    if (matchParts(parts, index + 1, name, end, slots)) return true;
  }
  return false;
}

const matchesPattern = (pattern: string, name: string, slots: Slots): boolean => matchParts(partsOf(pattern), 0, name, 0, slots);

/** A list of names, split once into exact names and patterns. */
interface NameGroup {
  readonly exact: ReadonlySet<string>;
  readonly patterns: readonly string[];
}

const groups = new WeakMap<readonly string[], NameGroup>();
const EMPTY: readonly string[] = [];

/** Shared sets are the same arrays for every default, so each is split once. */
function groupOf(names: readonly string[]): NameGroup {
  let group = groups.get(names);
  if (!group) {
    group = { exact: new Set(names.filter((name) => !name.includes('<<'))), patterns: names.filter((name) => name.includes('<<')) };
    groups.set(names, group);
  }
  return group;
}

/** Patterns by their literal text before the first placeholder, so that a name is tried against few of them. */
type PrefixIndex = ReadonlyMap<string, readonly (readonly Part[])[]>;

function prefixIndex(patterns: Iterable<string>): PrefixIndex {
  const index = new Map<string, (readonly Part[])[]>();
  for (const pattern of new Set(patterns)) {
    const parts = partsOf(pattern);
    const prefix = typeof parts[0] === 'string' ? parts[0] : '';
    const list = index.get(prefix);
    if (list) list.push(parts);
    else index.set(prefix, [parts]);
  }
  return index;
}

function matchesIndex(index: PrefixIndex, name: string, slots: Slots): boolean {
  for (let end = 0; end <= name.length; end++) {
    const candidates = index.get(name.slice(0, end));
    if (candidates?.some((parts) => matchParts(parts, 0, name, 0, slots))) return true;
  }
  return false;
}

interface Matcher {
  readonly groups: readonly NameGroup[];
  readonly patterns: PrefixIndex;
  /** Slots with the default's keys, and with the keys a block that changes a dynamic default's data opens. */
  readonly closed: Slots;
  readonly open: Slots;
}

const matchers = new WeakMap<DefaultSpec, Matcher>();

function nameLists(spec: DefaultSpec, defaults: DefaultsData): (readonly string[])[] {
  return [spec.variables, spec.plumbing ?? EMPTY, ...spec.sets.map((set) => defaults.sets[set]), spec.dynamic ? defaults.dynamicOverrides : EMPTY, defaults.common[spec.kind]];
}

function matcherFor(spec: DefaultSpec, defaults: DefaultsData): Matcher {
  let matcher = matchers.get(spec);
  if (!matcher) {
    const alt = new Set(spec.alternatives ?? []);
    const keys = spec.keys ? new Set(spec.keys) : undefined;
    const specGroups = nameLists(spec, defaults).map(groupOf);
    matcher = {
      groups: specGroups,
      patterns: prefixIndex(specGroups.flatMap((group) => group.patterns)),
      closed: keys ? { key: keys, alt } : { alt },
      // Only a dynamic default gets new keys from a block's data; a static default's keys stay its own.
      open: keys && !spec.dynamic ? { key: keys, alt } : { alt },
    };
    matchers.set(spec, matcher);
  }
  return matcher;
}

function accepts(spec: DefaultSpec, name: string, defaults: DefaultsData, openKeys: boolean): boolean {
  const matcher = matcherFor(spec, defaults);
  return matcher.groups.some((group) => group.exact.has(name)) || matchesIndex(matcher.patterns, name, openKeys ? matcher.open : matcher.closed);
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

interface SpecTypes {
  readonly exact: ReadonlyMap<string, VariableType>;
  readonly patterns: readonly (readonly [readonly Part[], VariableType])[];
  readonly slots: Slots;
}

const specTypes = new WeakMap<DefaultSpec, SpecTypes>();

/** The type the docs fix for a variable of this default, if any. Types judge values, not keys: any key matches. */
function typeOf(spec: DefaultSpec, name: string, defaults: DefaultsData): VariableType | undefined {
  let types = specTypes.get(spec);
  if (!types) {
    const applicable = defaults.types.filter((typed) => !typed.files || typed.files.includes(spec.file));
    const exact = new Map<string, VariableType>();
    // The first entry for a name wins, as in the list.
    for (const typed of applicable) if (!typed.name.includes('<<') && !exact.has(typed.name)) exact.set(typed.name, typed.spec);
    types = {
      exact,
      patterns: applicable.filter((typed) => typed.name.includes('<<')).map((typed) => [partsOf(typed.name), typed.spec] as const),
      slots: { alt: new Set(spec.alternatives ?? []) },
    };
    specTypes.set(spec, types);
  }
  const exact = types.exact.get(name);
  if (exact) return exact;
  const slots = types.slots;
  // Typed patterns all start with literal text: test that first.
  return types.patterns.find(([parts]) => (typeof parts[0] !== 'string' || name.startsWith(parts[0])) && matchParts(parts, 0, name, 0, slots))?.[1];
}

/**
 * Whether the default (one spec per library type it may resolve to) accepts `template_variables.<name>` with
 * this value: accepted when any spec accepts it; a wrong type only when every spec that knows it says so.
 */
export function acceptsVariable(specs: readonly DefaultSpec[], name: string, value: unknown, options: VariableCheckOptions = {}, defaults: DefaultsData = loadDefaults()): VariableCheck {
  const knowing = specs.filter((spec) => accepts(spec, name, defaults, options.openKeys === true));
  if (knowing.length === 0) {
    const documentedOnly = specs.some((spec) => (spec.docsOnly ?? []).some((d) => (d.includes('<<') ? matchesPattern(d, name, { alt: new Set() }) : d === name)));
    return { status: 'unknown', documentedOnly };
  }
  let expected: string | undefined;
  for (const spec of knowing) {
    const type = typeOf(spec, name, defaults);
    if (!type || fits(type, value)) return { status: 'accepted' };
    expected ??= describeType(type);
  }
  return { status: 'wrong-type', expected: expected ?? '' };
}

/** Concrete variable names a default accepts (patterns expanded with its keys where it lists them), for "did you mean". */
export function variableCandidates(specs: readonly DefaultSpec[], defaults: DefaultsData = loadDefaults()): string[] {
  const out = new Set<string>();
  for (const spec of specs) {
    for (const name of nameLists(spec, defaults).flat()) {
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
