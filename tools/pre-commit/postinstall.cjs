#!/usr/bin/env node
'use strict';
// The repository root's `postinstall`. pre-commit installs the `pmm-config-validate` hook (`language: node`) by
// npm-installing this repository inside a nodeenv, which sets NODE_VIRTUAL_ENV: with `npm install` in the clone and
// then `npm pack` (pre-commit < 4.6.1), or `npm install -g git+file://<clone>` (later versions), which npm prepares
// with an `npm install` in a clone of its own. In both, this script runs in a full checkout with its development
// dependencies installed, and builds the bundle that the root package's `pmm-config` bin points at
// (dist/pmm-config/dist/main.js, the only files the root package ships). It cannot be `prepare` or `prepack`:
// npm >= 10.5 prints the script's banner into `npm pack`'s output, where pre-commit < 4.6.1 reads the tarball name.
// Anywhere else it does nothing: developers' `npm ci` (no NODE_VIRTUAL_ENV) and the installed package itself (no
// sources to build, the bundle is already there).

const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '../..');

if (process.env.NODE_VIRTUAL_ENV && existsSync(join(root, 'packages/cli/scripts/bundle.cjs'))) {
  process.stderr.write('pmm-config: building the bundle for the pre-commit hook (npm run bundle)\n');
  // The build's log goes to stderr too: stdout is the install's, which callers may parse.
  const build = spawnSync('npm', ['run', 'bundle'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (build.error) {
    process.stderr.write(`pmm-config: could not run npm: ${build.error.message}\n`);
    process.exit(1);
  }
  process.exitCode = build.status ?? 1;
}
