import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { validateConfig, type SchemaError } from './index';

const repoRoot = resolve(__dirname, '../../..');
const corpusDir = resolve(repoRoot, '../shared/corpus/real');
const PLACEHOLDER = /^\s*(?:<<[^<>]+>>|\$\{[^{}]+\}|\{\{[^{}]*\}\})\s*$/;

/**
 * Findings in the corpus that are real: Kometa stops on them or they are the known user mistakes of
 * corpus README §7. Keyed by file prefix; each value lists `instancePath keyword` pairs.
 */
const BLANK_TMDB_APIKEY = 'shared without the key; Kometa stops: "tmdb sub-attribute apikey is blank"';
const NO_TMDB = 'connection sections cut off before sharing; Kometa stops because tmdb.apikey is missing';
const EXPECTED: Readonly<Record<string, { readonly findings: readonly string[]; readonly reason: string }>> = {
  '01-': { findings: ['/tmdb/apikey type'], reason: `v1.1.0 template ${BLANK_TMDB_APIKEY}` },
  '02-': { findings: ['/tmdb/apikey type'], reason: `official template ${BLANK_TMDB_APIKEY}` },
  '05-': { findings: [' required'], reason: NO_TMDB },
  '06-': { findings: ['/tmdb/apikey type'], reason: BLANK_TMDB_APIKEY },
  '07-': { findings: [' required'], reason: NO_TMDB },
  '08-': { findings: ['/tmdb/apikey type'], reason: BLANK_TMDB_APIKEY },
  '12-': { findings: [' required'], reason: NO_TMDB },
  '14-': { findings: ['/tmdb/apikey type'], reason: BLANK_TMDB_APIKEY },
  '15-': { findings: ['/tmdb/region pattern'], reason: 'lower-case region "gb": Kometa warns and ignores it' },
  '16-': { findings: ['/tmdb/apikey type'], reason: BLANK_TMDB_APIKEY },
  '17-': {
    findings: [
      '/plex/token type',
      '/tmdb/apikey type',
      '/tautulli/apikey type',
      '/omdb/apikey type',
      '/mdblist/apikey type',
      '/notifiarr/apikey type',
      '/radarr/token type',
      '/sonarr/token type',
      '/trakt/client_id type',
      '/trakt/client_secret type',
      '/trakt/authorization/access_token type',
      '/trakt/authorization/token_type type',
      '/trakt/authorization/expires_in type',
      '/trakt/authorization/refresh_token type',
      '/trakt/authorization/scope type',
      '/trakt/authorization/created_at type',
    ],
    reason: 'secrets redacted as [REDACTED] are one-element lists (corpus README §7)',
  },
  '19-': { findings: ['/tmdb/apikey type'], reason: BLANK_TMDB_APIKEY },
  '23-': { findings: ['/tmdb/apikey type'], reason: BLANK_TMDB_APIKEY },
  '32-': { findings: ['/tmdb/apikey type'], reason: BLANK_TMDB_APIKEY },
  '33-': {
    findings: ['/trakt/authorization/access_token type', '/trakt/authorization/refresh_token type'],
    reason: 'tokens redacted as [REMOVED] are one-element lists',
  },
  '39-': { findings: ['/tmdb/apikey type'], reason: BLANK_TMDB_APIKEY },
  '41-': { findings: [' required'], reason: NO_TMDB },
  '53-': { findings: ['/tmdb/apikey type'], reason: BLANK_TMDB_APIKEY },
};

function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && PLACEHOLDER.test(value);
}

/** Schema findings the linter reports as errors: unknown keys are warnings, placeholders are never judged. */
function errorFindings(errors: readonly SchemaError[]): string[] {
  return errors
    .filter((error) => error.keyword !== 'additionalProperties' && !isPlaceholder(error.data))
    .map((error) => `${error.instancePath} ${error.keyword}`);
}

const files = existsSync(corpusDir) ? readdirSync(corpusDir).filter((name) => name.endsWith('.yml')).sort() : [];

if (files.length === 0) {
  console.log(`corpus not found at ${corpusDir}; skipping the corpus test`);
}

(files.length === 0 ? describe.skip : describe)('real-config corpus', () => {
  const summary: string[] = [];

  afterAll(() => {
    console.log(`schema corpus check (${files.length} files):\n${summary.join('\n')}`);
  });

  it.each(files)('%s raises no false alarm', (name) => {
    const text = readFileSync(join(corpusDir, name), 'utf8');
    const data = parseDocument(text, { merge: true, uniqueKeys: true }).toJS();
    const errors = validateConfig(data);
    const findings = errorFindings(errors);
    const expected = Object.entries(EXPECTED).find(([prefix]) => name.startsWith(prefix))?.[1];
    const unknownKeys = errors.filter((error) => error.keyword === 'additionalProperties').length;
    summary.push(
      `  ${name.slice(0, 48).padEnd(48)} errors ${findings.length}${expected ? ` (expected: ${expected.reason})` : ''}, unknown keys ${unknownKeys}`,
    );
    expect(new Set(findings)).toEqual(new Set(expected?.findings ?? []));
  });

  function load(prefix: string): Record<string, unknown> {
    const name = files.find((file) => file.startsWith(prefix));
    if (!name) throw new Error(`corpus file ${prefix}* not found`);
    return parseDocument(readFileSync(join(corpusDir, name), 'utf8'), { merge: true, uniqueKeys: true }).toJS();
  }

  it('passes the official kitchen-sink config without a single error or unknown key', () => {
    expect(validateConfig(load('03-'))).toEqual([]);
  });

  it('passes the official template once its required TMDb key is filled in', () => {
    const template = load('02-');
    expect(validateConfig(template).map((error) => `${error.instancePath} ${error.keyword}`)).toEqual([
      '/tmdb/apikey type',
    ]);
    expect(validateConfig({ ...template, tmdb: { ...(template['tmdb'] as object), apikey: 'key' } })).toEqual([]);
  });

  it('keeps every named exception attached to a corpus file', () => {
    for (const prefix of Object.keys(EXPECTED)) {
      expect(files.some((name) => name.startsWith(prefix))).toBe(true);
    }
  });
});
