const path = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

// CommonJS test run: no --experimental-vm-modules. @swc/jest transpiles TS -> CJS;
// type-checking is the `typecheck` target's job.
module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: {
    '^.+\\.[cm]?[tj]s$': [
      '@swc/jest',
      {
        swcrc: false,
        jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  testMatch: ['**/?(*.)+(spec|test).ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  reporters: ['default', path.join(__dirname, 'tools/jest-count-reporter.cjs')],
  moduleFileExtensions: ['ts', 'js', 'cts', 'cjs', 'mts', 'mjs', 'json'],
};
