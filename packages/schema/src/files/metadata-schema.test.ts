import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { metadataSchema } from './metadata-schema';
import { normalizeFileKeys } from './normalize';

const repoRoot = resolve(__dirname, '../../../..');
const reference = ['kometa-files.md', 'kometa-files-deep.md'].map((name) => resolve(repoRoot, '../shared/reference', name));
const haveReference = reference.every((file) => existsSync(file));
if (!haveReference) console.log('reference not found beside the repository; skipping the metadata-to-reference check');

/** Every property name anywhere in a schema (the keys Kometa reads in metadata files). */
function propertyNames(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((child) => propertyNames(child, out));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value && typeof value === 'object') Object.keys(value).forEach((name) => out.add(name));
      propertyNames(value, out);
    }
  }
  return out;
}

(haveReference ? describe : describe.skip)('metadata schema: every key is one the reference names', () => {
  const text = reference.map((file) => readFileSync(file, 'utf8')).join('\n');
  it.each([...propertyNames(metadataSchema)].sort())('%s', (name) => {
    // tags are written `label(.sync/.remove)` or listed bare; modifiers are checked through their base name
    const base = name.replace(/\.(sync|remove)$/, '');
    expect(text.includes(`\`${base}\``) || new RegExp(`\\b${base}\\b`).test(text) ? base : `${base} is not in the reference`).toBe(base);
  });
});

describe('metadata schema: what Kometa reads', () => {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  const validate = ajv.compile(metadataSchema);
  const errors = (data: unknown) => (validate(normalizeFileKeys('metadata', data).data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`));

  it('accepts movie, show, season, episode, album and track edits, in any case', () => {
    expect(
      errors({
        metadata: {
          Alien: { Match: { Title: 'Alien', year: 1979, edition: ['Director'] }, sort_title: 'Alien 1', user_rating: 8.5, 'genre.sync': ['Horror'], url_poster: 'x' },
          'The Office': { seasons: { 1: { title: 'One', episodes: { 1: { summary: 'Pilot', 'writer.remove': 'x' } } } }, episodes: { S01E01: { title: 'Pilot' } }, episode_sorting: 'Newest' },
          Queen: { albums: { 'A Night at the Opera': { record_label: 'EMI', tracks: { 1: { disc: 1, track: 1 } } } } },
          F1: { f1_season: 2023, round_prefix: true },
          Skipped: null,
        },
      }),
    ).toEqual([]);
  });

  it('closes every level, so a typo is an unknown key (the engine reports it as a warning: Kometa ignores it)', () => {
    expect(errors({ metadata: { Show: { seaasons: {}, seasons: { 1: { episods: {} } } } } })).toEqual([
      '/metadata/Show additionalProperties',
      '/metadata/Show/seasons/1 additionalProperties',
    ]);
  });

  it('refuses ratings outside 0-10 and years before 1800', () => {
    expect(errors({ metadata: { A: { user_rating: 11, match: { year: 1500 } } } })).toEqual(expect.arrayContaining(['/metadata/A/user_rating maximum', '/metadata/A/match/year minimum']));
  });
});
