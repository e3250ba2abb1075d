#!/usr/bin/env node
'use strict';
// The repository root's `prepare`: builds the bundle that the root package's `pmm-config` bin points at
// (dist/pmm-config/dist/main.js, the only files the root package ships) when pre-commit installs the
// `pmm-config-validate` hook, and does nothing anywhere else (developers' `npm ci`, the installed package).
//
// pre-commit installs a `language: node` hook inside a nodeenv, which sets NODE_VIRTUAL_ENV, in one of two ways:
// - before 4.6.1: `npm install` in its clone of this repository (dependencies in place, `prepare` runs), then
//   `npm pack` (`prepare` runs again; .npmrc keeps its output out of the tarball name pre-commit reads);
// - from 4.6.1: `npm install -g git+file://<clone>`, where npm clones again and runs `prepare` there, with no
//   dependencies installed (npm 11.19), hence the `npm ci` below.

const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '../..');

/** The outer npm exports its settings; a global install's must not turn these into global commands. */
function localNpmEnv() {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^npm_config_(global|location|prefix)$/i.test(name)) delete env[name];
  }
  return env;
}

function npm(args) {
  // stdout belongs to the outer npm command, which callers may parse: the build logs to stderr.
  const run = spawnSync('npm', args, { cwd: root, env: localNpmEnv(), stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (run.error) {
    process.stderr.write(`pmm-config: could not run npm ${args.join(' ')}: ${run.error.message}\n`);
    process.exit(1);
  }
  if (run.status !== 0) process.exit(run.status ?? 1);
}

if (process.env.NODE_VIRTUAL_ENV && existsSync(join(root, 'packages/cli/scripts/bundle.cjs'))) {
  process.stderr.write('pmm-config: building the bundle for the pre-commit hook\n');
  // --ignore-scripts: npm ci would run this `prepare` again; dependencies need none (package.json allowScripts).
  if (!existsSync(join(root, 'node_modules/.bin/nx'))) npm(['ci', '--ignore-scripts', '--no-audit', '--no-fund']);
  npm(['run', 'bundle']);
}
