import type { LintResult } from '../src/types';

/** A fixed result set for the formatter golden tests: two files, every severity, a secret on a framed line. */
export const sampleResults: readonly LintResult[] = [
  {
    file: 'configs/config.yml',
    kind: 'config',
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
  { file: 'other.yml', kind: 'config', source: 'tmdb:\n  apikey: k\n', diagnostics: [], errorCount: 0, warningCount: 0, infoCount: 0 },
];

/** A linked collection file and one named on its own, for the multi-file parts of each format. */
export const linkedResults: readonly LintResult[] = [
  sampleResults[0] as LintResult,
  {
    file: 'configs/movies.yml',
    kind: 'collection',
    linkedFrom: { file: 'configs/config.yml', pointer: '/libraries/Movies/collection_files/0/file', line: 9 },
    source: 'collections:\n  Top:\n    trakt_list: https://trakt.tv/users/me/lists/top\n',
    diagnostics: [{ rule: 'trakt/builder-needs-trakt', severity: 'error', message: '`trakt_list` needs Trakt.', pointer: '/collections/Top/trakt_list', line: 3, column: 5, endLine: 3, endColumn: 15 }],
    errorCount: 1,
    warningCount: 0,
    infoCount: 0,
  },
  { file: 'alone.yml', kind: 'collection', source: 'collections:\n  A:\n    plex_all: true\n', diagnostics: [], errorCount: 0, warningCount: 0, infoCount: 0 },
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
