import type { Diagnostic, LintRule, Plugin } from '@pmm-config/plugin';
import { builtinRuleMeta } from './builtin-rules';
import { createContext } from './context';
import { didYouMean } from './did-you-mean';
import { findDirectives, isSuppressed, type Directive } from './directives';
import { createLinkResolver, loadLinkedFiles } from './linked-files';
import { isWithin } from './pointer';
import { createCoreRules } from './rules/index';
import { UNQUOTED_SECRET_RULE } from './rules/unquoted-secret';
import { shapeSchemaErrors, type SchemaFinding } from './schema/shape';
import type { SchemaAdapter } from './schema/types';
import { collectSecrets, scrubDiagnostic } from './scrub';
import type { LintOptions, LintResult } from './types';
import { locate, toRange } from './yaml/locate';
import { parseConfig } from './yaml/parse';

const SEVERITY_RANK: Record<Diagnostic['severity'], number> = { info: 0, warning: 1, error: 2 };

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

/** Runs the whole pipeline against a given schema (the public `lint` passes the real one; tests a double). */
export function lintWithSchema(text: string, options: LintOptions, schema: SchemaAdapter & { readonly topLevelKeys: readonly string[] }): LintResult {
  const parsed = parseConfig(text);
  let diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const directives = findDirectives(text);
  if (!parsed.fatal) {
    const links = options.configDir && options.host ? createLinkResolver(options.host, options.configDir) : undefined;
    const host = options.host;
    const context = Object.assign(
      createContext({
        parsed,
        file: options.file,
        now: options.now ?? (() => new Date()),
        linkedFiles: () => (links && host ? loadLinkedFiles(parsed.data, host, links) : []),
      }),
      { links },
    );
    const rules: LintRule[] = [...createCoreRules(schema.deprecations), ...pluginRules(options.plugins ?? [])];
    if (directives.length > 0) diagnostics.push(...unknownDirectiveRules(directives, [...builtinRuleMeta.map((rule) => rule.id), ...rules.map((rule) => rule.id)]));
    for (const rule of rules) context.run(rule);
    // One finding per value: a plugin's rule about a credential (trakt.pin) says more than the generic one.
    const semantic = context.diagnostics.filter((d) => d.rule !== UNQUOTED_SECRET_RULE || !context.diagnostics.some((other) => other !== d && other.pointer === d.pointer));
    // A value the parser already flagged (a tag, an unquoted template) or that a semantic rule explains
    // better is not reported again by the schema. A finding on a whole block (definitions in a library, a
    // legacy key) also covers the schema's findings inside it, unless those are more severe.
    const covered = [...semantic, ...parsed.diagnostics].filter((d) => d.pointer !== '');
    let schemaErrors: ReturnType<SchemaAdapter['validate']> = [];
    try {
      schemaErrors = schema.validate(parsed.data);
    } catch {
      // A validator failure must not hide the parser's and the rules' findings.
      schemaErrors = [];
    }
    const shaped = shapeSchemaErrors(schemaErrors, { topLevelKeys: schema.topLevelKeys })
      .filter(
        (finding) =>
          !covered.some(
            (d) => d.pointer === finding.pointer || (isWithin(finding.pointer, d.pointer) && SEVERITY_RANK[d.severity] >= SEVERITY_RANK[finding.severity]),
          ),
      )
      .map((finding) => (isAnchorHolder(finding, parsed.map.anchors) ? anchorHolder(finding) : finding))
      .map(
        (finding): Diagnostic => ({
          rule: finding.rule,
          severity: finding.severity,
          message: finding.message,
          pointer: finding.pointer,
          ...toRange(parsed.lines, locate(parsed.map, parsed.source, finding.pointer, finding.at ?? 'key')),
          ...(finding.hint ? { hint: finding.hint } : {}),
        }),
      );
    diagnostics = [...diagnostics, ...semantic, ...shaped];
  }
  // A fatal parse leaves no data to collect secrets from; pointers are still cut at secret keys.
  const secrets = parsed.fatal ? [] : collectSecrets(parsed.data);
  diagnostics = diagnostics.map((d) => scrubDiagnostic(d, secrets));
  // A file Kometa cannot load is reported whatever its comments say.
  if (!parsed.fatal && directives.length > 0) diagnostics = diagnostics.filter((d) => d.rule === DIRECTIVE_RULE || !isSuppressed(directives, d));
  diagnostics.sort(byPosition);
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length;
  return {
    file: options.file,
    source: text,
    diagnostics,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
  };
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

function pluginRules(plugins: readonly Plugin[]): LintRule[] {
  return plugins.flatMap((plugin) => [...(plugin.rules ?? [])]);
}
