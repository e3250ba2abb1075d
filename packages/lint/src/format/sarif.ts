import type { Diagnostic, TextEdit } from '@pmm-config/plugin';
import type { LintResult, RuleMeta } from '../types';
import { indexLines, type LineIndex } from '../yaml/line-index';
import { toRange } from '../yaml/locate';
import { relativePath } from './paths';
import type { FormatContext } from './types';

const LEVELS: Record<Diagnostic['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function ruleDescriptor(rule: RuleMeta) {
  return {
    id: rule.id,
    name: rule.id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: rule.description },
    ...(rule.docsUrl ? { helpUri: rule.docsUrl } : {}),
  };
}

function uri(file: string, cwd: string): string {
  return relativePath(file, cwd)
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. */
export function formatSarif(results: readonly LintResult[], context: FormatContext): string {
  const rules: RuleMeta[] = [...context.rules];
  const indexOf = new Map(rules.map((rule, index) => [rule.id, index]));
  for (const result of results) {
    for (const d of result.diagnostics) {
      if (!indexOf.has(d.rule)) {
        indexOf.set(d.rule, rules.length);
        rules.push({ id: d.rule, description: d.rule });
      }
    }
  }
  const cwdUri = 'file://' + encodeURI(context.cwd.replace(/\\/g, '/').replace(/^(?!\/)/, '/').replace(/\/?$/, '/'));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'pmm-config', version: context.toolVersion, semanticVersion: context.toolVersion, rules: rules.map(ruleDescriptor) } },
        originalUriBaseIds: { '%SRCROOT%': { uri: cwdUri } },
        // One artifact per linted file (clean ones too), so viewers list every file a run checked.
        artifacts: results.map((result) => ({
          location: { uri: uri(result.file, context.cwd), uriBaseId: '%SRCROOT%' },
          ...(result.kind !== 'unknown' ? { properties: { kind: result.kind, ...(result.linkedFrom ? { linkedFrom: `${result.linkedFrom.file}:${result.linkedFrom.line}` } : {}) } } : {}),
        })),
        results: results.flatMap((result, artifactIndex) => {
          let lines: LineIndex | undefined;
          const artifactLocation = { uri: uri(result.file, context.cwd), uriBaseId: '%SRCROOT%', index: artifactIndex };
          // SARIF 2.1.0 `fix` objects: the certain fix first, then the suggestions, each one artifact change.
          const sarifFix = (description: string, edits: readonly TextEdit[]) => ({
            description: { text: description },
            artifactChanges: [
              {
                artifactLocation,
                replacements: edits.map((edit) => {
                  const range = toRange((lines ??= indexLines(result.source)), [edit.start, edit.end]);
                  return {
                    deletedRegion: { startLine: range.line, startColumn: range.column, endLine: range.endLine, endColumn: range.endColumn },
                    insertedContent: { text: edit.text },
                  };
                }),
              },
            ],
          });
          return result.diagnostics.map((d) => {
            const fixes = [
              ...(d.fix ? [sarifFix(d.hint ?? `Fix ${d.rule}`, d.fix.edits)] : []),
              ...(d.suggestions ?? []).map((suggestion) => sarifFix(suggestion.message, suggestion.edits)),
            ];
            return {
            ruleId: d.rule,
            ruleIndex: indexOf.get(d.rule),
            level: LEVELS[d.severity],
            message: { text: d.hint ? `${d.message}\n${d.hint}` : d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation,
                  region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
                },
                ...(d.pointer ? { logicalLocations: [{ fullyQualifiedName: d.pointer, kind: 'member' }] } : {}),
              },
            ],
            ...(fixes.length > 0 ? { fixes } : {}),
          };
          });
        }),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
