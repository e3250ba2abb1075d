import type { LintRule, Plugin, RuleContext } from '@pmm-config/plugin';
import { BASE, findings, lintText, memoryHost } from '../test/helpers';

function plugin(...rules: LintRule[]): Plugin {
  return { apiVersion: 1, meta: { id: 'demo', name: 'Demo' }, configKey: 'demo', rules };
}

describe('plugin rules through the RuleContext', () => {
  it('reads values, styles and placeholders and reports at key or value', () => {
    let seen: RuleContext | undefined;
    const rule: LintRule = {
      id: 'demo/check',
      description: 'demo',
      check(context) {
        seen = context;
        context.report({ severity: 'warning', pointer: '/demo/pin', at: 'value', message: 'quote it' });
        context.report({ severity: 'info', pointer: '/demo/missing', message: 'missing here' });
      },
    };
    const result = lintText(`${BASE}demo:\n  pin: 12345678\n  quoted: "x"\n  blank:\n`, { plugins: [plugin(rule)] });
    expect(seen?.get('/demo/pin')).toBe(12345678);
    expect(seen?.get('/demo/blank')).toBeNull();
    expect(seen?.has('/demo/blank')).toBe(true);
    expect(seen?.has('/demo/nothing')).toBe(false);
    expect(seen?.scalarStyle('/demo/pin')).toBe('plain');
    expect(seen?.scalarStyle('/demo/quoted')).toBe('double-quoted');
    expect(seen?.isPlaceholder('<<PIN>>')).toBe(true);
    expect(seen?.isPlaceholder('1234')).toBe(false);
    expect(findings(result, 'demo/check')).toEqual([
      expect.objectContaining({ line: 6, column: 1, severity: 'info', pointer: '/demo/missing' }),
      expect.objectContaining({ line: 7, column: 8, severity: 'warning', pointer: '/demo/pin' }),
    ]);
    expect(result.infoCount).toBe(1);
  });

  it('turns a throwing rule into one internal/rule-crashed error and keeps going', () => {
    const boom: LintRule = { id: 'demo/boom', description: 'x', check: () => { throw new Error('token abcdefghij leaked'); } };
    const after: LintRule = { id: 'demo/after', description: 'x', check: (c) => c.report({ severity: 'warning', pointer: '/plex', message: 'still ran' }) };
    const result = lintText(BASE + 'libraries:\n  Movies:\n', { plugins: [plugin(boom, after)] });
    const crashed = findings(result, 'internal/rule-crashed');
    expect(crashed).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringContaining('demo/boom') })]);
    expect(crashed[0].message).not.toContain('abcdefghij');
    expect(findings(result, 'demo/after')).toHaveLength(1);
  });

  it('masks secret values that a rule puts into its message', () => {
    const leaky: LintRule = { id: 'demo/leak', description: 'x', check: (c) => c.report({ severity: 'error', pointer: '/plex/token', message: `token ${String(c.get('/plex/token'))} is wrong`, hint: 'abcdefghij' }) };
    const [finding] = findings(lintText(BASE, { plugins: [plugin(leaky)] }), 'demo/leak');
    expect(finding.message).toBe('token ******** is wrong');
    expect(finding.hint).toBe('********');
  });

  it('cuts a rule\'s pointer at the secret key and before a segment that spells a secret', () => {
    const below: LintRule = { id: 'demo/below', description: 'x', check: (c) => c.report({ severity: 'error', pointer: '/plex/token/abcdefghij', message: 'm' }) };
    const spelled: LintRule = { id: 'demo/spelled', description: 'x', check: (c) => c.report({ severity: 'error', pointer: '/plex/x-abcdefghij-y/z', message: 'm' }) };
    const result = lintText(BASE, { plugins: [plugin(below), plugin(spelled)] });
    expect(findings(result, 'demo/below')[0].pointer).toBe('/plex/token');
    expect(findings(result, 'demo/spelled')[0].pointer).toBe('/plex');
  });

  it('offers parsed linked files lazily, only when a config folder and host are given', () => {
    const host = memoryHost({ '/c/a.yml': 'collections:\n  A: {}\n', '/c/broken.yml': 'a: [\n' });
    let linked: unknown;
    const rule: LintRule = { id: 'demo/linked', description: 'x', check: (c) => { linked = c.linkedFiles(); } };
    lintText(`${BASE}libraries:\n  M:\n    collection_files:\n      - file: a.yml\n      - file: broken.yml\n`, { plugins: [plugin(rule)], configDir: '/c', host });
    expect(linked).toEqual([{ path: '/c/a.yml', from: '/libraries/M/collection_files/0/file', data: { collections: { A: {} } } }]);
    lintText(`${BASE}libraries:\n  M:\n    collection_files:\n      - file: a.yml\n`, { plugins: [plugin(rule)] });
    expect(linked).toEqual([]);
  });

  it('passes the injected clock', () => {
    let now: Date | undefined;
    const fixed = new Date('2026-01-02T03:04:05Z');
    lintText(BASE, { plugins: [plugin({ id: 'demo/now', description: 'x', check: (c) => { now = c.now(); } })], now: () => fixed });
    expect(now).toBe(fixed);
  });
});

describe('lint results', () => {
  it('sorts by line and column and counts by severity', () => {
    const result = lintText(`${BASE}libraries:\n  Movies:\n    schedule: bad\n    collections: {}\n`);
    const positions = result.diagnostics.map((d) => d.line * 1000 + d.column);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(result.errorCount).toBe(result.diagnostics.filter((d) => d.severity === 'error').length);
    expect(result.errorCount).toBe(2);
    expect(result.source).toContain('schedule: bad');
    expect(result.file).toBe('config.yml');
  });

  it('runs no rule on a file Kometa cannot load', () => {
    const result = lintText('libraries:\n  Movies:\n    collections: {}\n  Movies:\n');
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['yaml/duplicate-key']);
  });
});

describe('top-level sections that only hold anchors', () => {
  const unknownTop = [{ instancePath: '', schemaPath: '#/additionalProperties', keyword: 'additionalProperties', params: { additionalProperty: 'shared_files' }, parentSchema: { properties: { plex: {}, tmdb: {} } } }];
  it('reports them as info, not as a warning', () => {
    const result = lintText(`shared_files: &shared\n  - default: basic\n${BASE}libraries:\n  Movies:\n    collection_files: *shared\n`, {}, unknownTop);
    expect(findings(result, 'schema/unknown-key')).toEqual([expect.objectContaining({ severity: 'info', line: 1, message: expect.stringContaining('only holds YAML anchors') })]);
  });
  it('keeps a warning for an unknown section without anchors', () => {
    const result = lintText(`shared_files:\n  - default: basic\n${BASE}`, {}, unknownTop);
    expect(findings(result, 'schema/unknown-key')).toEqual([expect.objectContaining({ severity: 'warning', line: 1 })]);
  });
});
