import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { normalizeFileKeys, UNKNOWN_KEY_SEVERITY, validateCollection, validatePlaylist, type SchemaError } from '../index';

const repoRoot = resolve(__dirname, '../../../..');
const corpusDir = resolve(repoRoot, '../shared/corpus/files');

/**
 * Findings in the real linked files that are real: Kometa fails the definition on each. Keyed by file name;
 * each value lists `instancePath keyword [key]` findings and says why Kometa fails.
 */
const REMOVED = (builder: string, when: string) => `\`${builder}\` was removed from Kometa (${when}); Kometa now fails: '${builder}' attribute is invalid`;
const EXPECTED: Readonly<Record<string, { readonly findings: readonly string[]; readonly reason: string }>> = {
  'collection--NickFlix__Thematic_Collections.yml': {
    findings: [
      ...[
        '80s Classics', 'Computer Troubles', 'Hidden in the Jungle', 'Lost Worlds', 'Mind of a Murderer', 'Nightmare Vacations',
        'Race Against Time', 'The Chosen One', 'Triumph of the Geeks', 'Witching Hour Hits', 'Baseball & Basketball Sports',
        'Abductions', 'Cons & Scams', 'Revisionist Western', 'Spaghetti Western', 'Indian Cinema', 'Scandinavian Cinema',
      ].map((name) => `/collections/${name} additionalProperties reciperr_list`),
      '/collections/Avant-garde Dramas additionalProperties traktv_list',
      '/collections/Steamy Romance additionalProperties trakt_list:',
    ],
    reason: `${REMOVED('reciperr_list', 'Reciperr builder')}; \`traktv_list\` and \`trakt_list:\` are typos Kometa reports as invalid attributes`,
  },
  'collection--charles15__movies__movies.yml': {
    findings: ['Academy Award Winners', 'Rocky Universe', 'Fast & Furious Collection', 'Indiana Jones Franchise', 'Mission Impossible Collection', 'James Bond Franchise'].map(
      (name) => `/collections/${name} additionalProperties sort_by`,
    ),
    reason: "`sort_by` at definition level is no attribute of Kometa's (it belongs inside imdb_list/plex_search blocks): 'sort_by' attribute is invalid",
  },
  'collection--djnield__Series-4K-DV.yml': {
    findings: ['/collections/DV additionalProperties item_overlay'],
    reason: REMOVED('item_overlay', 'replaced by overlay files in PMM 1.17'),
  },
  'collection--djnield__Series-4K.yml': {
    findings: ['/collections/4K Overlay additionalProperties item_overlay'],
    reason: REMOVED('item_overlay', 'replaced by overlay files in PMM 1.17'),
  },
  'collection--meisnate12__AnimeCharts.yml': {
    findings: ['/collections/Popular additionalProperties anidb_popular'],
    reason: REMOVED('anidb_popular', 'kometa-files §14.4'),
  },
  'collection--gogorichie__Movies_Collection_First.yml': {
    findings: ['IMDB Top 250', 'IMDB Top 100 Superhero Movies', 'IMDB Top 25 Baseball Movies'].map((name) => `/collections/${name}/imdb_search type`),
    reason: 'imdb_search given an IMDb URL: it takes search mappings, Kometa fails with "imdb_search attribute … is not a dictionary"',
  },
  'collection--gogorichie__Movies_Collection_Wife_Favs.yml': {
    findings: ['/collections/Oscar Winners/imdb_search type'],
    reason: 'imdb_search given an IMDb URL (see above)',
  },
  'collection--gogorichie__Movies_Collection_Templated.yml': {
    findings: [
      ...[0, 1, 2, 3].map((i) => `/collections/African-American Films/imdb_search/${i} type`),
      '/collections/DC Extended Universe/imdb_search/0 type',
      '/collections/All DC Movies/imdb_search/0 type',
      ...[0, 1, 2, 3, 4, 5, 6].map((i) => `/collections/Christmas/imdb_search/${i} type`),
      '/collections/Marvel Cinematic Universe/imdb_search/0 type',
      '/collections/X-Men/imdb_search/0 type',
      ...[0, 1].map((i) => `/collections/Batman Collection/imdb_search/${i} type`),
    ],
    reason: 'imdb_search given lists of IMDb list URLs (see above)',
  },
};

const templated = (text: unknown) => typeof text === 'string' && text.includes('<<');

/**
 * Errors the lint engine reports as errors: none at or under a key or value holding `<<` (judged after
 * templating), and no unknown key where the schema marks them as warnings (top level, search-block options).
 */
function errorFindings(errors: readonly SchemaError[]): string[] {
  return errors
    .filter((error) => !error.instancePath.split('/').some(templated) && !templated(error.data))
    .filter((error) => !(error.keyword === 'additionalProperties' && templated(error.params['additionalProperty'])))
    .filter((error) => !(error.keyword === 'additionalProperties' && (error.parentSchema as Record<string, unknown>)[UNKNOWN_KEY_SEVERITY] === 'warning'))
    .map((error) => `${error.instancePath} ${error.keyword}${error.keyword === 'additionalProperties' ? ` ${String(error.params['additionalProperty'])}` : ''}`);
}

const files = existsSync(corpusDir)
  ? readdirSync(corpusDir)
      .filter((name) => /^(?:collection|playlist|template)--.*\.ya?ml$/.test(name))
      .sort()
  : [];

if (files.length === 0) console.log(`corpus not found at ${corpusDir}; skipping the linked-file corpus test`);

(files.length === 0 ? describe.skip : describe)('linked-file corpus (collection, playlist and template files)', () => {
  const summary: string[] = [];
  let definitionCount = 0;

  afterAll(() => {
    console.log(`linked-file corpus (${files.length} files, ${definitionCount} definitions):\n${summary.join('\n')}`);
  });

  it.each(files)('%s raises no false alarm', (name) => {
    const kind = name.startsWith('playlist--') ? 'playlist' : 'collection';
    const raw = parseDocument(readFileSync(join(corpusDir, name), 'utf8'), { merge: true }).toJS() as unknown;
    const { data } = normalizeFileKeys(kind, raw);
    const section = (data as Record<string, unknown> | null)?.[kind === 'playlist' ? 'playlists' : 'collections'];
    definitionCount += section && typeof section === 'object' ? Object.keys(section).length : 0;
    const findings = errorFindings(kind === 'playlist' ? validatePlaylist(data) : validateCollection(data));
    const expected = EXPECTED[name];
    if (findings.length > 0 || expected) summary.push(`  ${name}: ${findings.length} error(s)${expected ? ` (expected: ${expected.reason})` : ''}`);
    expect(new Set(findings)).toEqual(new Set(expected?.findings ?? []));
  });

  it('keeps every named exception attached to a corpus file', () => {
    for (const name of Object.keys(EXPECTED)) expect(files).toContain(name);
  });

  it('validates real definitions of both kinds', () => {
    expect(files.filter((name) => name.startsWith('playlist--')).length).toBeGreaterThan(0);
    expect(files.filter((name) => name.startsWith('collection--')).length).toBeGreaterThan(100);
  });
});
