import { servesBuilder, type BuilderService, type ConfigView, type Diagnostic, type FileKind, type LinkedFile, type LintRule, type Plugin } from '@pmm-config/plugin';
import { builtinRuleMeta } from './builtin-rules';
import { createContext } from './context';
import { didYouMean } from './did-you-mean';
import { findDirectives, isSuppressed, type Directive } from './directives';
import { builderUses } from './files/builder-uses';
import { resolveFixes } from './fix/resolve';
import type { TemplateScope } from './files/templates';
import { createLinkResolver, loadLinkedFiles, type LinkResolver } from './linked-files';
import { isWithin } from './pointer';
import { createCoreRules, type CoreRuleOptions } from './rules/index';
import { UNQUOTED_SECRET_RULE } from './rules/unquoted-secret';
import { shapeSchemaErrors, type SchemaFinding, type ShapeOptions } from './schema/shape';
import type { SchemaAdapter, SchemaError } from './schema/types';
import { collectSecrets, scrubDiagnostic } from './scrub';
import type { LinkedFrom, LintOptions, LintResult } from './types';
import { locate, toRange } from './yaml/locate';
import { parseConfig, type ParsedConfig } from './yaml/parse';

const SEVERITY_RANK: Record<Diagnostic['severity'], number> = { info: 0, warning: 1, error: 2 };

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

/** What one kind of file is checked with: one engine serves every kind, a kind is data. */
export interface KindProfile {
  readonly kind: FileKind;
  /** The schema check, when the kind has a schema. */
  validate?(data: unknown): readonly SchemaError[];
  /** Top-level key names, for "a section indented by mistake" hints. */
  readonly topLevelKeys: readonly string[];
  /** The core rules of the kind. */
  readonly rules: readonly LintRule[];
  /** Plugins own config sections, so their rules run on configs only. */
  readonly pluginRules: boolean;
  /** What Kometa does with an unknown key of this kind (default: ignores it). */
  readonly unknownKey?: ShapeOptions['unknownKey'];
  /** What Kometa does with a value in the wrong format of this kind (default: takes or skips it). */
  readonly invalidValue?: ShapeOptions['invalidValue'];
}

/** One parsed file and what its rules may see beyond it. */
export interface FileLintInput {
  readonly file: string;
  readonly parsed: ParsedConfig;
  readonly plugins: readonly Plugin[];
  readonly now: () => Date;
  /** Config files: resolves `file:`/`folder:` links (absent for stdin without --stdin-filepath). */
  readonly links?: LinkResolver;
  /** Config files: the linked files, parsed once by the run. */
  readonly linkedFiles?: () => readonly LinkedFile[];
  /** Linked files: the config that links them, for the checks that need it. Absent for a file linted on its own. */
  readonly config?: ConfigView;
  readonly linkedFrom?: LinkedFrom;
  /** Builder checks of the core (services without a plugin) and of plugins. */
  readonly builderServices?: readonly BuilderService[];
  /** The templates the file can call (its own and its external templates'). */
  readonly templates?: TemplateScope;
  /** Names the config's block and library supply as `template_variables`; absent without the config. */
  readonly configVariables?: ReadonlySet<string>;
}

/** Lints one parsed file with the profile of its kind. */
export function lintParsed(input: FileLintInput, profile: KindProfile): LintResult {
  const { parsed } = input;
  let diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const directives = findDirectives(parsed.source);
  if (!parsed.fatal) {
    const context = Object.assign(
      createContext({ parsed, file: input.file, now: input.now, linkedFiles: input.linkedFiles ?? (() => []) }),
      { links: input.links, templates: input.templates, configVariables: input.configVariables },
    );
    const rules: LintRule[] = [...profile.rules, ...(profile.pluginRules ? input.plugins.flatMap((plugin) => [...(plugin.rules ?? [])]) : [])];
    if (directives.length > 0) diagnostics.push(...unknownDirectiveRules(directives, knownRuleIds(rules, input)));
    for (const rule of rules) context.run(rule);
    if (input.config && input.builderServices) runBuilderServices(input.builderServices, input, profile.kind, context);
    // One finding per value: a plugin's rule about a credential (trakt.pin) says more than the generic one.
    const semantic = context.diagnostics.filter((d) => d.rule !== UNQUOTED_SECRET_RULE || !context.diagnostics.some((other) => other !== d && other.pointer === d.pointer));
    diagnostics = [...diagnostics, ...semantic, ...schemaFindings(parsed, profile, [...semantic, ...parsed.diagnostics])];
  }
  // A fatal parse leaves no data to collect secrets from; pointers are still cut at secret keys.
  const secrets = parsed.fatal ? [] : collectSecrets(parsed.data);
  diagnostics = diagnostics.map((d) => scrubDiagnostic(d, secrets));
  // A file Kometa cannot load is reported whatever its comments say.
  if (!parsed.fatal && directives.length > 0) diagnostics = diagnostics.filter((d) => d.rule === DIRECTIVE_RULE || !isSuppressed(directives, d));
  diagnostics.sort(byPosition);
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length;
  return {
    file: input.file,
    kind: profile.kind,
    ...(input.linkedFrom ? { linkedFrom: input.linkedFrom } : {}),
    source: parsed.source,
    diagnostics,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
  };
}

/**
 * The schema check, shaped. A value the parser already flagged (a tag, an unquoted template) or that a semantic
 * rule explains better is not reported again. A finding on a whole block (definitions in a library, a legacy
 * key) also covers the schema's findings inside it, unless those are more severe.
 */
function schemaFindings(parsed: ParsedConfig, profile: KindProfile, earlier: readonly Diagnostic[]): Diagnostic[] {
  if (!profile.validate) return [];
  const covered = earlier.filter((d) => d.pointer !== '');
  let schemaErrors: readonly SchemaError[] = [];
  try {
    schemaErrors = profile.validate(parsed.data);
  } catch {
    // A validator failure must not hide the parser's and the rules' findings.
    schemaErrors = [];
  }
  return shapeSchemaErrors(schemaErrors, { topLevelKeys: profile.topLevelKeys, unknownKey: profile.unknownKey, invalidValue: profile.invalidValue })
    .filter(
      (finding) =>
        !covered.some((d) => d.pointer === finding.pointer || (isWithin(finding.pointer, d.pointer) && SEVERITY_RANK[d.severity] >= SEVERITY_RANK[finding.severity])),
    )
    .map((finding) => (profile.kind === 'config' && isAnchorHolder(finding, parsed.map.anchors) ? anchorHolder(finding) : finding))
    .map((finding): Diagnostic => {
      // Schema findings offer did-you-mean suggestions only, never fixes.
      const { suggestions } = finding.suggestions ? resolveFixes(parsed.map, finding.pointer, undefined, finding.suggestions) : {};
      return {
        rule: finding.rule,
        severity: finding.severity,
        message: finding.message,
        pointer: finding.pointer,
        ...toRange(parsed.lines, locate(parsed.map, parsed.source, finding.pointer, finding.at ?? 'key')),
        ...(finding.hint ? { hint: finding.hint } : {}),
        ...(suggestions ? { suggestions } : {}),
      };
    });
}

/** Hands each builder service the uses of its builders in this file; what it reports belongs to this file. */
function runBuilderServices(services: readonly BuilderService[], input: FileLintInput, kind: FileKind, context: ReturnType<typeof createContext>): void {
  const config = input.config;
  if (!config) return;
  const uses = builderUses(input.parsed.data, kind);
  if (uses.length === 0) return;
  for (const service of services) {
    const served = uses.filter((use) => servesBuilder(service.builders, use.builder));
    if (served.length === 0) continue;
    context.runAs(service.ruleId, () => service.check({ file: input.file, kind, uses: served, config, report: context.report }));
  }
}

function knownRuleIds(rules: readonly LintRule[], input: FileLintInput): string[] {
  return [
    ...builtinRuleMeta.map((rule) => rule.id),
    ...rules.map((rule) => rule.id),
    ...input.plugins.flatMap((plugin) => [...(plugin.rules ?? []).map((rule) => rule.id), ...(plugin.builders ? [plugin.builders.ruleId] : [])]),
    ...(input.builderServices ?? []).map((service) => service.ruleId),
  ];
}

/** The config profile over a given schema (the public `lint` passes the real one; tests a double). */
export function configProfile(schema: SchemaAdapter & { readonly topLevelKeys: readonly string[] }, options: CoreRuleOptions = {}): KindProfile {
  return { kind: 'config', validate: schema.validate, topLevelKeys: schema.topLevelKeys, rules: createCoreRules(schema.deprecations, options), pluginRules: true };
}

/** Lints one config.yml text on its own (its linked files are read for its rules, not linted). */
export function lintWithSchema(text: string, options: LintOptions, schema: SchemaAdapter & { readonly topLevelKeys: readonly string[] }): LintResult {
  const parsed = parseConfig(text);
  const links = options.configDir && options.host ? createLinkResolver(options.host, options.configDir) : undefined;
  const host = options.host;
  return lintParsed(
    {
      file: options.file,
      parsed,
      plugins: options.plugins ?? [],
      now: options.now ?? (() => new Date()),
      links,
      linkedFiles: () => (links && host && !parsed.fatal ? loadLinkedFiles(parsed.data, host, links) : []),
    },
    configProfile(schema, { kometaVersion: options.kometaVersion, ...(options.kometaEnv ? { kometaEnv: options.kometaEnv } : {}) }),
  );
}

/**
 * An unknown top-level section that holds anchors (`&name`) is a known pattern: a place to define blocks that
 * `<<: *name` or `*name` reuse further down. Kometa ignores the section itself, which is what the author wants.
 */
function isAnchorHolder(finding: SchemaFinding, anchors: readonly string[]): boolean {
  return finding.rule === 'schema/unknown-key' && /^\/[^/]+$/.test(finding.pointer) && anchors.some((pointer) => isWithin(pointer, finding.pointer));
}

function anchorHolder(finding: SchemaFinding): SchemaFinding {
  return {
    ...finding,
    severity: 'info',
    message: `${finding.message.replace(/\.$/, '')}, which is fine for a section that only holds YAML anchors for reuse.`,
    hint: undefined,
  };
}

const DIRECTIVE_RULE = 'core/disable-directive';

/** A rule id in a directive that names no rule: a typo would otherwise silently switch nothing off. */
function unknownDirectiveRules(directives: readonly Directive[], known: readonly string[]): Diagnostic[] {
  const ids = new Set(known);
  return directives.flatMap((directive) =>
    directive.rules
      .filter((rule) => !ids.has(rule.id))
      .map((rule): Diagnostic => {
        const suggestion = didYouMean(rule.id, ids);
        return {
          rule: DIRECTIVE_RULE,
          severity: 'warning',
          message: `\`${rule.id}\` in this \`pmm-config-${directive.kind}\` comment is not a rule, so it switches nothing off.`,
          pointer: '',
          line: directive.line,
          column: rule.column,
          endLine: directive.line,
          endColumn: rule.column + rule.id.length,
          hint: suggestion ? `Did you mean \`${suggestion}\`?` : 'Rule ids are shown after each finding, e.g. `schema/unknown-key`.',
        };
      }),
  );
}
