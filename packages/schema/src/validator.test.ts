import Ajv from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { configSchema } from './config-schema';
import { validateConfig } from './index';

/*
 * The shipped validator (ajv's standalone code generated without `verbose`, the verbose fields filled in
 * afterwards, the published schema read lazily) must report exactly what ajv compiling the published schema
 * with `verbose` reports: same errors, fields, values and order, because error shaping and every finding
 * downstream depend on them. The verbose validator is compiled here, in the test only.
 */
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
for (const keyword of ['markdownDescription', 'deprecationMessage']) {
  ajv.addKeyword({ keyword, schemaType: ['string', 'boolean', 'number', 'object', 'array'] });
}
const ajvValidate = ajv.compile(configSchema);

function ajvErrors(data: unknown): string {
  return JSON.stringify(ajvValidate(data) ? [] : ajvValidate.errors);
}

function ourErrors(data: unknown): string {
  return JSON.stringify(validateConfig(data));
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const corpusDir = resolve(__dirname, '../../../../shared/corpus/real');
const corpusConfigs: Json[] = existsSync(corpusDir)
  ? readdirSync(corpusDir)
      .filter((name) => name.endsWith('.yml'))
      .sort()
      .map((name) => parseDocument(readFileSync(join(corpusDir, name), 'utf8'), { merge: true }).toJS() as Json)
  : [];

/** A small config touching most sections, so the mutations below reach every kind of schema node. */
const SAMPLE: Json = {
  libraries: {
    Movies: {
      collection_files: [{ default: 'basic', template_variables: { a: 1 } }, { file: 'config/Movies.yml', schedule: 'weekly(sunday)' }],
      overlay_files: [{ remove_overlays: false }, { default: 'ribbon' }, { reset_overlays: ['tmdb'] }],
      operations: { mass_genre_update: 'tmdb', mass_user_rating_update: ['imdb', 3.5], delete_collections: { managed: true } },
      settings: { asset_depth: 1, run_order: 'operations, metadata', minimum_items: 2 },
      radarr: { url: 'http://radarr', monitor: 'movie' },
    },
    'TV/Shows~': { collection_files: 'config/tv.yml', sonarr: { series_type: 'anime' }, operations: [{ mass_episode_user_rating_update: 'imdb' }] },
  },
  settings: { cache: true, cache_expiration: 60, run_order: ['operations', 'metadata'], item_refresh_delay: 0 },
  plex: { url: 'http://plex', token: 'x', timeout: 60, clean_bundles: 'daily' },
  tmdb: { apikey: 'k', language: 'en', region: 'GB', cache_expiration: 60 },
  webhooks: { error: 'notifiarr', run_start: ['apprise'] },
  playlist_files: [{ default: 'playlist' }],
  radarr: { url: 'http://radarr', token: 't', add_missing: false, quality_profile: 'HD' },
  trakt: { client_id: 'a', authorization: { access_token: 'b', expires_in: 1 } },
  mal: { client_id: 'a' },
};

const REPLACEMENTS: readonly Json[] = [null, true, false, 0, -1, 1.5, 11, '', 'text', 'yes', 'tmdb', 'none', [], ['x'], [1, null], {}, { a: 1 }, { default: 'basic' }, { file: 3 }];

/** A deterministic pseudo-random sequence, so a failure always reproduces. */
function randomSequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function paths(node: Json, prefix: readonly string[] = []): string[][] {
  const children = node !== null && typeof node === 'object' ? Object.keys(node) : [];
  return [[...prefix], ...children.flatMap((key) => paths((node as Record<string, Json>)[key] as Json, [...prefix, key]))];
}

/** `config` with one value replaced, one key renamed or one key removed. */
function mutate(config: Json, random: () => number): Json {
  const copy = structuredClone(config);
  const candidates = paths(copy).filter((path) => path.length > 0);
  const path = candidates[Math.floor(random() * candidates.length)] as string[];
  let parent = copy as Record<string, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, Json>;
  const key = path[path.length - 1] as string;
  const choice = random();
  if (choice < 0.7 || Array.isArray(parent)) parent[key] = structuredClone(REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)] as Json);
  else if (choice < 0.85) {
    parent[`${key}x`] = parent[key] as Json;
    delete parent[key];
  } else delete parent[key];
  return copy;
}

describe('validateConfig reports what ajv reports on the unsplit schema', () => {
  it('on the sample, the corpus and on broken copies of them', () => {
    const random = randomSequence(7);
    const bases = [SAMPLE, ...corpusConfigs];
    let compared = 0;
    let withErrors = 0;
    for (const base of bases) {
      for (let round = 0; round < 25; round++) {
        let config = base;
        const mutations = 1 + Math.floor(random() * 4);
        for (let step = 0; step < mutations; step++) config = mutate(config, random);
        const expected = ajvErrors(config);
        expect(ourErrors(config)).toBe(expected);
        compared++;
        if (expected !== '[]') withErrors++;
      }
      expect(ourErrors(base)).toBe(ajvErrors(base));
    }
    expect(compared).toBe(bases.length * 25);
    expect(withErrors).toBeGreaterThan(compared / 2);
  });

  it.each<[string, Json]>([
    ['not a mapping at all', 'text'],
    ['non-finite numbers', { libraries: { M: { settings: { asset_depth: Number.POSITIVE_INFINITY, minimum_items: Number.NaN } } }, tmdb: { apikey: 'k' } }],
    ['integers that are not', { libraries: { M: null }, tmdb: { apikey: 'k' }, settings: { asset_depth: 1.5, item_refresh_delay: -2 } }],
    ['an empty libraries mapping', { libraries: {}, tmdb: { apikey: 'k' } }],
    ['keys that need escaping', { libraries: { 'a/b~c': { 'x/y': 1 } }, tmdb: { apikey: 'k' }, 'top~/': 1 }],
    ['anyOf branches that all fail', { libraries: { M: { overlay_files: [{ reset_overlays: 5 }, { reset_overlays: ['nope'] }] } }, tmdb: { apikey: 'k' } }],
    ['a pattern mismatch', { libraries: { M: null }, tmdb: { apikey: 'k', region: 'gb' }, settings: { run_order: 'operations, nope' } }],
  ])('on %s', (_name, config) => {
    expect(ourErrors(config)).toBe(ajvErrors(config));
  });
});

describe('validateConfig', () => {
  it('fills schema and parentSchema from the published schema, with its annotations', () => {
    const [error] = validateConfig({ libraries: { M: null }, tmdb: { apikey: 'k' }, plex: { timeout: 'slow' } });
    expect(error).toMatchObject({ instancePath: '/plex/timeout', keyword: 'type', data: 'slow' });
    expect(error?.parentSchema).toEqual(expect.objectContaining({ description: expect.any(String) }));
  });
});
