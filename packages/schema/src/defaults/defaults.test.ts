import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { acceptsVariable, compareKometaVersions, defaultNames, findDefault, loadDefaults, parseKometaVersion, variableCandidates } from './api';
import { defaultsData } from './data';
import type { DefaultSpec } from './model';

const repoRoot = resolve(__dirname, '../../../..');
const referenceDir = resolve(repoRoot, '../shared/reference');
const kometaDefaultsDir = resolve(repoRoot, '../shared/corpus/kometa-defaults');

function only(kind: 'collection' | 'overlay' | 'playlist', name: string): DefaultSpec {
  const found = findDefault(kind, name);
  if (found.status !== 'found' || found.specs.length !== 1) throw new Error(`${kind} ${name}: ${JSON.stringify(found)}`);
  return found.specs[0]!;
}

describe('dist/defaults.json', () => {
  it('is what src/defaults describes, with the Kometa version and a format version', () => {
    const data = loadDefaults();
    expect(data).toEqual(JSON.parse(JSON.stringify(defaultsData)));
    expect(data.kometaVersion).toBe('2.4.4-build33');
    expect(data.kometaCommit).toMatch(/^5e1771a4/);
    expect(data.formatVersion).toBe(1);
  });

  it('lists 57 collection names in 63 files, 24 overlays and 1 playlist (reference deep §10.2)', () => {
    const { defaults } = loadDefaults();
    expect(defaultNames('collection')).toHaveLength(57);
    expect(defaults.filter((d) => d.kind === 'collection')).toHaveLength(63);
    expect(defaults.filter((d) => d.kind === 'overlay')).toHaveLength(24);
    expect(defaultNames('playlist')).toEqual(['playlist']);
  });
});

describe('findDefault', () => {
  it('strips the folders Kometa strips and resolves library-bound names for every library type', () => {
    expect(only('collection', 'chart/imdb').file).toBe('chart/imdb');
    expect(only('collection', 'imdb.yml').file).toBe('chart/imdb');
    expect(only('overlay', 'overlays/ribbon').file).toBe('overlays/ribbon');
    const decade = findDefault('collection', 'movie/decade');
    expect(decade.status === 'found' && decade.specs.map((s) => s.file)).toEqual(['movie/decade', 'show/decade']);
    // `network` exists only for shows: the config cannot say which type a library is, so it resolves.
    const network = findDefault('collection', 'network');
    expect(network.status === 'found' && network.specs.map((s) => s.file)).toEqual(['show/network']);
  });

  it('reports names Kometa cannot find, and names that lead to a file of another kind', () => {
    expect(findDefault('collection', 'flixpatrol')).toEqual({ status: 'not-found' });
    expect(findDefault('collection', 'IMDb')).toEqual({ status: 'not-found', exactCase: 'imdb' });
    expect(findDefault('overlay', 'movie/ribbon')).toEqual({ status: 'not-found' });
    expect(findDefault('playlist', 'imdb')).toEqual({ status: 'not-found' });
    expect(findDefault('collection', 'templates')).toEqual({ status: 'other-kind', file: 'templates' });
    expect(findDefault('collection', 'playlist')).toEqual({ status: 'other-kind', file: 'playlist' });
    expect(findDefault('overlay', 'templates')).toEqual({ status: 'other-kind', file: 'overlays/templates' });
  });
});

describe('acceptsVariable', () => {
  const imdb = only('collection', 'imdb');
  const ribbon = only('overlay', 'ribbon');
  const genre = only('collection', 'genre');
  const streaming = only('collection', 'streaming');

  it('accepts shared, own, keyed, code-consumed and plumbing variables', () => {
    for (const name of ['collection_mode', 'language', 'use_popular', 'order_top', 'name_lowest', 'style', 'key', 'radarr_add_missing_top']) {
      expect([name, acceptsVariable([imdb], name, null)]).toEqual([name, { status: 'accepted' }]);
    }
    expect(acceptsVariable([streaming], 'use_separator', false)).toEqual({ status: 'accepted' });
    expect(acceptsVariable([ribbon], 'position', ['a'])).toEqual({ status: 'accepted' });
    expect(acceptsVariable([ribbon], 'use_oscars', false)).toEqual({ status: 'accepted' });
    // genre's keys come from the library, so any key is accepted.
    expect(acceptsVariable([genre], 'use_Action', false)).toEqual({ status: 'accepted' });
    expect(acceptsVariable([genre], 'title_format', '<<key_name>> Films')).toEqual({ status: 'accepted' });
  });

  it('checks the key part where the default lists its keys', () => {
    expect(acceptsVariable([imdb], 'use_popularr', false)).toEqual({ status: 'unknown', documentedOnly: false });
    expect(acceptsVariable([streaming], 'use_seperator', false)).toEqual({ status: 'unknown', documentedOnly: false });
    expect(acceptsVariable([streaming], 'use_netflixx', false)).toEqual({ status: 'unknown', documentedOnly: false });
    expect(variableCandidates([streaming])).toEqual(expect.arrayContaining(['use_netflix', 'use_separator']));
    // Chart defaults have no separator of their own (that is `separator_chart`).
    expect(acceptsVariable([imdb], 'use_separator', false)).toEqual({ status: 'unknown', documentedOnly: false });
  });

  it('opens the keys of a dynamic default whose block changes its data', () => {
    const universe = only('collection', 'universe');
    expect(acceptsVariable([universe], 'use_mine', true)).toEqual({ status: 'unknown', documentedOnly: false });
    expect(acceptsVariable([universe], 'use_mine', true, { openKeys: true })).toEqual({ status: 'accepted' });
  });

  it('says when the docs list a variable the file never reads', () => {
    expect(acceptsVariable([only('collection', 'based')], 'limit_books', 10)).toEqual({ status: 'unknown', documentedOnly: true });
  });

  it('judges types and enums where the docs fix them, never placeholders or null', () => {
    expect(acceptsVariable([streaming], 'sep_style', 'purple')).toEqual({ status: 'accepted' });
    expect(acceptsVariable([streaming], 'sep_style', 'Purple')).toEqual({ status: 'accepted' });
    expect(acceptsVariable([streaming], 'sep_style', 'violet')).toEqual({ status: 'wrong-type', expected: expect.stringContaining('one of amethyst, aqua') });
    expect(acceptsVariable([streaming], 'use_separator', 'maybe')).toEqual({ status: 'wrong-type', expected: 'true or false' });
    for (const value of [true, 'false', 'yes', 0, null, '<<use>>', '${USE}']) expect(acceptsVariable([streaming], 'use_separator', value)).toEqual({ status: 'accepted' });
    expect(acceptsVariable([imdb], 'minimum_items', 0)).toEqual({ status: 'wrong-type', expected: 'a whole number, 1 or more' });
    expect(acceptsVariable([imdb], 'minimum_items', '3')).toEqual({ status: 'accepted' });
    expect(acceptsVariable([imdb], 'style', 'standards')).toEqual({ status: 'wrong-type', expected: 'one of color, white' });
    expect(acceptsVariable([only('collection', 'resolution')], 'style', 'standards')).toEqual({ status: 'accepted' });
    expect(acceptsVariable([imdb], 'sync_mode_top', 'apend')).toEqual({ status: 'wrong-type', expected: 'one of sync, append' });
  });
});

describe('Kometa versions', () => {
  it('orders builds before their release and rejects other text', () => {
    expect(parseKometaVersion('v2.4.4-build33')).toEqual([2, 4, 4, 33]);
    expect(parseKometaVersion('latest')).toBeUndefined();
    expect(compareKometaVersions('2.4.4', '2.4.4-build33')).toBeGreaterThan(0);
    expect(compareKometaVersions('2.4.4-build34', '2.4.4-build33')).toBeGreaterThan(0);
    expect(compareKometaVersions('2.4.3', '2.4.4-build33')).toBeLessThan(0);
    expect(compareKometaVersions('2.4.4-develop33', '2.4.4-build33')).toBe(0);
  });
});

/** Reads `<<variable>>` references, with `<<X_<<key>>>>` as `X_<<key>>`; nested names built from other variables are skipped. */
function references(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(/<<([A-Za-z0-9_]+)_<<key>>>>/g)) found.add(`${match[1]}_<<key>>`);
  for (const match of text.replace(/<<([A-Za-z0-9_]+)_<<key>>>>/g, '').matchAll(/<<([A-Za-z0-9_]+)>>/g)) found.add(match[1]!);
  return found;
}

/** Filled in by Kometa itself (reference deep §5.4, §6.4) or by the builder after templating (`limit`, `title`). */
const PROVIDED = new Set([
  'value', 'key', 'key_name', 'included_keys', 'used_keys', 'event_id', 'original_key_name', 'key_name_first_letter', 'limit', 'title',
  'library_type', 'library_typeU', 'library_name', 'collection_name', 'overlay_name', 'playlist_name', 'mapping_name',
  'collection_sort', 'overlay_sort', 'playlist_sort', 'mapping_sort', 'current_year', 'current_month', 'current_day', 'smart_label',
]);

function unaccepted(spec: DefaultSpec, text: string): string[] {
  return [...references(text)]
    .filter((name) => !PROVIDED.has(name) && !name.endsWith('_encoded') && name !== spec.dynamic)
    .filter((name) => acceptsVariable([spec], name.replace('<<key>>', spec.keys?.[0] ?? 'any_key'), null).status !== 'accepted');
}

const describeKometaDefaults = existsSync(kometaDefaultsDir) ? describe : describe.skip;
if (!existsSync(kometaDefaultsDir)) console.warn(`Kometa's default files not found at ${kometaDefaultsDir}; skipping the cross-check.`);

describeKometaDefaults("Kometa's own default files (../shared/corpus/kometa-defaults)", () => {
  it('has a file for every default in the data', () => {
    const missing = loadDefaults().defaults.filter((spec) => !existsSync(join(kometaDefaultsDir, `${spec.file}.yml`)));
    expect(missing.map((spec) => spec.file)).toEqual([]);
  });

  it.each(loadDefaults().defaults.map((spec) => [spec.file, spec] as const))('every <<variable>> %s reads is accepted', (_file, spec) => {
    expect(unaccepted(spec, readFileSync(join(kometaDefaultsDir, `${spec.file}.yml`), 'utf8'))).toEqual([]);
  });

  it('every <<variable>> a shared template reads is accepted by each default that calls it', () => {
    const problems: string[] = [];
    for (const [file, single] of [['templates.yml', undefined], ['overlays/templates.yml', 'standard']] as const) {
      const templates = (parse(readFileSync(join(kometaDefaultsDir, file), 'utf8')) as { templates: Record<string, unknown> }).templates;
      for (const [name, body] of Object.entries(templates)) {
        const set = single ?? name;
        for (const spec of loadDefaults().defaults.filter((d) => (d.sets as readonly string[]).includes(set))) {
          problems.push(...unaccepted(spec, JSON.stringify(body)).map((v) => `${file} ${name}: ${v} (${spec.file})`));
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

const describeReference = existsSync(referenceDir) ? describe : describe.skip;
if (!existsSync(referenceDir)) console.warn(`Reference facts not found at ${referenceDir}; skipping the differential check.`);

describeReference('differential check against the reference facts (../shared/reference)', () => {
  const text = existsSync(referenceDir) ? ['kometa-files.md', 'kometa-files-deep.md'].map((f) => readFileSync(join(referenceDir, f), 'utf8')).join('\n') : '';
  /**
   * How the reference writes a name: as is, with `*` for `<<any>>`, `<queue>` for a queue, or (for `X_<<key>>`)
   * `X` with the "(+k)" convention of deep §10.4.
   */
  const ratingN = /`ratingN_\{([^}]+)\}/.exec(text)?.[1]?.split(',') ?? [];
  const inReference = (name: string): boolean =>
    [name, name.replace('<<any>>', '*'), name.replace('<<any>>', '<queue>'), name.replace(/_<<key>>$/, '')].some((form) => text.includes(`\`${form}\``) || text.includes(`\`${form}*`)) ||
    // deep §10.6 writes the ratings overlay's per-rating variables as `ratingN_{addon_offset,...} (N=1..3)`.
    (/^rating[123]_/.test(name) && ratingN.includes(name.slice('ratingN_'.length)));

  it('names every default as the reference does', () => {
    const data = loadDefaults();
    expect(data.defaults.filter((spec) => !text.includes(`\`${spec.name}\``) || !text.includes(`${spec.file}.yml`)).map((s) => s.file)).toEqual([]);
  });

  it('takes every variable name from the reference (plumbing is checked against Kometa’s files above)', () => {
    const data = loadDefaults();
    const names = new Set([
      ...data.defaults.flatMap((spec) => [...spec.variables, ...(spec.docsOnly ?? []), ...(spec.keys ?? [])]),
      ...Object.values(data.sets).flat(),
      ...data.dynamicOverrides,
      ...data.common.collection,
      ...data.common.overlay,
      // Type entries are left out: they accept nothing by themselves, so a typo there cannot raise an "unknown".
    ]);
    expect([...names].filter((name) => !inReference(name))).toEqual([]);
  });
});
