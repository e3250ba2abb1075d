import type { Diagnostic } from '@pmm-config/plugin';
import type { LintResult } from '../types';
import { paint, type Paint } from './ansi';
import { codeFrame } from './code-frame';
import type { FormatContext } from './types';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

const SEVERITY_COLOR: Record<Diagnostic['severity'], (p: Paint) => (text: string) => string> = {
  error: (p) => p.red,
  warning: (p) => p.yellow,
  info: (p) => p.blue,
};

function severityLabel(p: Paint, severity: Diagnostic['severity']): string {
  return SEVERITY_COLOR[severity](p)(severity.padEnd(7));
}

function renderDiagnostic(p: Paint, source: string, d: Diagnostic): string[] {
  const position = `${d.line}:${d.column}`.padStart(7);
  const fixable = d.fix ? `  ${p.dim('(fixable)')}` : '';
  const out = [`${position}  ${severityLabel(p, d.severity)}  ${d.message.replace(/\r?\n/g, ' ')}  ${p.dim(d.rule)}${fixable}`];
  const indent = ' '.repeat(9);
  if (d.hint) out.push(`${indent}${p.dim('hint:')} ${d.hint}`);
  // A hint already says in words what a did-you-mean suggestion would change: the edit itself is for editors and bots.
  if (!d.hint) for (const suggestion of d.suggestions ?? []) out.push(`${indent}${p.dim('suggestion:')} ${suggestion.message}`);
  const frame = codeFrame(source, d);
  if (frame) {
    const width = String(frame.lines[frame.lines.length - 1].number).length;
    for (const line of frame.lines) {
      const gutter = `${line.marked ? '>' : ' '} ${String(line.number).padStart(width)} | `;
      out.push(`${indent}${line.marked ? p.bold(gutter) : p.dim(gutter)}${line.text}`);
      if (line.marked) out.push(`${indent}${p.dim(`  ${' '.repeat(width)} | `)}${SEVERITY_COLOR[d.severity](p)(frame.underline)}`);
    }
  }
  return out;
}

/** Human output: per file, `line:col  severity  message  rule`, a hint, a code frame; then a summary. */
export function formatStylish(results: readonly LintResult[], context: FormatContext): string {
  const p = paint(context.color);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  for (const result of results) {
    fixable += result.diagnostics.filter((d) => d.fix).length;
    errors += result.errorCount;
    warnings += result.warningCount;
    infos += result.infoCount;
    if (result.diagnostics.length === 0) continue;
    const from = result.linkedFrom ? p.dim(` (linked from ${result.linkedFrom.file}:${result.linkedFrom.line})`) : '';
    out.push(p.underline(result.file) + from);
    for (const diagnostic of result.diagnostics) out.push(...renderDiagnostic(p, result.source, diagnostic));
    out.push('');
  }
  // A linked file named on its own has no config to check its builders or template variables against.
  const alone = results.filter((result) => result.kind !== 'config' && result.kind !== 'unknown' && !result.linkedFrom).length;
  if (alone > 0) {
    out.push(p.dim(`ℹ ${plural(alone, 'file')} checked without its config: checks that need the config (services of builders, template variables it sets) were skipped.`));
  }
  const total = errors + warnings + infos;
  const hidden = hiddenNote(context.hidden);
  if (total === 0 && hidden === '') {
    out.push(p.green(`✔ No problems found (${plural(results.length, 'file')} checked)`));
  } else if (total === 0) {
    // No check mark: the hidden warnings may still fail the run (--strict, --max-warnings).
    out.push(`No errors (${plural(results.length, 'file')} checked); ${hidden}`);
  } else {
    const parts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(infos > 0 ? [plural(infos, 'info')] : [])];
    const files = results.length > 1 ? ` in ${results.filter((result) => result.diagnostics.length > 0).length} of ${results.length} files` : '';
    const line = `✖ ${plural(total, 'problem')} (${parts.join(', ')})${files}${hidden === '' ? '' : `; ${hidden}`}`;
    out.push(errors > 0 ? p.bold(p.red(line)) : p.bold(p.yellow(line)));
    if (fixable > 0) out.push(p.dim(`  ${plural(fixable, 'problem')} fixable with --fix (--fix-dry-run shows the diff)`));
  }
  return out.join('\n') + '\n';
}

/** `--quiet hid 2 warnings and 1 info`, or '' when nothing was left out. */
function hiddenNote(hidden: FormatContext['hidden']): string {
  if (hidden === undefined) return '';
  const parts = [...(hidden.warnings > 0 ? [plural(hidden.warnings, 'warning')] : []), ...(hidden.infos > 0 ? [plural(hidden.infos, 'info')] : [])];
  return parts.length === 0 ? '' : `--quiet hid ${parts.join(' and ')}`;
}
