#!/usr/bin/env node
'use strict';
// The `pmm-config` bin of the published package. It runs the esbuild bundle (`cli.js` beside it, plus the lazy
// chunks such as `yaml.js` that cli.js requires on first use) with a V8 code cache, because compiling the bundle
// is a large share of every run: on Node >= 22.1 through `module.enableCompileCache`, on older Node by compiling
// each file with `vm.Script` and `cachedData`.
// The cache lives in `$XDG_CACHE_HOME/pmm-config` (else `~/.cache/pmm-config`); `PMM_CONFIG_NO_CACHE=1`
// turns it off. Any failure to read or write the cache is ignored: it never changes behaviour or output.
// scripts/bundle.cjs writes this file as dist/main.js with BUNDLE_ID set to `<version>-<hash of the bundle files>`.

const BUNDLE_ID = 'development';
const { isAbsolute, join } = require('node:path');

const bundle = join(__dirname, 'cli.js');

/** Commands get one cache each: a cache holds the functions its first run compiled, so it fits that command's path. */
const COMMANDS = new Set(['validate', 'schema', 'auth', 'init-editor', 'completion']);

/** How the bundle requires its lazy chunks (scripts/bundle.cjs LAZY_CHUNKS): `./<name>.js`, nothing else is relative JS. */
const CHUNK_REQUEST = /^\.\/[\w-]+\.js$/;

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

/**
 * Runs the bundle as CommonJS from `vm.Script`s that reuse (or, after this run, store) V8's compiled code: cli.js
 * and each chunk it requires, each with its own cache file, so a run that never needs a chunk never reads it.
 */
function runWithCodeCache(dir, vm, dynamicImportLoader) {
  const { readFileSync } = require('node:fs');
  const Module = require('node:module');
  const cachePrefix = `${BUNDLE_ID}-node${process.versions.node}-${process.arch}-${commandOf(process.argv.slice(2))}`;
  const unwritten = [];
  const chunks = new Map();

  function compile(path, name) {
    // scripts/bundle.cjs guarantees ASCII files, for which latin1 is the cheapest correct decoding (no UTF-8 pass).
    const source = readFileSync(path, 'latin1');
    const file = join(dir, `${cachePrefix}-${name}.v8cache`);
    let cachedData;
    try {
      cachedData = readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    // A `#!` line is only valid at the very start of a script, not inside the CommonJS wrapper; `//` keeps the length.
    const body = source.startsWith('#!') ? `//${source.slice(2)}` : source;
    const script = new vm.Script(Module.wrap(body), { filename: path, cachedData, importModuleDynamically: dynamicImportLoader });
    if (cachedData === undefined || script.cachedDataRejected) unwritten.push({ file, script });
    return script;
  }

  /** The `require` of a bundle file: chunks go through the code cache, everything else to Node's own require. */
  function requireFor(path) {
    const nodeRequire = Module.createRequire(path);
    return Object.assign((request) => (CHUNK_REQUEST.test(request) ? loadChunk(request.slice(2)) : nodeRequire(request)), nodeRequire);
  }

  function run(path, name) {
    const script = compile(path, name);
    const bundleModule = new Module(path, module);
    bundleModule.filename = path;
    script.runInThisContext().call(bundleModule.exports, bundleModule.exports, requireFor(path), bundleModule, path, __dirname);
    bundleModule.loaded = true;
    return bundleModule;
  }

  function loadChunk(name) {
    if (!chunks.has(name)) chunks.set(name, run(join(__dirname, name), name));
    return chunks.get(name).exports;
  }

  // Written at exit so each cache also holds the functions compiled lazily during the run, and only by a run that
  // completed its command (exit 0 or 1): a first run that stopped early (exit 2, e.g. a mistyped path) would leave
  // a cache without the command's own functions, compiled anew on every later run.
  process.once('exit', (code) => {
    if (code !== 0 && code !== 1) return;
    for (const { file, script } of unwritten) writeCache(dir, file, script);
  });
  run(bundle, 'cli.js');
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
