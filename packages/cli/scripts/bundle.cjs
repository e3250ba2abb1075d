#!/usr/bin/env node
'use strict';
// Builds the publishable `pmm-config` npm package from the tsc output of this workspace:
//   <out>/package.json              generated: no dependencies, bin, files, engines
//   <out>/dist/main.js              the bin: scripts/launcher.cjs, which runs cli.js with a V8 code cache
//   <out>/dist/cli.js               one esbuild bundle (CommonJS, node20, unminified)
//   <out>/dist/config.schema.json   the schema `pmm-config schema` prints and editors point at
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

/** The `pmm-config schema` file: the schema package's build output (its own exports map names it). */
function schemaFile() {
  return require.resolve('@pmm-config/schema/config.schema.json', { paths: [cliRoot] });
}

function fail(message) {
  process.stderr.write(`bundle: ${message}\n`);
  process.exit(2);
}

/** The bundled package's manifest: the workspace manifest's identity, none of its dependencies. */
function manifest(source) {
  return {
    name: source.name,
    version: source.version,
    description: source.description,
    keywords: ['kometa', 'plex-meta-manager', 'pmm', 'config', 'yaml', 'lint', 'validate', 'trakt', 'myanimelist', 'oauth'],
    license: source.license,
    type: 'commonjs',
    bin: { 'pmm-config': 'dist/main.js' },
    files: ['dist/main.js', 'dist/cli.js', 'dist/config.schema.json', 'THIRD-PARTY-NOTICES.md'],
    engines: { node: '>=20' },
  };
}

/** Name, version and licence text of every npm package that went into the bundle, for the notices file. */
function bundledPackages(metafile) {
  const roots = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const absolute = resolve(repoRoot, input);
    const parts = absolute.split(sep);
    const index = parts.lastIndexOf('node_modules');
    if (index < 0) continue;
    const nameParts = parts[index + 1].startsWith('@') ? 2 : 1;
    const root = parts.slice(0, index + 1 + nameParts).join(sep);
    roots.set(root, true);
  }
  return [...roots.keys()]
    .map((root) => {
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
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
  return `# Third-party notices\n\n\`dist/cli.js\` bundles the following npm packages.\n\n${sections.join('\n')}`;
}

/** Names the code cache of this exact bundle: a new build never reuses an old build's compiled code. */
function cacheKey(manifestText, bundleBytes) {
  const { version } = JSON.parse(manifestText);
  return `${version}-${createHash('sha256').update(bundleBytes).digest('hex').slice(0, 16)}`;
}

/** The bin: the launcher with its cache key filled in. */
function writeLauncher(file, key) {
  const template = readFileSync(join(__dirname, 'launcher.cjs'), 'utf8');
  const marker = "const BUNDLE_ID = 'development';";
  if (!template.includes(marker)) fail('scripts/launcher.cjs lost its BUNDLE_ID line');
  writeFileSync(file, template.replace(marker, `const BUNDLE_ID = '${key}';`));
  chmodSync(file, 0o755);
}

/** Bundles and stages the package in `outDir`; returns what it wrote. */
async function stage(outDir) {
  if (!existsSync(entry)) fail(`${relative(repoRoot, entry)} is missing: build first (npx nx run pmm-config:build)`);
  const esbuild = require('esbuild');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'dist'), { recursive: true });
  const outfile = join(outDir, 'dist/cli.js');
  // Unminified on purpose: measured start-up was slower minified, and readable stacks help bug reports.
  const result = await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: false,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: repoRoot,
  });
  writeLauncher(join(outDir, 'dist/main.js'), cacheKey(readFileSync(join(cliRoot, 'package.json'), 'utf8'), readFileSync(outfile)));
  copyFileSync(schemaFile(), join(outDir, 'dist/config.schema.json'));
  const source = JSON.parse(readFileSync(join(cliRoot, 'package.json'), 'utf8'));
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(manifest(source), null, 2)}\n`);
  copyFileSync(join(__dirname, 'npm-readme.md'), join(outDir, 'README.md'));
  copyFileSync(join(cliRoot, 'LICENSE'), join(outDir, 'LICENSE'));
  writeFileSync(join(outDir, 'THIRD-PARTY-NOTICES.md'), notices(bundledPackages(result.metafile)));
  return { outfile, bytes: result.metafile.outputs[relative(repoRoot, outfile).split(sep).join('/')]?.bytes };
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
  const { outfile, bytes } = await stage(outDir);
  process.stdout.write(`bundled ${relative(process.cwd(), outfile)} (${Math.round((bytes ?? 0) / 1024)} KiB)\n`);
  if (values.pack) {
    const tarball = pack(outDir, resolve(values['pack-destination'] ?? dirname(outDir)));
    process.stdout.write(`${tarball}\n`);
  }
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
