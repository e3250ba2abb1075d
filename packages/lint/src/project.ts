import * as path from 'node:path';
import type { BuilderService, ConfigView, Diagnostic, FileKind, LinkedFile, LinkingLibrary, Plugin } from '@pmm-config/plugin';
import { lintParsed, type KindProfile } from './engine';
import { isMapping } from './files/definitions';
import { detectKind, kindOfList } from './files/kinds';
import { externalTemplateLinks } from './files/external-templates';
import { coreBuilderServices } from './files/services';
import { layerNames, type TemplateScope, type TemplateSource } from './files/templates';
import { createLinkResolver, localLinks, type LinkResolver, type LocalLink } from './linked-files';
import { isPlaceholder } from './placeholder';
import { escapeToken, parsePointer, resolvePointer } from './pointer';
import type { LinkedFrom, LintHost, LintResult } from './types';
import { locate, toRange } from './yaml/locate';
import { parseConfig, type ParsedConfig } from './yaml/parse';

/** One file named by the user (or stdin). */
export interface LintInput {
  /** The name shown in reports. */
  readonly file: string;
  /** The absolute path on disk; absent for stdin. */
  readonly path?: string;
  /** The folder links resolve from when there is no path (stdin with `--stdin-filepath`). */
  readonly dir?: string;
  readonly text: string;
  /** `--kind`: overrides the kind read from the top-level keys. */
  readonly kind?: FileKind;
}

export interface RunOptions {
  readonly plugins?: readonly Plugin[];
  readonly host?: LintHost;
  readonly now?: () => Date;
  /** Lint the local files configs link to (default). `false` (`--no-follow`) lints only the named files. */
  readonly follow?: boolean;
  /** The profile of each kind; the real schemas by default, doubles in tests. */
  readonly profiles: (kind: FileKind) => KindProfile;
  /** Lint only the file with this absolute path (or, without a path, this shown name), in the run's context. */
  readonly only?: string;
}

/** A linked file, read and parsed once per run however many links point at it. */
interface Node {
  readonly absolute: string;
  readonly file: string;
  readonly kind: FileKind;
  readonly parsed: ParsedConfig;
  readonly linkedFrom: LinkedFrom;
  /** The libraries whose lists link it (several when a file is shared). */
  readonly libraries: LinkingLibrary[];
  /** The config's pointer of the first link, for rules that name the linking entry. */
  readonly fromPointer: string;
}

const UNREADABLE_RULE = 'core/unreadable-linked-file';

/**
 * Shown path of a linked file: where it is from the config as the user named the config (`config/movies.yml`
 * for `config/config.yml`), so paths read the same way as the ones the user typed; absolute when the config had none.
 */
function displayPath(absolute: string, configDir: string, configShown: string): string {
  const relative = path.relative(configDir, absolute);
  if (path.isAbsolute(relative)) return absolute;
  const shownDir = path.dirname(configShown);
  return path.normalize(path.join(shownDir, relative)).split(path.sep).join('/');
}

/**
 * Lints the named files and, for each config among them, the local files it links (collection, overlay,
 * metadata, playlist and image files, and the `external_templates` they name). Each file is read and parsed
 * once; a file named by the user that a config also links is reported once, as linked. Results come config
 * first, then its linked files in link order, then the other named files.
 */
export function lintFiles(inputs: readonly LintInput[], options: RunOptions): LintResult[] {
  const plugins = options.plugins ?? [];
  const now = options.now ?? (() => new Date());
  const follow = options.follow ?? true;
  const wanted = (path: string | undefined, file: string) => options.only === undefined || options.only === (path ?? file);
  const services: readonly BuilderService[] = [...coreBuilderServices, ...plugins.flatMap((plugin) => (plugin.builders ? [plugin.builders] : []))];
  const parsedInputs = inputs.map((input) => ({ input, parsed: parseConfig(input.text) }));
  // A file that does not load has no keys to tell its kind by: it is checked as a config (only its YAML findings
  // remain) and reported as of unknown kind.
  const kinds = parsedInputs.map(({ input, parsed }) => input.kind ?? (parsed.fatal ? 'config' : (detectKind(parsed.data) ?? undefined)));
  const claimed = new Set<string>();
  const results: LintResult[] = [];
  const configResults: LintResult[][] = [];

  parsedInputs.forEach(({ input, parsed }, index) => {
    if (kinds[index] !== 'config') return;
    const dir = input.path ? path.dirname(input.path) : input.dir;
    const links = dir && options.host ? createLinkResolver(options.host, dir) : undefined;
    const graph = links && options.host && !parsed.fatal ? collectLinked(input, parsed, links, options.host) : { nodes: [], unreadable: [] };
    for (const node of graph.nodes) claimed.add(node.absolute);
    const linkedFiles: readonly LinkedFile[] = graph.nodes
      .filter((node) => !node.parsed.fatal && node.linkedFrom.file === input.file)
      .map((node) => ({ path: node.absolute, file: node.file, from: node.fromPointer, data: node.parsed.data, checked: follow }));
    const own: LintResult[] = [];
    if (wanted(input.path, input.file)) {
      const result = lintParsed({ file: input.file, parsed, plugins, now, links, linkedFiles: () => linkedFiles }, options.profiles('config'));
      // A config that does not load has no keys to tell its kind by.
      const kind = parsed.fatal && !input.kind ? 'unknown' : result.kind;
      own.push(withDiagnostics({ ...result, kind, ...(input.path ? { path: input.path } : {}) }, graph.unreadable.map((problem) => unreadableFinding(parsed, problem))));
    }
    const linked = (follow ? graph.nodes : [])
      .filter((node) => wanted(node.absolute, node.file))
      .map((node): LintResult => ({
        ...lintParsed(
          {
            file: node.file,
            parsed: node.parsed,
            plugins,
            now,
            linkedFrom: node.linkedFrom,
            config: configView(input.file, parsed, node.libraries),
            builderServices: services,
            templates: templateScope(node.file, node.parsed, graph.nodes.filter((other) => other.kind === 'template' && other.linkedFrom.file === node.file)),
            configVariables: configVariables(parsed.data, node.fromPointer),
          },
          options.profiles(node.kind),
        ),
        path: node.absolute,
      }));
    configResults[index] = [...own, ...linked];
  });

  parsedInputs.forEach(({ input, parsed }, index) => {
    if (configResults[index]) {
      results.push(...configResults[index]);
      return;
    }
    if (input.path && claimed.has(input.path)) return;
    if (!wanted(input.path, input.file)) return;
    const kind = kinds[index];
    if (kind === undefined) {
      results.push({ ...unknownKindResult(input, parsed), ...(input.path ? { path: input.path } : {}) });
      return;
    }
    // A file checked without its config: the checks that need the config are skipped, never guessed; its
    // external templates are not followed (their paths are relative to a config folder we do not know).
    const result = lintParsed({ file: input.file, parsed, plugins, now, templates: templateScope(input.file, parsed, undefined) }, options.profiles(kind));
    results.push(input.path ? { ...result, path: input.path } : result);
  });
  return results;
}

interface Unreadable {
  readonly pointer: string;
  readonly target: string;
  readonly problem: string;
}

/** Walks the config's links (and the `external_templates` of the files they reach), reading each file once. */
function collectLinked(input: LintInput, config: ParsedConfig, links: LinkResolver, host: LintHost): { nodes: Node[]; unreadable: Unreadable[] } {
  const nodes: Node[] = [];
  const byPath = new Map<string, Node>();
  const unreadable: Unreadable[] = [];
  const configDir = input.path ? path.dirname(input.path) : (input.dir ?? '');
  const shown = (absolute: string) => displayPath(absolute, configDir, input.file);
  const lineOf = (parsed: ParsedConfig, pointer: string) => toRange(parsed.lines, locate(parsed.map, parsed.source, pointer, 'value')).line;

  const visit = (link: LocalLink, kind: FileKind | 'by-content', from: { file: string; parsed: ParsedConfig }, library: LinkingLibrary | undefined, depth: number): void => {
    const resolved = links.resolve(link);
    if (resolved.status !== 'found') return;
    const files = resolved.kind === 'file' ? [resolved.path] : links.yamlFilesIn(resolved.path);
    for (const absolute of files) {
      const known = byPath.get(absolute);
      if (known) {
        if (library && !known.libraries.some((l) => l.pointer === library.pointer)) known.libraries.push(library);
        continue;
      }
      const read = host.readFile(absolute);
      if ('problem' in read) {
        if (from.parsed === config) unreadable.push({ pointer: link.pointer, target: shown(absolute), problem: read.problem });
        continue;
      }
      const parsed = parseConfig(read.text);
      const node: Node = {
        absolute,
        file: shown(absolute),
        kind: kind === 'by-content' ? (parsed.fatal ? 'collection' : legacyMetadataKind(parsed.data)) : kind,
        parsed,
        linkedFrom: { file: from.file, pointer: link.pointer, line: lineOf(from.parsed, link.pointer) },
        libraries: library ? [library] : [],
        fromPointer: link.pointer,
      };
      byPath.set(absolute, node);
      nodes.push(node);
      // External template files hold only `templates`; Kometa does not follow their own `external_templates`.
      if (!parsed.fatal && depth === 0) {
        for (const external of externalTemplateLinks(parsed.data)) visit(external, 'template', { file: node.file, parsed }, library, depth + 1);
      }
    }
  };

  // In the order the config lists them, whichever library list holds them.
  const ordered = localLinks(config.data)
    .map((link) => ({ link, line: lineOf(config, link.pointer) }))
    .sort((a, b) => a.line - b.line)
    .map(({ link }) => link);
  for (const link of ordered) {
    const tokens = parsePointer(link.pointer);
    const library: LinkingLibrary | undefined = tokens[0] === 'libraries' && tokens[1] !== undefined ? { name: tokens[1], pointer: `/libraries/${escapeToken(tokens[1])}` } : undefined;
    visit(link, link.list === 'metadata_path' ? 'by-content' : kindOfList(link.list), { file: input.file, parsed: config }, library, 0);
  }
  return { nodes, unreadable };
}

/**
 * The templates a file can call: its own `templates` (which win), then those of its external template files in
 * link order (the first file wins). With `externals` undefined (a file on its own) any `external_templates` makes
 * the scope incomplete, as does a remote or unreadable one.
 */
function templateScope(file: string, parsed: ParsedConfig, externals: readonly Node[] | undefined): TemplateScope | undefined {
  if (parsed.fatal || !isMapping(parsed.data)) return undefined;
  const templates = new Map<string, TemplateSource>();
  const add = (owner: string, source: ParsedConfig, blockVariables: Record<string, unknown>) => {
    const own = isMapping(source.data) ? source.data['templates'] : undefined;
    if (!isMapping(own)) return;
    for (const [name, body] of Object.entries(own)) {
      if (templates.has(name) || !isMapping(body)) continue;
      const line = toRange(source.lines, locate(source.map, source.source, `/templates/${escapeToken(name)}`, 'key')).line;
      templates.set(name, { body, where: `${owner}:${line}`, blockVariables });
    }
  };
  add(file, parsed, {});
  const declared = externalTemplateBlocks(parsed.data);
  let incomplete = declared.some((block) => block.remote) || (externals === undefined && declared.length > 0);
  for (const block of declared) {
    if (block.remote || !externals) continue;
    const loaded = externals.filter((node) => isWithinBlock(node.linkedFrom.pointer, block.pointer));
    if (loaded.length === 0) incomplete = true;
    for (const node of loaded) {
      if (node.parsed.fatal) incomplete = true;
      else add(node.file, node.parsed, block.variables);
    }
  }
  return { templates, incomplete };
}

interface ExternalBlock {
  readonly pointer: string;
  /** Names a file Kometa fetches (`default`, `url`, `git`, `repo`, `pmm`), which `validate` never does. */
  readonly remote: boolean;
  readonly variables: Record<string, unknown>;
}

function externalTemplateBlocks(data: unknown): ExternalBlock[] {
  if (!isMapping(data)) return [];
  const value = data['external_templates'];
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((entry, index) => [`/external_templates/${index}`, entry]) : value === undefined || value === null ? [] : [['/external_templates', value]];
  return entries.map(([pointer, entry]) => ({
    pointer,
    remote: isMapping(entry) && ['default', 'pmm', 'url', 'git', 'repo'].some((key) => entry[key] !== undefined && entry[key] !== null),
    variables: isMapping(entry) && isMapping(entry['template_variables']) ? entry['template_variables'] : {},
  }));
}

function isWithinBlock(pointer: string, block: string): boolean {
  return pointer === block || pointer.startsWith(`${block}/`);
}

/** The `template_variables` names the config's file block linking a file supplies, with the library's (block wins). */
function configVariables(config: unknown, linkPointer: string): ReadonlySet<string> {
  // `/…/collection_files/0/file`, `/…/0/folder/1` and a bare path `/…/0` all belong to the block `/…/0`
  const block = linkPointer.replace(/\/(file|folder)(\/\d+)?$/, '');
  const names = layerNames(resolvePointer(config, `${block}/template_variables`).value);
  const [section, library] = parsePointer(linkPointer);
  if (section === 'libraries' && library !== undefined) {
    for (const name of layerNames(resolvePointer(config, `/libraries/${escapeToken(library)}/template_variables`).value)) names.add(name);
  }
  return names;
}

/** `metadata_path` files were both: Kometa loads them as collection files and as metadata files. */
function legacyMetadataKind(data: unknown): FileKind {
  return detectKind(data) === 'metadata' ? 'metadata' : 'collection';
}

function configView(file: string, parsed: ParsedConfig, libraries: readonly LinkingLibrary[]): ConfigView {
  return {
    file,
    data: parsed.data,
    get: (pointer) => resolvePointer(parsed.data, pointer).value,
    has: (pointer) => resolvePointer(parsed.data, pointer).found,
    where: (pointer) => `${file}:${toRange(parsed.lines, locate(parsed.map, parsed.source, pointer, 'key')).line}`,
    isPlaceholder,
    libraries,
  };
}

function unreadableFinding(parsed: ParsedConfig, problem: Unreadable): Diagnostic {
  return {
    rule: UNREADABLE_RULE,
    severity: 'error',
    message: `\`${problem.target}\` cannot be read (${problem.problem}); Kometa cannot load it and skips every definition in it.`,
    pointer: problem.pointer,
    ...toRange(parsed.lines, locate(parsed.map, parsed.source, problem.pointer, 'value')),
    hint: 'Check the file’s permissions and that it is a UTF-8 text file.',
  };
}

function withDiagnostics(result: LintResult, extra: readonly Diagnostic[]): LintResult {
  if (extra.length === 0) return result;
  const diagnostics = [...result.diagnostics, ...extra].sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
  return { ...result, diagnostics, errorCount: result.errorCount + extra.filter((d) => d.severity === 'error').length };
}

/** A YAML file that is none of Kometa's kinds: one warning, not a cascade of schema errors. */
function unknownKindResult(input: LintInput, parsed: ParsedConfig): LintResult {
  const diagnostic: Diagnostic = {
    rule: 'core/unknown-kind',
    severity: 'warning',
    message:
      'This file is none of the kinds Kometa reads: no `collections`, `dynamic_collections`, `templates`, `overlays`, `queues`, `metadata`, `playlists` or config sections (`libraries`, `plex`, `tmdb`, `settings`) at the top level.',
    pointer: '',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    hint: 'Pass --kind collection|overlay|metadata|playlist|config to check it anyway.',
  };
  return { file: input.file, kind: 'unknown', source: parsed.source, diagnostics: [diagnostic], errorCount: 0, warningCount: 1, infoCount: 0 };
}
