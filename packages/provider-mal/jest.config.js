module.exports = {
  displayName: '@pmm-config/provider-mal',
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
};
