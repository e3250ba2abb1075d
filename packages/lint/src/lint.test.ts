import { coreRules, formatNames, lint, ruleCatalog } from './index';

const CONFIG = `plex:
  url: <<PLEX_URL>>
  token: env
tmdb:
  apikey: <<TMDB_KEY>>
  cache_expiraton: 60
settings:
  cache: yes
  sync_mode: synch
libraries:
  Movies:
    template_variables:
      anything: [goes, here]
    collection_files:
      - default: basic
`;

describe('lint with the real schema', () => {
  const result = lint(CONFIG, { file: 'config.yml' });
  const byRule = (rule: string) => result.diagnostics.filter((d) => d.rule === rule);

  it('suggests the right key for a typo', () => {
    expect(byRule('schema/unknown-key')).toEqual([expect.objectContaining({ pointer: '/tmdb/cache_expiraton', line: 6, column: 3, hint: 'Did you mean `cache_expiration`?' })]);
  });

  it('explains yes where a boolean is expected and lists enum values', () => {
    expect(byRule('schema/type')).toEqual([expect.objectContaining({ pointer: '/settings/cache', line: 8, column: 10, severity: 'error' })]);
    expect(byRule('schema/enum')).toEqual([expect.objectContaining({ pointer: '/settings/sync_mode', hint: 'Did you mean `sync`?' })]);
  });

  it('never judges placeholders, env or template_variables against the schema', () => {
    expect(result.diagnostics.filter((d) => /^\/plex|^\/libraries/.test(d.pointer) && d.rule.startsWith('schema/'))).toEqual([]);
  });

  it('checks library template_variables against the defaults the library links instead', () => {
    expect(byRule('core/template-variables')).toEqual([expect.objectContaining({ pointer: '/libraries/Movies/template_variables/anything', severity: 'warning' })]);
  });

  it('counts what it found', () => {
    expect(result).toMatchObject({ file: 'config.yml', kind: 'config', errorCount: 2, warningCount: 2, infoCount: 0 });
  });
});

describe('rule catalog', () => {
  it('lists parser, schema, core and plugin rules once each', () => {
    const plugin = { apiVersion: 1 as const, meta: { id: 'demo', name: 'Demo' }, configKey: 'demo', rules: [{ id: 'demo/x', description: 'd', docsUrl: 'https://example.invalid/x', check: () => undefined }] };
    const ids = ruleCatalog([plugin]).map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['yaml/syntax', 'schema/unknown-key', 'core/schedule', 'demo/x']));
    expect(ruleCatalog([plugin]).find((rule) => rule.id === 'demo/x')).toEqual({ id: 'demo/x', description: 'd', docsUrl: 'https://example.invalid/x' });
  });

  it('exports the core rules with stable core/* ids and descriptions', () => {
    for (const rule of coreRules) {
      expect(rule.id).toMatch(/^core\/[a-z-]+$/);
      expect(rule.description.length).toBeGreaterThan(10);
    }
    expect(formatNames).toContain('sarif');
  });
});
