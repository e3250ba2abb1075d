import { resolve } from 'node:path';
import { parseJsonReport, runBuiltCli } from './support/run-built-cli';

/** `validate --kometa-version`: which Kometa's facts the defaults rules use. */
const fixtures = resolve(__dirname, 'fixtures/rules');
const INVALID = 'core__template-variables/invalid.yml';
const DEFAULTS_RULES = new Set(['core/default-file', 'core/template-variables']);

function severities(args: readonly string[]): { code: number | null; found: string[]; messages: string[] } {
  const run = runBuiltCli(['validate', '--format', 'json', ...args], { cwd: fixtures });
  expect(run.stderr).toBe('');
  const diagnostics = parseJsonReport(run.stdout).results.flatMap((r) => r.diagnostics).filter((d) => DEFAULTS_RULES.has(d.rule));
  return { code: run.code, found: diagnostics.map((d) => `${d.severity} ${d.line}:${d.column}`), messages: diagnostics.map((d) => d.message) };
}

describe('validate --kometa-version', () => {
  it('judges with the data for the version it describes, and for older ones', () => {
    const plain = severities([INVALID]);
    expect(plain.code).toBe(1);
    expect(plain.found).toContain('error 14:22');
    expect(severities(['--kometa-version', '2.4.4-build33', INVALID]).found).toEqual(plain.found);
    expect(severities(['--kometa-version', '2.4.0', INVALID]).found).toEqual(plain.found);
  });

  it('never errs for a newer Kometa: the same findings become info and say why', () => {
    const plain = severities([INVALID]);
    const newer = severities(['--kometa-version', '2.5.0', INVALID]);
    expect(newer.code).toBe(0);
    expect(newer.found).toEqual(plain.found.map((f) => f.replace(/^(error|warning)/, 'info')));
    for (const message of newer.messages) expect(message).toContain('as of Kometa 2.4.4-build33; Kometa 2.5.0 may have changed this');
    // Unknown defaults too.
    expect(severities(['--kometa-version', 'v2.4.4', 'core__default-file/invalid.yml']).found.filter((f) => f.startsWith('error'))).toEqual(['error 11:18']);
  });

  it('rejects text that is not a Kometa version with exit code 2 and one line', () => {
    const run = runBuiltCli(['validate', '--kometa-version', 'latest', INVALID], { cwd: fixtures });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining('--kometa-version needs a Kometa version such as 2.4.4-build33')]);
  });
});
