import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleScript, mustRun } from './support/packed-cli';
import { repoRoot, runBuiltCli, type CliRun } from './support/run-built-cli';
import { tempTree } from './support/temp-dir';

// The published bin (scripts/launcher.cjs as dist/main.js) runs the bundle with a V8 code cache. The cache may
// only ever change speed: every run below must print exactly what the workspace build prints.
const broken = resolve(__dirname, 'fixtures/validate/error.yml');
const args = ['validate', broken, '-f', 'json'];
// A glob argument: the only path that needs the glob chunk (tinyglobby).
const globArgs = ['validate', 'packages/cli/test/fixtures/validate/err*.yml', '-f', 'json'];
const nodeHasCompileCache = typeof (require('node:module') as { enableCompileCache?: unknown }).enableCompileCache === 'function';

/** Runs a staged bin from the repo root with a minimal environment whose home is `home`. */
function runStaged(bin: string, runArgs: readonly string[], home: string, env: Record<string, string>): CliRun {
  const result = spawnSync(process.execPath, [bin, ...runArgs], {
    cwd: repoRoot,
    env: { PATH: process.env['PATH'] ?? '', HOME: home, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the code-cache launcher of the bundled package', () => {
  const temp = tempTree();
  const bin = join(temp.root, 'stage/dist/main.js');
  let expected: CliRun;

  const runBundled = (env: Record<string, string>, runArgs: readonly string[] = args): CliRun => runStaged(bin, runArgs, join(temp.root, 'home'), env);
  const cacheFiles = (folder: string): string[] => (existsSync(folder) ? readdirSync(folder, { recursive: true, encoding: 'utf8' }) : []);

  beforeAll(() => {
    mustRun(process.execPath, [bundleScript, '--out', join(temp.root, 'stage')], { cwd: repoRoot });
    expected = runBuiltCli(args);
    expect(expected.code).toBe(1);
  }, 120_000);
  afterAll(() => temp.remove());

  it('writes the cache on the first run and reuses it unchanged on the next, with identical output', () => {
    const xdg = join(temp.root, 'xdg-warm');
    expect(runBundled({ XDG_CACHE_HOME: xdg })).toEqual(expected);
    const files = cacheFiles(join(xdg, 'pmm-config'));
    expect(files.length).toBeGreaterThan(0);
    if (nodeHasCompileCache) return;
    const [file] = files.filter((name) => name.endsWith('-validate-cli.js.v8cache'));
    expect(file).toMatch(/^\d+\.\d+\.\d+-[0-9a-f]{16}-node/);
    const written = statSync(join(xdg, 'pmm-config', file));
    expect(runBundled({ XDG_CACHE_HOME: xdg })).toEqual(expected);
    // V8 accepted the cache: a rejected one would have been written again.
    expect(statSync(join(xdg, 'pmm-config', file)).mtimeMs).toBe(written.mtimeMs);
  });

  it('writes no cache from a run that stopped early (exit 2), so the next complete run writes it', () => {
    const xdg = join(temp.root, 'xdg-early');
    const missing = runBundled({ XDG_CACHE_HOME: xdg }, ['validate', join(temp.root, 'no-such-config.yml')]);
    expect(missing.code).toBe(2);
    expect(missing).toEqual(runBuiltCli(['validate', join(temp.root, 'no-such-config.yml')]));
    if (nodeHasCompileCache) return;
    expect(cacheFiles(join(xdg, 'pmm-config'))).toEqual([]);
    expect(runBundled({ XDG_CACHE_HOME: xdg })).toEqual(expected);
    expect(cacheFiles(join(xdg, 'pmm-config')).filter((name) => name.endsWith('-validate-cli.js.v8cache'))).toHaveLength(1);
  });

  it('falls back to ~/.cache without XDG_CACHE_HOME', () => {
    expect(runBundled({})).toEqual(expected);
    expect(cacheFiles(join(temp.root, 'home/.cache/pmm-config')).length).toBeGreaterThan(0);
  });

  it('writes nothing with PMM_CONFIG_NO_CACHE=1', () => {
    const xdg = join(temp.root, 'xdg-off');
    expect(runBundled({ XDG_CACHE_HOME: xdg, PMM_CONFIG_NO_CACHE: '1' })).toEqual(expected);
    expect(existsSync(xdg)).toBe(false);
  });

  it('runs the same when the cache folder cannot be created', () => {
    const notAFolder = join(temp.root, 'xdg-file');
    writeFileSync(notAFolder, 'in the way');
    expect(runBundled({ XDG_CACHE_HOME: notAFolder })).toEqual(expected);
    expect(readFileSync(notAFolder, 'utf8')).toBe('in the way');
  });

  it('replaces a corrupt cache and runs the same', () => {
    if (nodeHasCompileCache) return;
    const xdg = join(temp.root, 'xdg-corrupt');
    expect(runBundled({ XDG_CACHE_HOME: xdg })).toEqual(expected);
    const [file] = cacheFiles(join(xdg, 'pmm-config'));
    const path = join(xdg, 'pmm-config', file);
    writeFileSync(path, 'not V8 code');
    expect(runBundled({ XDG_CACHE_HOME: xdg })).toEqual(expected);
    expect(statSync(path).size).toBeGreaterThan(1000);
  });

  it('caches a lazy chunk on its first use, beside the bundle, and reuses it unchanged', () => {
    const workspace = runBuiltCli(globArgs);
    expect(workspace.stdout).toContain('error.yml');
    const xdg = join(temp.root, 'xdg-chunk');
    expect(runBundled({ XDG_CACHE_HOME: xdg }, globArgs)).toEqual(workspace);
    if (nodeHasCompileCache) return;
    const [file] = cacheFiles(join(xdg, 'pmm-config')).filter((name) => name.endsWith('-validate-glob.js.v8cache'));
    expect(file).toBeDefined();
    const written = statSync(join(xdg, 'pmm-config', file));
    expect(runBundled({ XDG_CACHE_HOME: xdg }, globArgs)).toEqual(workspace);
    expect(statSync(join(xdg, 'pmm-config', file)).mtimeMs).toBe(written.mtimeMs);
  });

  it('loads ESM plugins with import() from the cached bundle', () => {
    const plugin = resolve(__dirname, 'fixtures/auth/plugins/esm-plugin.mjs');
    const config = join(temp.root, 'esm-config.yml');
    writeFileSync(config, 'plex:\n  url: http://plex:32400\n  token: abc\ntmdb:\n  apikey: 1234567890abcdef\nlibraries:\n  Movies:\nesm_demo:\n  enabled: true\n');
    const pluginArgs = ['validate', config, '-f', 'json', '--plugin', plugin];
    const workspace = runBuiltCli(pluginArgs);
    expect(workspace.stdout).toContain('esm-demo/present');
    const xdg = join(temp.root, 'xdg-esm');
    expect(runBundled({ XDG_CACHE_HOME: xdg }, pluginArgs)).toEqual(workspace);
    expect(runBundled({ XDG_CACHE_HOME: xdg }, pluginArgs)).toEqual(workspace);
  });
});

// scripts/bundle.cjs splits modules only some runs need into files next to cli.js (yaml.js, glob.js, diff.js, validator.js)
// and keeps the schema JSON out of it: a run reads only the bytes it uses, and every package exists exactly once.
describe('the files of the bundled package', () => {
  const temp = tempTree();
  const dist = join(temp.root, 'stage/dist');
  const read = (file: string): string => readFileSync(join(dist, file), 'latin1');
  const occurrences = (text: string, needle: string): number => text.split(needle).length - 1;

  beforeAll(() => {
    mustRun(process.execPath, [bundleScript, '--out', join(temp.root, 'stage')], { cwd: repoRoot });
  }, 120_000);
  afterAll(() => temp.remove());

  it('holds yaml only in yaml.js, tinyglobby only in glob.js and diff only in diff.js, once each', () => {
    // Messages each package defines in exactly one place.
    const yamlMessage = 'Implicit keys need to be on a single line';
    const picomatchMessage = 'Expected pattern to be a non-empty string';
    const diffMessage = 'fuzzFactor must be a non-negative integer';
    const files = ['cli.js', 'yaml.js', 'glob.js', 'diff.js', 'validator.js'];
    expect(files.map((file) => occurrences(read(file), yamlMessage))).toEqual([0, 1, 0, 0, 0]);
    expect(files.map((file) => occurrences(read(file), picomatchMessage))).toEqual([0, 0, 1, 0, 0]);
    expect(files.map((file) => occurrences(read(file), diffMessage))).toEqual([0, 0, 0, 1, 0]);
  });

  it('keeps the schema validator out of cli.js, which requires validator.js for it', () => {
    // esbuild names each module it bundles by its path.
    expect(read('cli.js')).not.toContain('config-validator.generated.js');
    expect(read('cli.js')).toContain('require("./validator.js")');
  });

  it('requires the schema from config.schema.json at run time instead of inlining it', () => {
    // esbuild names each module it bundles by its path; the schema package's JSON must not be one of them.
    expect(read('cli.js')).not.toContain('packages/schema/dist/config.schema.json');
    expect(read('cli.js')).toContain('packages/schema/dist/');
  });

  it('writes only ASCII JavaScript, which the launcher reads as latin1', () => {
    for (const file of readdirSync(dist).filter((name) => name.endsWith('.js'))) {
      expect([file, readFileSync(join(dist, file)).findIndex((byte) => byte > 0x7f)]).toEqual([file, -1]);
    }
  });

  it('runs commands that need no chunk without the chunk files, as the workspace build does', () => {
    const bare = join(temp.root, 'bare');
    cpSync(join(temp.root, 'stage'), bare, { recursive: true });
    for (const chunk of ['yaml.js', 'glob.js', 'diff.js', 'validator.js']) rmSync(join(bare, 'dist', chunk));
    for (const runArgs of [['--version'], ['validate', '--help'], ['schema']]) {
      const workspace = runBuiltCli(runArgs);
      expect(workspace.code).toBe(0);
      expect(runStaged(join(bare, 'dist/main.js'), runArgs, join(temp.root, 'home'), { XDG_CACHE_HOME: join(temp.root, 'xdg') })).toEqual(workspace);
    }
  });
});
