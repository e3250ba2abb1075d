#!/usr/bin/env node
'use strict';
// Builds the publishable `pmm-config` npm package from the tsc output of this workspace:
//   <out>/package.json              generated: no dependencies, bin, files, engines
//   <out>/dist/main.js              the bin: scripts/launcher.cjs, which runs cli.js with a V8 code cache
//   <out>/dist/cli.js               the esbuild bundle of the CLI (CommonJS, node20, ASCII, whitespace-minified)
//   <out>/dist/yaml.js, glob.js,    modules only some runs need (LAZY_CHUNKS), required on first use
//             diff.js, validator.js
//   <out>/dist/config.schema.json   the schema `pmm-config schema` prints and editors point at; the bundle
//                                   requires it at run time instead of inlining a second copy
//   <out>/dist/collection-validator.js, playlist-validator.js, kometa-catalogue.js, collection.schema.json,
//             playlist.schema.json  the linked-file validators and catalogue (lazy chunks), the schemas errors read
//   <out>/README.md, LICENSE, THIRD-PARTY-NOTICES.md
// Usage: node packages/cli/scripts/bundle.cjs [--out <dir>] [--pack [--pack-destination <dir>]]
// The workspace package itself stays the tsc build (tests run packages/cli/dist/main.js); `npm pack` of the
// workspace package is refused by its prepack script so that no tarball with workspace dependencies escapes.

const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join, relative, resolve, sep } = require('node:path');
const { parseArgs } = require('node:util');

const cliRoot = resolve(__dirname, '..');
const repoRoot = resolve(cliRoot, '../..');
const entry = join(cliRoot, 'dist/main.js');

const SCHEMA_FILE = 'config.schema.json';

/** The `pmm-config schema` file: the schema package's build output (its own exports map names it). */
function schemaFile() {
  return require.resolve(`@pmm-config/schema/${SCHEMA_FILE}`, { paths: [cliRoot] });
}

/**
 * Modules that only some runs need, each bundled into its own file next to cli.js with what it imports. The bundle
 * `require()`s that file where the code first requires the module, so other runs never read its bytes.
 */
const LAZY_CHUNKS = [
  // The full YAML library: lint's own parser hands it only what it cannot handle; config-edit (auth) needs it.
  { file: 'yaml.js', entry: () => require.resolve('yaml', { paths: [cliRoot] }) },
  // tinyglobby with picomatch and fdir: only arguments that may be globs need it.
  { file: 'glob.js', entry: () => require.resolve('tinyglobby', { paths: [cliRoot] }) },
  // The diff library: only `validate --fix-dry-run` prints a diff.
  { file: 'diff.js', entry: () => require.resolve('diff', { paths: [cliRoot] }) },
  // ajv's standalone validator of the schema, half of the code: only `validate` needs it (not --help, auth...).
  { file: 'validator.js', entry: () => join(dirname(schemaFile()), 'config-validator.generated.js') },
  // the linked-file validators: only runs that validate a file of that kind need its validator
  { file: 'collection-validator.js', entry: () => join(dirname(schemaFile()), 'collection-validator.generated.js') },
  { file: 'playlist-validator.js', entry: () => join(dirname(schemaFile()), 'playlist-validator.generated.js') },
  { file: 'metadata-validator.js', entry: () => join(dirname(schemaFile()), 'metadata-validator.generated.js') },
  { file: 'overlay-validator.js', entry: () => join(dirname(schemaFile()), 'overlay-validator.generated.js') },
  // the Kometa catalogue and key normalizer (~60 KB): only runs that lint linked files need them
  { file: 'kometa-catalogue.js', entry: () => join(dirname(schemaFile()), 'files/index.js') },
];

/**
 * JSON files the schema package reads at run time, shipped as they are next to cli.js: the published schemas of
 * the linked-file kinds, and Kometa's defaults (~47 KB, required only by configs with `default:` blocks; Node
 * reads JSON with `require` itself).
 */
const FILE_SCHEMA_FILES = ['collection.schema.json', 'playlist.schema.json', 'metadata.schema.json', 'overlay.schema.json', 'defaults.json'];

function fail(message) {
  process.stderr.write(`bundle: ${message}\n`);
  process.exit(2);
}

/** The bundled package's manifest: the workspace manifest's identity, none of its dependencies. */
function manifest(source, distFiles) {
  return {
    name: source.name,
    version: source.version,
    description: source.description,
    keywords: ['kometa', 'plex-meta-manager', 'pmm', 'config', 'yaml', 'lint', 'validate', 'trakt', 'myanimelist', 'oauth'],
    license: source.license,
    // npm checks provenance against it (the release workflow publishes with --provenance); absent until set.
    repository: source.repository,
    type: 'commonjs',
    bin: { 'pmm-config': 'dist/main.js' },
    files: [...distFiles.map((file) => `dist/${file}`), 'THIRD-PARTY-NOTICES.md'],
    engines: { node: '>=20' },
  };
}

/** The npm package folder that holds `file` (its last `node_modules/<name>`), or undefined for workspace files. */
function packageRoot(file) {
  const parts = file.split(sep);
  const index = parts.lastIndexOf('node_modules');
  if (index < 0) return undefined;
  const nameParts = parts[index + 1].startsWith('@') ? 2 : 1;
  return parts.slice(0, index + 1 + nameParts).join(sep);
}

const manifests = new Map();

/** The package.json of an npm package folder, read once per build: the split plugin asks for every import. */
function packageManifest(root) {
  if (!manifests.has(root)) manifests.set(root, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')));
  return manifests.get(root);
}

/** Name and version of the npm package that holds `file`, or undefined for workspace files. */
function npmPackageOf(file) {
  const root = packageRoot(file);
  if (root === undefined) return undefined;
  const { name, version } = packageManifest(root);
  return { name, version, root };
}

/**
 * What a bundled file is, wherever npm installed it: `name@version/path` inside a package. npm installs one copy of
 * yaml per workspace package here (the root holds another major version), and those copies are one module.
 */
function moduleIdentity(file) {
  const absolute = resolve(repoRoot, file);
  const pkg = npmPackageOf(absolute);
  if (pkg === undefined) return relative(repoRoot, absolute);
  return `${pkg.name}@${pkg.version}/${relative(pkg.root, absolute).split(sep).join('/')}`;
}

/** Name, version and licence text of every npm package that went into the bundle, for the notices file. */
function bundledPackages(inputs) {
  const roots = new Map();
  for (const input of inputs) {
    const pkg = npmPackageOf(resolve(repoRoot, input));
    if (pkg !== undefined) roots.set(`${pkg.name}@${pkg.version}`, pkg.root);
  }
  return [...roots.values()]
    .map((root) => {
      const pkg = packageManifest(root);
      const licenseFile = readdirSync(root).find((name) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(name));
      return { name: pkg.name, version: pkg.version, license: pkg.license, text: licenseFile ? readFileSync(join(root, licenseFile), 'utf8').trim() : undefined };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function notices(packages) {
  const sections = packages.map((pkg) => {
    const body = pkg.text ?? `Licensed under ${pkg.license}; the package ships no licence file.`;
    return `## ${pkg.name} ${pkg.version} (${pkg.license})\n\n\`\`\`text\n${body}\n\`\`\`\n`;
  });
  return `# Third-party notices\n\nThe JavaScript files in \`dist/\` bundle the following npm packages.\n\n${sections.join('\n')}`;
}

/** Names the code cache of this exact build: a new build never reuses an old build's compiled code. */
function cacheKey(version, outputs) {
  const hash = createHash('sha256');
  for (const output of outputs) hash.update(output.file).update(output.bytes);
  return `${version}-${hash.digest('hex').slice(0, 16)}`;
}

/** The bin: the launcher with its cache key filled in. */
function writeLauncher(file, key) {
  const template = readFileSync(join(__dirname, 'launcher.cjs'), 'utf8');
  const marker = "const BUNDLE_ID = 'development';";
  if (!template.includes(marker)) fail('scripts/launcher.cjs lost its BUNDLE_ID line');
  writeFileSync(file, template.replace(marker, `const BUNDLE_ID = '${key}';`));
  chmodSync(file, 0o755);
}

/**
 * Makes the lazy chunks' entry modules and the schema JSON run-time requires of files next to cli.js. Any other
 * module of a chunk's npm package, such as another version or a deep import, would be a second copy: it fails.
 */
function splitPlugin(chunkEntries, schema) {
  const byIdentity = new Map(LAZY_CHUNKS.map((chunk) => [moduleIdentity(chunkEntries.get(chunk.file)), chunk]));
  const byPackage = new Map(LAZY_CHUNKS.flatMap((chunk) => {
    const pkg = npmPackageOf(chunkEntries.get(chunk.file));
    return pkg === undefined ? [] : [[pkg.name, chunk]];
  }));
  return {
    name: 'pmm-config-split',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.unsplit) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: { unsplit: true } });
        if (resolved.errors.length > 0 || resolved.external) return undefined;
        if (resolved.path === schema) return { path: `./${SCHEMA_FILE}`, external: true };
        const shipped = FILE_SCHEMA_FILES.find((file) => resolved.path === join(dirname(schema), file));
        if (shipped) return { path: `./${shipped}`, external: true };
        const identity = moduleIdentity(resolved.path);
        const chunk = byIdentity.get(identity);
        if (chunk) return { path: `./${chunk.file}`, external: true };
        const owner = byPackage.get(npmPackageOf(resolved.path)?.name);
        if (owner) throw new Error(`${args.importer} needs ${identity}, but ${owner.file} holds ${moduleIdentity(chunkEntries.get(owner.file))}`);
        return undefined;
      });
    },
  };
}

/** Every module goes into exactly one output file, once: two copies of a package mean two of each of its classes. */
function assertSingleCopies(results) {
  const owner = new Map();
  for (const { file, metafile } of results) {
    for (const input of Object.keys(metafile.inputs)) {
      const identity = moduleIdentity(input);
      if (owner.has(identity)) fail(`${identity} is bundled twice (${owner.get(identity)} and ${file})`);
      owner.set(identity, file);
    }
  }
}

/** The launcher reads the bundle as latin1, the cheapest decoding, which is only correct for ASCII text. */
function assertAscii(file, bytes) {
  const offset = bytes.findIndex((byte) => byte > 0x7f);
  if (offset >= 0) fail(`${file} has a non-ASCII byte at offset ${offset}; the launcher reads it as latin1`);
}

/** Bundles and stages the package in `outDir`; returns the JavaScript files it wrote with their bytes. */
async function stage(outDir) {
  if (!existsSync(entry)) fail(`${relative(repoRoot, entry)} is missing: build first (npx nx run pmm-config:build)`);
  const esbuild = require('esbuild');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'dist'), { recursive: true });
  const chunkEntries = new Map(LAZY_CHUNKS.map((chunk) => [chunk.file, chunk.entry()]));
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // esbuild escapes non-ASCII characters by default; stated because the launcher depends on it (assertAscii).
    charset: 'ascii',
    // Whitespace and syntax only, measured with the code cache on Node 20: cli.js 721 -> 519 KB, read and compiled
    // ~3 ms faster with a warm cache and no slower cold. Renaming identifiers too (402 KB) saved ~4 ms more warm but
    // cost ~25 ms on the first run of each command (V8 compiles more of it eagerly) and would turn the function
    // names in stack traces of bug reports into single letters; keepNames would bring them back at a start-up cost.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: repoRoot,
  };
  const builds = [
    { file: 'cli.js', entryPoint: entry, plugins: [splitPlugin(chunkEntries, schemaFile())] },
    ...LAZY_CHUNKS.map((chunk) => ({ file: chunk.file, entryPoint: chunkEntries.get(chunk.file), plugins: [] })),
  ];
  const results = await Promise.all(
    builds.map(async ({ file, entryPoint, plugins }) => {
      const { metafile } = await esbuild.build({ ...common, entryPoints: [entryPoint], outfile: join(outDir, 'dist', file), plugins });
      return { file, metafile };
    }),
  );
  assertSingleCopies(results);
  const outputs = results.map(({ file }) => ({ file, bytes: readFileSync(join(outDir, 'dist', file)) }));
  for (const { file, bytes } of outputs) assertAscii(file, bytes);
  const source = JSON.parse(readFileSync(join(cliRoot, 'package.json'), 'utf8'));
  writeLauncher(join(outDir, 'dist/main.js'), cacheKey(source.version, outputs));
  copyFileSync(schemaFile(), join(outDir, 'dist', SCHEMA_FILE));
  for (const file of FILE_SCHEMA_FILES) copyFileSync(join(dirname(schemaFile()), file), join(outDir, 'dist', file));
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(manifest(source, ['main.js', ...outputs.map(({ file }) => file), SCHEMA_FILE, ...FILE_SCHEMA_FILES]), null, 2)}\n`);
  copyFileSync(join(__dirname, 'npm-readme.md'), join(outDir, 'README.md'));
  copyFileSync(join(cliRoot, 'LICENSE'), join(outDir, 'LICENSE'));
  writeFileSync(join(outDir, 'THIRD-PARTY-NOTICES.md'), notices(bundledPackages(results.flatMap(({ metafile }) => Object.keys(metafile.inputs)))));
  return outputs;
}

/** `npm pack`s the staged folder; returns the tarball path. */
function pack(outDir, destination) {
  mkdirSync(destination, { recursive: true });
  const npm = spawnSync('npm', ['pack', '--json', '--pack-destination', destination, outDir], { encoding: 'utf8' });
  if (npm.status !== 0) fail(`npm pack failed: ${(npm.stderr || npm.stdout).trim()}`);
  const [info] = JSON.parse(npm.stdout);
  return join(destination, info.filename);
}

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: join(repoRoot, 'dist/pmm-config') },
      pack: { type: 'boolean', default: false },
      'pack-destination': { type: 'string' },
    },
  });
  const outDir = resolve(values.out);
  const outputs = await stage(outDir);
  const sizes = outputs.map(({ file, bytes }) => `${file} ${Math.round(bytes.length / 1024)} KiB`).join(', ');
  process.stdout.write(`bundled ${relative(process.cwd(), join(outDir, 'dist'))}: ${sizes}\n`);
  if (values.pack) {
    const tarball = pack(outDir, resolve(values['pack-destination'] ?? dirname(outDir)));
    process.stdout.write(`${tarball}\n`);
  }
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
