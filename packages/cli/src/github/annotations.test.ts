import type { LintResult } from '@pmm-config/lint';
import type { Diagnostic, Severity } from '@pmm-config/plugin';
import { planAnnotations } from './annotations';

function diagnostic(severity: Severity, line: number, message = `problem on line ${line}`): Diagnostic {
  return { rule: `core/${severity}-rule`, severity, message, pointer: '/x', line, column: 3, endLine: line, endColumn: 7 };
}

function result(file: string, diagnostics: Diagnostic[]): LintResult {
  const by = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
  return { file, kind: 'config', source: '', diagnostics, errorCount: by('error'), warningCount: by('warning'), infoCount: by('info') };
}

const context = { color: false, cwd: '/repo', toolVersion: '1.2.3', rules: [] };

describe('planAnnotations', () => {
  it('emits errors before warnings and notices, each kind in file order', () => {
    const results = [
      result('/repo/a.yml', [diagnostic('warning', 1), diagnostic('error', 2), diagnostic('info', 3)]),
      result('/repo/sub/b.yml', [diagnostic('error', 5), diagnostic('warning', 6)]),
    ];
    const lines = planAnnotations(results, context).text.trimEnd().split('\n');
    expect(lines.map((line) => line.slice(0, line.indexOf('::', 2)))).toEqual([
      '::error file=a.yml,line=2,col=3,endLine=2,endColumn=7,title=core/error-rule',
      '::error file=sub/b.yml,line=5,col=3,endLine=5,endColumn=7,title=core/error-rule',
      '::warning file=a.yml,line=1,col=3,endLine=1,endColumn=7,title=core/warning-rule',
      '::warning file=sub/b.yml,line=6,col=3,endLine=6,endColumn=7,title=core/warning-rule',
      '::notice file=a.yml,line=3,col=3,endLine=3,endColumn=7,title=core/info-rule',
    ]);
  });

  it('keeps only the first ten of each kind across files and counts the rest', () => {
    const many = (severity: Severity, from: number, n: number) => Array.from({ length: n }, (_, i) => diagnostic(severity, from + i));
    const results = [
      result('/repo/a.yml', [...many('error', 1, 7), ...many('warning', 20, 3)]),
      result('/repo/b.yml', [...many('error', 1, 6), ...many('warning', 40, 12)]),
    ];
    const plan = planAnnotations(results, context);
    expect(plan.emitted).toEqual({ error: 10, warning: 10, info: 0 });
    expect(plan.omitted).toEqual({ error: 3, warning: 5, info: 0 });
    const errors = plan.text.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(10);
    expect(errors.filter((line) => line.includes('file=b.yml')).map((line) => /line=(\d+)/.exec(line)?.[1])).toEqual(['1', '2', '3']);
    expect(plan.text.split('\n').filter((line) => line.startsWith('::warning') && line.includes('file=b.yml'))).toHaveLength(7);
  });

  it('escapes messages so one finding stays one workflow command', () => {
    const plan = planAnnotations([result('/repo/a.yml', [{ ...diagnostic('error', 1), message: '100% wrong\nsecond line', hint: 'fix: a, b' }])], context);
    expect(plan.text).toBe('::error file=a.yml,line=1,col=3,endLine=1,endColumn=7,title=core/error-rule::100%25 wrong%0Asecond line%0Afix: a, b\n');
  });

  it('emits nothing for clean results', () => {
    const plan = planAnnotations([result('/repo/a.yml', [])], context);
    expect(plan).toEqual({ text: '', emitted: { error: 0, warning: 0, info: 0 }, omitted: { error: 0, warning: 0, info: 0 } });
  });
});
