module.exports = {
  displayName: '@pmm-config/schema',
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
};
