import type { LintRule, Plugin } from '@pmm-config/plugin';
import { BASE, memoryHost } from '../test/helpers';
import { lintFiles } from './lint';
import type { LintHost } from './types';

/** A host that counts reads, to prove each file is read once however many links point at it. */
function countingHost(files: Record<string, string>, directories: readonly string[] = []): LintHost & { reads: Record<string, number> } {
  const inner = memoryHost(files, directories);
  const reads: Record<string, number> = {};
  return {
    ...inner,
    reads,
    readFile(path) {
      reads[path] = (reads[path] ?? 0) + 1;
      return inner.readFile(path);
    },
  };
}

const CONFIG = `${BASE}libraries:
  Movies:
    collection_files:
      - file: config/shared.yml
      - folder: config/more
  TV Shows:
    collection_files:
      - file: /config/shared.yml
`;

const FILES = {
  '/k/config/shared.yml': 'external_templates:\n  - file: config/t.yml\ncollections:\n  A:\n    template: {name: t}\n',
  '/k/config/t.yml': 'templates:\n  t:\n    tmdb_company: 3\n',
  '/k/config/more/b.yml': 'collections:\n  B:\n    tmdb_company: 2\n',
};

describe('lintFiles: a config and the files it links', () => {
  it('reads and parses each linked file once, even when two libraries link it', () => {
    const host = countingHost(FILES, ['/k/config/more']);
    const results = lintFiles([{ file: 'config/config.yml', path: '/k/config/config.yml', text: CONFIG }], { host });
    expect(results.map((r) => [r.file, r.kind])).toEqual([
      ['config/config.yml', 'config'],
      ['config/shared.yml', 'collection'],
      ['config/t.yml', 'template'],
      ['config/more/b.yml', 'collection'],
    ]);
    expect(host.reads).toEqual({ '/k/config/shared.yml': 1, '/k/config/t.yml': 1, '/k/config/more/b.yml': 1 });
  });

  it('hands config rules the linked files the run parsed, marked as checked, with the path shown to users', () => {
    let seen: unknown;
    const probe: LintRule = { id: 'probe/linked', description: 'probe', check: (context) => void (seen = context.linkedFiles()) };
    const plugin: Plugin = { apiVersion: 1, meta: { id: 'probe', name: 'Probe' }, configKey: 'probe', rules: [probe] };
    const host = countingHost(FILES, ['/k/config/more']);
    lintFiles([{ file: 'config/config.yml', path: '/k/config/config.yml', text: CONFIG }], { host, plugins: [plugin] });
    expect(seen).toEqual([
      expect.objectContaining({ path: '/k/config/shared.yml', file: 'config/shared.yml', from: '/libraries/Movies/collection_files/0/file', checked: true }),
      expect.objectContaining({ path: '/k/config/more/b.yml', file: 'config/more/b.yml', from: '/libraries/Movies/collection_files/1/folder', checked: true }),
    ]);
    expect(host.reads['/k/config/shared.yml']).toBe(1);
  });

  it('with follow: false reports the config alone, and its rules still see the linked files (not marked checked)', () => {
    let seen: readonly { checked?: boolean }[] = [];
    const probe: LintRule = { id: 'probe/linked', description: 'probe', check: (context) => void (seen = context.linkedFiles()) };
    const plugin: Plugin = { apiVersion: 1, meta: { id: 'probe', name: 'Probe' }, configKey: 'probe', rules: [probe] };
    const results = lintFiles([{ file: 'config/config.yml', path: '/k/config/config.yml', text: CONFIG }], { host: memoryHost(FILES, ['/k/config/more']), plugins: [plugin], follow: false });
    expect(results.map((r) => r.file)).toEqual(['config/config.yml']);
    expect(seen.map((file) => file.checked)).toEqual([false, false]);
  });

  it('calls a plugin builder service with the uses of its builders in each linked file, and only with a config', () => {
    const calls: string[] = [];
    const plugin: Plugin = {
      apiVersion: 1,
      meta: { id: 'demo', name: 'Demo' },
      configKey: 'demo',
      builders: {
        ruleId: 'demo/needs-demo',
        description: 'demo builders need demo:',
        builders: ['demo_*'],
        check(context) {
          calls.push(`${context.file}: ${context.uses.map((use) => `${use.builder}@${use.pointer}`).join(', ')} (${context.config.libraries.map((l) => l.name).join(', ')})`);
          for (const use of context.uses) context.report({ severity: 'error', pointer: use.pointer, message: `${use.builder} needs demo: (${context.config.where('/libraries')})` });
        },
      },
    };
    const files = { '/k/config/d.yml': 'collections:\n  A:\n    Demo_List.sync: x\n    tmdb_company: 1\n' };
    const config = `${BASE}libraries:\n  Movies:\n    collection_files:\n      - file: d.yml\n`;
    const results = lintFiles([{ file: 'config.yml', path: '/k/config/config.yml', text: config }], { host: memoryHost(files), plugins: [plugin] });
    expect(calls).toEqual(['d.yml: demo_list@/collections/A/Demo_List.sync (Movies)']);
    expect(results[1]?.diagnostics.map((d) => [d.rule, d.line, d.column, d.message])).toEqual([['demo/needs-demo', 3, 5, 'demo_list needs demo: (config.yml:6)']]);
    // the same file named on its own: no config, no builder check
    calls.length = 0;
    lintFiles([{ file: 'd.yml', path: '/k/config/d.yml', text: files['/k/config/d.yml'] }], { plugins: [plugin] });
    expect(calls).toEqual([]);
  });

  it('a linked file that cannot be read is one error at its link', () => {
    const host: LintHost = { ...memoryHost({}), stat: () => 'file', readFile: () => ({ problem: 'permission denied' }) };
    const [config] = lintFiles([{ file: 'config.yml', path: '/k/config.yml', text: `${BASE}libraries:\n  Movies:\n    collection_files:\n      - file: x.yml\n` }], { host });
    expect(config?.diagnostics.map((d) => [d.rule, d.severity, d.line, d.message])).toEqual([
      ['core/unreadable-linked-file', 'error', 9, '`x.yml` cannot be read (permission denied); Kometa cannot load it and skips every definition in it.'],
    ]);
  });
});
