import type { LintResult } from '../src/types';

/** A fixed result set for the formatter golden tests: two files, every severity, a secret on a framed line. */
export const sampleResults: readonly LintResult[] = [
  {
    file: 'configs/config.yml',
    source: 'plex:\n  url: http://plex:32400\n  token: s3cr3t-plex-t0ken\nsetings:\n  cache: true\n',
    diagnostics: [
      { rule: 'schema/type', severity: 'error', message: '`plex.token` must be text, not a list.', pointer: '/plex/token', line: 3, column: 10, endLine: 3, endColumn: 27 },
      { rule: 'schema/unknown-key', severity: 'warning', message: 'Unknown key `setings` at the top level: Kometa ignores it.', pointer: '/setings', line: 4, column: 1, endLine: 4, endColumn: 8, hint: 'Did you mean `settings`?' },
      { rule: 'core/info', severity: 'info', message: 'Note: 50%, a,b: c\nsecond line', pointer: '', line: 1, column: 1, endLine: 1, endColumn: 1 },
    ],
    errorCount: 1,
    warningCount: 1,
    infoCount: 1,
  },
  { file: 'other.yml', source: 'tmdb:\n  apikey: k\n', diagnostics: [], errorCount: 0, warningCount: 0, infoCount: 0 },
];

export const sampleContext = {
  color: false,
  cwd: '/repo',
  toolVersion: '1.2.3',
  rules: [
    { id: 'schema/type', description: 'A value of the wrong type.', docsUrl: 'https://example.invalid/rules/schema-type' },
    { id: 'schema/unknown-key', description: 'Unknown keys.' },
  ],
};
