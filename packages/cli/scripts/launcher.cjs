#!/usr/bin/env node
'use strict';
// The `pmm-config` bin of the published package. It runs the esbuild bundle (`cli.js` beside it) with a V8
// code cache, because compiling the 2.4 MB bundle is a large share of every run: on Node >= 22.1 through
// `module.enableCompileCache`, on older Node by compiling the bundle with `vm.Script` and `cachedData`.
// The cache lives in `$XDG_CACHE_HOME/pmm-config` (else `~/.cache/pmm-config`); `PMM_CONFIG_NO_CACHE=1`
// turns it off. Any failure to read or write the cache is ignored: it never changes behaviour or output.
// scripts/bundle.cjs writes this file as dist/main.js with BUNDLE_ID set to `<version>-<bundle hash>`.

const BUNDLE_ID = 'development';
const { isAbsolute, join } = require('node:path');

const bundle = join(__dirname, 'cli.js');

/** Commands get one cache each: a cache holds the functions its first run compiled, so it fits that command's path. */
const COMMANDS = new Set(['validate', 'schema', 'auth', 'init-editor', 'completion']);

function cacheDir() {
  const disabled = process.env.PMM_CONFIG_NO_CACHE;
  if (disabled !== undefined && disabled !== '' && disabled !== '0') return undefined;
  const xdg = process.env.XDG_CACHE_HOME;
  // The XDG spec says to ignore a relative XDG_CACHE_HOME.
  const base = xdg && isAbsolute(xdg) ? xdg : join(require('node:os').homedir(), '.cache');
  return join(base, 'pmm-config');
}

function commandOf(args) {
  const first = args.find((arg) => !arg.startsWith('-'));
  return first !== undefined && COMMANDS.has(first) ? first : 'other';
}

function writeCache(dir, file, script) {
  try {
    const data = script.createCachedData();
    require('node:fs').mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    require('node:fs').writeFileSync(temp, data);
    require('node:fs').renameSync(temp, file);
  } catch {
    // A read-only or full disk only costs speed.
  }
}

/** Runs the bundle as CommonJS from a `vm.Script` that reuses (or, after this run, stores) V8's compiled code. */
function runWithCodeCache(dir, vm, dynamicImportLoader) {
  const { readFileSync } = require('node:fs');
  const Module = require('node:module');
  const source = readFileSync(bundle, 'utf8');
  const file = join(dir, `${BUNDLE_ID}-node${process.versions.node}-${process.arch}-${commandOf(process.argv.slice(2))}.v8cache`);
  let cachedData;
  try {
    cachedData = readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  // A `#!` line is only valid at the very start of a script, not inside the CommonJS wrapper; `//` keeps the length.
  const body = source.startsWith('#!') ? `//${source.slice(2)}` : source;
  const script = new vm.Script(Module.wrap(body), { filename: bundle, cachedData, importModuleDynamically: dynamicImportLoader });
  // Written at exit so the cache also holds the functions compiled lazily during the run.
  if (cachedData === undefined || script.cachedDataRejected) process.once('exit', () => writeCache(dir, file, script));
  const bundleModule = new Module(bundle, module);
  bundleModule.filename = bundle;
  const bundleRequire = Module.createRequire(bundle);
  script.runInThisContext().call(bundleModule.exports, bundleModule.exports, bundleRequire, bundleModule, bundle, __dirname);
}

function launch() {
  let dir;
  try {
    dir = cacheDir();
  } catch {
    dir = undefined;
  }
  if (dir === undefined) return require(bundle);
  const Module = require('node:module');
  if (typeof Module.enableCompileCache === 'function') {
    try {
      Module.enableCompileCache(dir);
    } catch {
      // Runs uncached.
    }
    return require(bundle);
  }
  const vm = require('node:vm');
  // Without this loader (Node < 20.12) the bundle's `import()` of ESM plugins would fail inside a vm.Script.
  const loader = vm.constants && vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  if (loader === undefined) return require(bundle);
  return runWithCodeCache(dir, vm, loader);
}

launch();
