import type { Diagnostic } from '@pmm-config/plugin';
import type { LintResult } from '@pmm-config/lint';
import { errorsOnly, lintOutcome } from './outcome';

function diagnostic(severity: Diagnostic['severity'], line: number): Diagnostic {
  return { rule: 'core/x', severity, message: 'm', pointer: '', line, column: 1, endLine: line, endColumn: 2 };
}

function result(...severities: Diagnostic['severity'][]): LintResult {
  const diagnostics = severities.map((severity, index) => diagnostic(severity, index + 1));
  const count = (s: Diagnostic['severity']): number => severities.filter((x) => x === s).length;
  return { file: 'config.yml', kind: 'config', source: '', diagnostics, errorCount: count('error'), warningCount: count('warning'), infoCount: count('info') };
}

describe('lintOutcome', () => {
  it('passes with warnings and no policy', () => {
    expect(lintOutcome([result('warning', 'info')], { strict: false })).toEqual({ exitCode: 0, errorCount: 0, warningCount: 1 });
  });
  it('fails on an error in any file', () => {
    expect(lintOutcome([result(), result('error')], { strict: false }).exitCode).toBe(1);
  });
  it('fails on warnings only with --strict, and says why', () => {
    const outcome = lintOutcome([result('warning')], { strict: true });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.warningFailure).toMatch(/1 warning found.*--strict/);
  });
  it('allows exactly --max-warnings warnings and fails on one more, summed over files', () => {
    expect(lintOutcome([result('warning'), result('warning')], { strict: false, maxWarnings: 2 }).exitCode).toBe(0);
    const over = lintOutcome([result('warning', 'warning'), result('warning')], { strict: false, maxWarnings: 2 });
    expect(over.exitCode).toBe(1);
    expect(over.warningFailure).toMatch(/3 warnings found, more than --max-warnings 2/);
  });
  it('treats --max-warnings -1 as no limit', () => {
    expect(lintOutcome([result('warning')], { strict: false, maxWarnings: -1 }).exitCode).toBe(0);
  });
  it('does not blame warnings when errors already fail the run', () => {
    expect(lintOutcome([result('error', 'warning')], { strict: true }).warningFailure).toBeUndefined();
  });
});

describe('errorsOnly', () => {
  it('keeps error findings and zeroes the other counts', () => {
    const quiet = errorsOnly(result('warning', 'error', 'info'));
    expect(quiet.diagnostics.map((d) => d.severity)).toEqual(['error']);
    expect([quiet.errorCount, quiet.warningCount, quiet.infoCount]).toEqual([1, 0, 0]);
  });
  it('returns a result with nothing to drop as it is', () => {
    const clean = result('error');
    expect(errorsOnly(clean)).toBe(clean);
  });
});
