import { findings, lintText } from '../../test/helpers';
import { displayPath, shapeSchemaErrors } from './shape';
import type { SchemaError } from './types';

const options = { topLevelKeys: ['plex', 'tmdb', 'radarr', 'sonarr', 'settings', 'libraries', 'webhooks'] };

function error(partial: Partial<SchemaError> & Pick<SchemaError, 'keyword'>): SchemaError {
  return { instancePath: '', schemaPath: `#/${partial.keyword}`, params: {}, ...partial };
}

describe('shapeSchemaErrors', () => {
  it('points an unknown key at the key with a did-you-mean', () => {
    const [finding] = shapeSchemaErrors(
      [error({ keyword: 'additionalProperties', instancePath: '/settings', params: { additionalProperty: 'cache_expiraton' }, parentSchema: { properties: { cache: {}, cache_expiration: {} } } })],
      options,
    );
    expect(finding).toMatchObject({ rule: 'schema/unknown-key', severity: 'warning', pointer: '/settings/cache_expiraton', at: 'key', hint: 'Did you mean `cache_expiration`?' });
  });

  it('names a top-level section nested inside another one', () => {
    const [finding] = shapeSchemaErrors([error({ keyword: 'additionalProperties', instancePath: '/radarr', params: { additionalProperty: 'sonarr' }, parentSchema: { properties: { url: {} } } })], options);
    expect(finding.hint).toContain('`sonarr` is a top-level section');
  });

  it('gives no suggestion when nothing is close', () => {
    const [finding] = shapeSchemaErrors([error({ keyword: 'additionalProperties', instancePath: '/plex', params: { additionalProperty: 'zzzzzz' }, parentSchema: { properties: { url: {} } } })], options);
    expect(finding.hint).toBeUndefined();
  });

  it('explains yes/no where a boolean is expected', () => {
    const [finding] = shapeSchemaErrors([error({ keyword: 'type', instancePath: '/settings/cache', params: { type: ['boolean', 'null'] }, data: 'yes' })], options);
    expect(finding).toMatchObject({ rule: 'schema/type', severity: 'error', at: 'value' });
    expect(finding.message).toBe('`settings.cache` must be true, false or blank, not the text `yes`.');
    expect(finding.hint).toContain('YAML 1.2 reads `yes` as text');
    expect(finding.hint).toContain('write true');
  });

  it('lists allowed values of an enum, merged across branches, with a did-you-mean', () => {
    const [finding] = shapeSchemaErrors(
      [
        error({ keyword: 'enum', instancePath: '/settings/sync_mode', params: { allowedValues: ['append'] }, data: 'sycn' }),
        error({ keyword: 'enum', instancePath: '/settings/sync_mode', params: { allowedValues: ['sync'] }, data: 'sycn' }),
      ],
      options,
    );
    expect(finding).toMatchObject({ rule: 'schema/enum', severity: 'error', hint: 'Did you mean `sync`?' });
    expect(finding.message).toContain('Allowed: append, sync.');
  });

  it('reports an out-of-range number', () => {
    const [finding] = shapeSchemaErrors([error({ keyword: 'maximum', instancePath: '/settings/overlay_artwork_quality', params: { limit: 100 }, data: 101 })], options);
    expect(finding).toMatchObject({ rule: 'schema/range', severity: 'error', message: '`settings.overlay_artwork_quality` must be at most 100, not `101`.' });
  });

  it('reports a missing attribute with a pointer naming it', () => {
    const [finding] = shapeSchemaErrors([error({ keyword: 'required', instancePath: '/tmdb', params: { missingProperty: 'apikey' } })], options);
    expect(finding).toMatchObject({ rule: 'schema/required', severity: 'error', pointer: '/tmdb/apikey', message: '`tmdb` is missing `apikey`.' });
  });

  it('never judges placeholders, env for plex, or template_variables', () => {
    const shaped = shapeSchemaErrors(
      [
        error({ keyword: 'type', instancePath: '/plex/timeout', params: { type: 'integer' }, data: '<<TIMEOUT>>' }),
        error({ keyword: 'format', instancePath: '/plex/url', params: { format: 'uri' }, data: 'env' }),
        error({ keyword: 'format', instancePath: '/radarr/url', params: { format: 'uri' }, data: '${RADARR_URL}' }),
        error({ keyword: 'type', instancePath: '/libraries/M/template_variables/x', params: { type: 'string' }, data: 1 }),
      ],
      options,
    );
    expect(shaped).toEqual([]);
  });

  it('masks the scalar value of a secret key', () => {
    const [finding] = shapeSchemaErrors([error({ keyword: 'type', instancePath: '/plex/token', params: { type: 'string' }, data: 12345678 })], options);
    expect(finding.message).toBe('`plex.token` must be text, not ********.');
  });

  it('names the type of a list or mapping under a secret key, which is no secret, and never its items', () => {
    const [list] = shapeSchemaErrors([error({ keyword: 'type', instancePath: '/plex/token', params: { type: 'string,null' }, data: ['hunter2secret'] })], options);
    expect(list.message).toBe('`plex.token` must be text or blank, not a list.');
    const [mapping] = shapeSchemaErrors([error({ keyword: 'type', instancePath: '/trakt/client_secret', params: { type: 'string' }, data: { a: 'hunter2secret' } })], options);
    expect(mapping.message).toBe('`trakt.client_secret` must be text, not a mapping.');
  });

  it('collapses anyOf to the branch matching the value type', () => {
    const anyOf = error({ keyword: 'anyOf', instancePath: '/libraries/M/collection_files/0', schemaPath: '#/x/anyOf' });
    const shaped = shapeSchemaErrors(
      [
        error({ keyword: 'type', instancePath: '/libraries/M/collection_files/0', schemaPath: '#/x/anyOf/0/type', params: { type: 'string' } }),
        error({ keyword: 'additionalProperties', instancePath: '/libraries/M/collection_files/0', schemaPath: '#/x/anyOf/1/additionalProperties', params: { additionalProperty: 'defualt' }, parentSchema: { properties: { default: {}, file: {} } } }),
        anyOf,
      ],
      options,
    );
    expect(shaped).toEqual([expect.objectContaining({ rule: 'schema/unknown-key', pointer: '/libraries/M/collection_files/0/defualt', hint: 'Did you mean `default`?' })]);
  });

  it('merges an anyOf where every branch is a type mismatch into one type error', () => {
    const shaped = shapeSchemaErrors(
      [
        error({ keyword: 'type', instancePath: '/a', schemaPath: '#/anyOf/0/type', params: { type: 'string' }, data: 3 }),
        error({ keyword: 'type', instancePath: '/a', schemaPath: '#/anyOf/1/type', params: { type: 'array' }, data: 3 }),
        error({ keyword: 'anyOf', instancePath: '/a', schemaPath: '#/anyOf' }),
      ],
      options,
    );
    expect(shaped).toEqual([expect.objectContaining({ rule: 'schema/type', message: '`a` must be text or a list, not `3`.' })]);
  });

  it('deduplicates and drops enum/format noise on a value with a type error', () => {
    const shaped = shapeSchemaErrors(
      [
        error({ keyword: 'type', instancePath: '/a', params: { type: 'string' }, data: 3 }),
        error({ keyword: 'type', instancePath: '/a', params: { type: 'string' }, data: 3 }),
        error({ keyword: 'enum', instancePath: '/a', params: { allowedValues: ['x'] }, data: 3 }),
      ],
      options,
    );
    expect(shaped.map((f) => f.rule)).toEqual(['schema/type']);
  });
});

describe('displayPath', () => {
  it.each([
    ['/settings/cache', 'settings.cache'],
    ['/libraries/Movies/operations/mass_genre_update/1', 'operations.mass_genre_update[1]'],
    ['/libraries/Movies/collection_files/0', 'Movies.collection_files[0]'],
  ])('%s -> %s', (pointer, shown) => expect(displayPath(pointer)).toBe(shown));
});

describe('schema findings in the engine', () => {
  it('positions findings and drops those a semantic rule already reports', () => {
    const text = 'plex:\n  url: http://x\n  token: abcdefgh\ntmdb:\n  apikey: k\nlibraries:\n  Movies:\n    collections:\n      Foo:\n        plex_search: 1\n';
    const result = lintText(text, {}, [
      { instancePath: '/libraries/Movies', schemaPath: '#/a', keyword: 'additionalProperties', params: { additionalProperty: 'collections' }, parentSchema: { properties: {} } },
      { instancePath: '/plex/url', schemaPath: '#/b', keyword: 'format', params: { format: 'uri' }, data: 'http://x' },
    ]);
    expect(findings(result, 'schema/unknown-key')).toEqual([]);
    expect(findings(result, 'core/definitions-in-library')).toHaveLength(1);
    expect(findings(result, 'schema/format')).toEqual([expect.objectContaining({ line: 2, column: 8 })]);
  });
});

describe('format findings', () => {
  it('take the schema description of the value as the hint, and give none without one', () => {
    const text = 'plex:\n  url: http://x\n  token: abcdefgh\ntmdb:\n  apikey: k\n  region: gb\n  language: e\n';
    const result = lintText(text, {}, [
      { instancePath: '/tmdb/region', schemaPath: '#/r', keyword: 'pattern', params: { pattern: '^[A-Z]{2}$' }, data: 'gb', parentSchema: { type: 'string', description: 'Upper-case ISO 3166-1 code (e.g. US).' } },
      { instancePath: '/tmdb/language', schemaPath: '#/l', keyword: 'pattern', params: { pattern: '^..$' }, data: 'e', parentSchema: { type: 'string' } },
    ]);
    expect(findings(result, 'schema/format')).toEqual([
      expect.objectContaining({ pointer: '/tmdb/region', message: '`tmdb.region` is not in the expected format: the text `gb`.', hint: 'Upper-case ISO 3166-1 code (e.g. US).' }),
      expect.objectContaining({ pointer: '/tmdb/language', hint: undefined }),
    ]);
  });
});

describe('unknown keys that belong one level down', () => {
  it('names the block a key belongs in', () => {
    const [finding] = shapeSchemaErrors(
      [
        {
          instancePath: '/trakt',
          schemaPath: '#/properties/trakt/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: 'access_token' },
          parentSchema: { properties: { client_id: {}, authorization: { properties: { access_token: {}, refresh_token: {} } } } },
        },
      ],
      { topLevelKeys: [] },
    );
    expect(finding.hint).toBe('`access_token` belongs under `trakt.authorization`: indent it there.');
  });
});
