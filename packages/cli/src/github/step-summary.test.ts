import type { LintResult } from '@pmm-config/lint';
import type { Diagnostic, Severity } from '@pmm-config/plugin';
import { planAnnotations } from './annotations';
import { MAX_SUMMARY_ROWS, stepSummaryMarkdown } from './step-summary';

function diagnostic(severity: Severity, line: number, message = `problem on line ${line}`): Diagnostic {
  return { rule: `core/${severity}-rule`, severity, message, pointer: '/x', line, column: 1, endLine: line, endColumn: 4 };
}

function result(file: string, diagnostics: Diagnostic[]): LintResult {
  const by = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
  return { file, kind: 'config', source: '', diagnostics, errorCount: by('error'), warningCount: by('warning'), infoCount: by('info') };
}

const formatContext = { color: false, cwd: '/repo', toolVersion: '1.2.3', rules: [] };
const summary = (results: LintResult[], blobUrl?: string) =>
  stepSummaryMarkdown(results, planAnnotations(results, formatContext), { root: '/repo', toolVersion: '1.2.3', blobUrl });

describe('stepSummaryMarkdown', () => {
  it('says so when everything is clean', () => {
    expect(summary([result('/repo/config.yml', [])])).toBe('### pmm-config validate\n\n✅ No problems found (1 file checked with pmm-config 1.2.3).\n');
  });

  it('gives no green tick when --quiet hid warnings, and says how many', () => {
    const results = [result('/repo/config.yml', [])];
    const text = stepSummaryMarkdown(results, planAnnotations(results, formatContext), { root: '/repo', toolVersion: '1.2.3', hidden: { warnings: 2, infos: 1 } });
    expect(text).toBe('### pmm-config validate\n\nNo errors (1 file checked with pmm-config 1.2.3); --quiet hid 2 warnings and 1 notice.\n');
  });

  it('lists every finding, errors first, with the count left out of the annotations', () => {
    const warnings = Array.from({ length: 12 }, (_, i) => diagnostic('warning', i + 1));
    const text = summary([result('/repo/config.yml', [...warnings, diagnostic('error', 30)]), result('/repo/other/config.yml', [diagnostic('error', 2)])]);
    const rows = text.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Severity') && !line.startsWith('| ---'));
    expect(rows).toHaveLength(14);
    expect(rows[0]).toBe('| ❌ error | `config.yml:30:1` | `core/error-rule` | problem on line 30 |');
    expect(rows[1]).toContain('`other/config.yml:2:1`');
    expect(rows[2]).toContain('⚠️ warning');
    expect(text).toContain('❌ 2 errors, 12 warnings (2 files checked with pmm-config 1.2.3).');
    expect(text).toContain('so 2 warnings were left out of the annotations');
  });

  it('keeps each finding in one table row and links to the line when the job names the commit', () => {
    const text = summary(
      [result('/repo/my configs/config.yml', [{ ...diagnostic('error', 4), message: 'a | b <script>\nnext', hint: 'use `x`' }])],
      'https://github.com/o/r/blob/abc',
    );
    expect(text).toContain(
      '| ❌ error | [`my configs/config.yml:4:1`](https://github.com/o/r/blob/abc/my%20configs/config.yml#L4) | `core/error-rule` | a \\| b &lt;script&gt; next<br>use `x` |',
    );
    expect(text).not.toContain('left out');
  });

  it('does not link files outside the repository or stdin', () => {
    const text = summary([result('/elsewhere/config.yml', [diagnostic('error', 1)]), result('-', [diagnostic('error', 2)])], 'https://github.com/o/r/blob/abc');
    expect(text).toContain('| `../elsewhere/config.yml:1:1` |');
    expect(text).toContain('| `-:2:1` |');
    expect(text).not.toContain('](');
  });

  it('stops adding rows at the size cap and says how many are missing', () => {
    const many = Array.from({ length: MAX_SUMMARY_ROWS + 5 }, (_, i) => diagnostic('warning', i + 1));
    const text = summary([result('/repo/config.yml', many)]);
    expect(text.split('\n').filter((line) => line.startsWith('| ⚠️'))).toHaveLength(MAX_SUMMARY_ROWS);
    expect(text).toContain('…and 5 more');
  });
});
