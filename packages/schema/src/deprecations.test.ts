import { readFileSync } from 'node:fs';
import { deprecations, loadConfigSchema, schemaPath, SCHEMA_ID, validateConfig, type Deprecation } from './index';
import { configSchema, schemasAt } from './config-schema';
import { deprecations as sourceTable } from './deprecations';
import { configTopLevelKeys } from './validate';

/** A config holding only the deprecated key at `path` (`*` becomes the library `Movies` or a list index). */
function configWithKey(deprecation: Deprecation, value: unknown): Record<string, unknown> {
  let leaf: unknown = value;
  const path = deprecation.path;
  for (let index = path.length - 1; index >= 0; index -= 1) {
    const segment = path[index] as string;
    if (segment === '*' && path[index - 1] === 'libraries') leaf = { Movies: leaf };
    else if (segment === '*') leaf = [leaf];
    else leaf = { [segment]: leaf };
  }
  const config = { libraries: { Movies: null }, tmdb: { apikey: 'k' }, ...(leaf as Record<string, unknown>) };
  return config;
}

describe('deprecations table', () => {
  it('is shipped exactly as src/deprecations.ts builds it', () => {
    expect(deprecations).toEqual(sourceTable);
  });

  it('has unique paths and one-sentence messages', () => {
    const keys = deprecations.map((deprecation) => deprecation.path.join('.'));
    expect(new Set(keys).size).toBe(keys.length);
    for (const deprecation of deprecations) {
      expect(deprecation.message).toMatch(/^Kometa [^]*\.$/);
      expect(deprecation.path.length).toBeGreaterThan(0);
    }
  });

  it.each(deprecations.map((deprecation) => [deprecation.path.join('.'), deprecation] as const))(
    '%s is in the schema, annotated for editors',
    (_name, deprecation) => {
      const parents = schemasAt(configSchema, deprecation.path.slice(0, -1));
      const key = deprecation.path[deprecation.path.length - 1] as string;
      const marked = parents
        .map((parent) => (parent['properties'] as Record<string, Record<string, unknown>> | undefined)?.[key])
        .filter((property) => property !== undefined);
      expect(marked.length).toBeGreaterThan(0);
      for (const property of marked) {
        expect(property['deprecated']).toBe(true);
        expect(property['deprecationMessage']).toEqual(expect.stringMatching(/^Deprecated\. /));
        if (deprecation.replacement) {
          expect(property['deprecationMessage']).toEqual(expect.stringContaining(deprecation.replacement));
        }
      }
    },
  );

  it.each(deprecations.map((deprecation) => [deprecation.path.join('.'), deprecation] as const))(
    '%s is allowed by the validator (not reported as unknown)',
    (_name, deprecation) => {
      const candidates: unknown[] = [null, true, 'weekly(sunday)', 1, ['x']];
      const results = candidates.map((value) => validateConfig(configWithKey(deprecation, value)));
      expect(results.some((errors) => errors.length === 0)).toBe(true);
      for (const errors of results) {
        expect(errors.filter((error) => error.keyword === 'additionalProperties')).toEqual([]);
      }
    },
  );
});

describe('published schema', () => {
  it('is a draft-07 schema with an $id', () => {
    expect(configSchema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(configSchema['$id']).toEqual(expect.stringMatching(/^https:\/\/.+\.json$/));
    expect(configSchema['$id']).toBe(SCHEMA_ID);
  });

  it('is written to schemaPath exactly as built, and loadConfigSchema reads it once', () => {
    expect(JSON.parse(readFileSync(schemaPath, 'utf8'))).toEqual(configSchema);
    expect(loadConfigSchema()).toEqual(configSchema);
    expect(loadConfigSchema()).toBe(loadConfigSchema());
  });

  it('never contains a merge key or a format/pattern on secrets and URLs', () => {
    const text = JSON.stringify(configSchema);
    expect(text).not.toContain('"<<"');
    expect(text).not.toContain('"format"');
    const plex = schemasAt(configSchema, ['plex'])[0] as { properties: Record<string, Record<string, unknown>> };
    for (const key of ['url', 'token']) expect(plex.properties[key]).toEqual(expect.not.objectContaining({ pattern: expect.anything() }));
  });

  it('ships the top-level section names the linter reads on every run', () => {
    expect(configTopLevelKeys).toEqual(Object.keys(configSchema.properties ?? {}));
    expect(configTopLevelKeys).toEqual(expect.arrayContaining(['libraries', 'plex', 'tmdb', 'trakt', 'mal']));
  });
});
