import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PluginLoadError, loadPlugin } from './index';

const fixtures = path.resolve(__dirname, '../test/fixtures/plugins');

async function loadError(specifier: string, fromDir = fixtures): Promise<PluginLoadError> {
  const error = await loadPlugin(specifier, fromDir).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PluginLoadError);
  return error as PluginLoadError;
}

describe('loadPlugin', () => {
  it('loads a path relative to the folder and unwraps default', async () => {
    const loaded = await loadPlugin('./valid.cjs', fixtures);
    expect(loaded.plugin.meta.id).toBe('demo');
    expect(loaded.resolvedPath).toBe(path.join(fixtures, 'valid.cjs'));
    expect(loaded.specifier).toBe('./valid.cjs');
  });

  it('resolves a package name from the folder (a plugin installed next to the config)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pmm-plugin-'));
    try {
      const pkg = path.join(dir, 'node_modules', 'pmm-config-plugin-demo');
      mkdirSync(pkg, { recursive: true });
      writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'pmm-config-plugin-demo', version: '1.0.0', main: 'index.js' }));
      writeFileSync(path.join(pkg, 'index.js'), "exports.plugin = { apiVersion: 1, meta: { id: 'demo-pkg', name: 'Demo' }, configKey: 'demo_pkg' };");
      const loaded = await loadPlugin('pmm-config-plugin-demo', dir);
      expect(loaded.plugin.configKey).toBe('demo_pkg');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the module when it is not found', async () => {
    const missingFile = await loadError('./nope.js');
    expect(missingFile.code).toBe('PLUGIN_NOT_FOUND');
    expect(missingFile.message).toContain('"./nope.js"');
    const missingPackage = await loadError('pmm-config-plugin-that-does-not-exist');
    expect(missingPackage.code).toBe('PLUGIN_NOT_FOUND');
    expect(missingPackage.message).toContain('npm install');
  });

  it('reports a module that throws while loading', async () => {
    const error = await loadError('./throws.cjs');
    expect(error.code).toBe('PLUGIN_LOAD_FAILED');
    expect(error.message).toContain('boom while loading');
  });

  it('rejects another API version with advice', async () => {
    const error = await loadError('./future.cjs');
    expect(error.code).toBe('PLUGIN_INVALID');
    expect(error.message).toMatch(/"\.\/future\.cjs".*version 2.*update pmm-config/);
  });

  it('lists every shape problem', async () => {
    const error = await loadError('./broken-shape.cjs');
    expect(error.code).toBe('PLUGIN_INVALID');
    expect(error.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('meta.id'),
        expect.stringContaining('configKey'),
        expect.stringContaining('rules[0].id must start with "Bad Id/"'),
        expect.stringContaining('rules[0].check'),
      ]),
    );
  });

  it('rejects a module that exports no object', async () => {
    const error = await loadError('./not-a-plugin.cjs');
    expect(error.message).toContain('does not export a plugin object');
  });
});
