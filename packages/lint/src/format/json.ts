import type { TextEdit } from '@pmm-config/plugin';
import type { LintResult } from '../types';
import { indexLines, type LineIndex } from '../yaml/line-index';
import { toRange } from '../yaml/locate';

/**
 * The `--format json` contract (version 1): files in the order given (each config followed by the files it
 * links), diagnostics with 1-based positions and RFC 6901 pointers; `hint` is added when a rule gives one,
 * `fix` and `suggestions` when it offers edits. Additive fields (the version stays 1): `kind` on every result,
 * `linkedFrom: {file, pointer, line}` on a linked file's result.
 */
export function formatJson(results: readonly LintResult[]): string {
  const payload = {
    version: 1,
    results: results.map((result) => {
      let lines: LineIndex | undefined;
      const edits = (list: readonly TextEdit[]) => list.map((edit) => ({ ...toRange((lines ??= indexLines(result.source)), [edit.start, edit.end]), text: edit.text }));
      return {
      file: result.file,
      kind: result.kind,
      ...(result.linkedFrom ? { linkedFrom: { file: result.linkedFrom.file, pointer: result.linkedFrom.pointer, line: result.linkedFrom.line } } : {}),
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      diagnostics: result.diagnostics.map((d) => ({
        rule: d.rule,
        severity: d.severity,
        message: d.message,
        pointer: d.pointer,
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        ...(d.hint ? { hint: d.hint } : {}),
        ...(d.fix ? { fix: { edits: edits(d.fix.edits) } } : {}),
        ...(d.suggestions ? { suggestions: d.suggestions.map((s) => ({ message: s.message, edits: edits(s.edits) })) } : {}),
      })),
    };
    }),
  };
  return JSON.stringify(payload, null, 2) + '\n';
}
