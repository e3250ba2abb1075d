import type { Diagnostic } from '@pmm-config/plugin';
import type { LintResult } from '../types';
import { relativePath } from './paths';
import type { FormatContext } from './types';

const COMMANDS: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a workflow-command message (`%`, CR, LF). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow-command property value (also `:` and `,`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow annotations: one `::error file=…,line=…::message` line per finding. */
export function formatGithub(results: readonly LintResult[], context: FormatContext): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = escapeProperty(relativePath(result.file, context.cwd));
    for (const d of result.diagnostics) {
      const properties = [`file=${file}`, `line=${d.line}`, `col=${d.column}`, `endLine=${d.endLine}`, `endColumn=${d.endColumn}`, `title=${escapeProperty(d.rule)}`].join(',');
      lines.push(`::${COMMANDS[d.severity]} ${properties}::${escapeData(d.hint ? `${d.message}\n${d.hint}` : d.message)}`);
    }
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}
