import type { HiddenFindings, LintResult } from '@pmm-config/lint';
import type { Diagnostic, Severity } from '@pmm-config/plugin';
import { relative, resolve, sep } from 'node:path';
import { ANNOTATIONS_PER_KIND, SEVERITY_ORDER } from './annotations';
import type { AnnotationPlan } from './annotations';

/** GitHub refuses step summaries over 1 MiB; rows stop well before that. */
export const MAX_SUMMARY_ROWS = 2000;

/** Where the run happened, for links from the summary to the exact lines. */
export interface SummaryContext {
  /** Folder that file paths are shown relative to (the repository root in Actions). */
  readonly root: string;
  readonly toolVersion: string;
  /** `https://github.com/owner/repo/blob/<sha>` when the workflow environment gives all three parts. */
  readonly blobUrl?: string;
  /** Findings `--quiet` left out of the results. */
  readonly hidden?: HiddenFindings;
}

const LABEL: Record<Severity, string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ notice' };
const KIND_PLURAL: Record<Severity, [string, string]> = { error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['notice', 'notices'] };

function count(n: number, severity: Severity): string {
  return `${n} ${KIND_PLURAL[severity][n === 1 ? 0 : 1]}`;
}

/** Table cells: one line, no pipe that would split the cell, no HTML. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function displayPath(file: string, root: string): string {
  if (file === '-' || file === '') return file;
  return relative(root, resolve(root, file)).split(sep).join('/');
}

function location(path: string, diagnostic: Diagnostic, context: SummaryContext): string {
  const text = `${cell(path)}:${diagnostic.line}:${diagnostic.column}`;
  const insideRoot = path !== '-' && !path.startsWith('../') && !/^([A-Za-z]:)?\//.test(path);
  if (!context.blobUrl || !insideRoot) return `\`${text}\``;
  const url = `${context.blobUrl}/${path.split('/').map(encodeURIComponent).join('/')}#L${diagnostic.line}`;
  return `[\`${text}\`](${url})`;
}

/**
 * The Markdown appended to `$GITHUB_STEP_SUMMARY`: a one-line verdict, every finding in a table (errors
 * first), and how many findings GitHub could not show as annotations.
 */
export function stepSummaryMarkdown(results: readonly LintResult[], plan: AnnotationPlan, context: SummaryContext): string {
  const totals = { error: 0, warning: 0, info: 0 };
  for (const result of results) for (const d of result.diagnostics) totals[d.severity]++;
  const files = results.length;
  const lines = [`### pmm-config validate`, ''];
  const found = SEVERITY_ORDER.filter((s) => totals[s] > 0).map((s) => count(totals[s], s));
  const checked = `${files} ${files === 1 ? 'file' : 'files'} checked with pmm-config ${context.toolVersion}`;
  const { warnings = 0, infos = 0 } = context.hidden ?? {};
  const hidden = [...(warnings > 0 ? [count(warnings, 'warning')] : []), ...(infos > 0 ? [count(infos, 'info')] : [])];
  if (found.length === 0 && hidden.length > 0) {
    // Not a green tick: the hidden warnings may still fail the run (--strict, --max-warnings).
    lines.push(`No errors (${checked}); --quiet hid ${hidden.join(' and ')}.`, '');
    return lines.join('\n');
  }
  if (found.length === 0) {
    lines.push(`✅ No problems found (${checked}).`, '');
    return lines.join('\n');
  }
  lines.push(`${totals.error > 0 ? '❌' : '⚠️'} ${found.join(', ')} (${checked}).`, '');

  const left = SEVERITY_ORDER.filter((s) => plan.omitted[s] > 0).map((s) => count(plan.omitted[s], s));
  if (left.length > 0) {
    lines.push(
      `> [!NOTE]`,
      `> GitHub shows at most ${ANNOTATIONS_PER_KIND} annotations of each kind per step, so ${left.join(', ')} ${plan.omitted.error + plan.omitted.warning + plan.omitted.info === 1 ? 'was' : 'were'} left out of the annotations. All findings are listed below.`,
      '',
    );
  }

  lines.push('| Severity | Location | Rule | Message |', '| --- | --- | --- | --- |');
  let rows = 0;
  let skipped = 0;
  for (const severity of SEVERITY_ORDER) {
    for (const result of results) {
      const path = displayPath(result.file, context.root);
      for (const d of result.diagnostics) {
        if (d.severity !== severity) continue;
        if (rows >= MAX_SUMMARY_ROWS) {
          skipped++;
          continue;
        }
        const message = d.hint ? `${cell(d.message)}<br>${cell(d.hint)}` : cell(d.message);
        lines.push(`| ${LABEL[severity]} | ${location(path, d, context)} | \`${cell(d.rule)}\` | ${message} |`);
        rows++;
      }
    }
  }
  if (skipped > 0) lines.push('', `…and ${skipped} more; run \`pmm-config validate\` locally for the full list.`);
  lines.push('');
  return lines.join('\n');
}
