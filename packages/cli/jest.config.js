module.exports = {
  displayName: 'pmm-config',
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
  // End-to-end tests spawn the built CLI several times per test; on a busy 2-core CI box one spawn can take
  // seconds. A hang still fails: every spawn has its own timeout, and this bound stays finite.
  testTimeout: 60_000,
};
