module.exports = {
  displayName: '@pmm-config/provider-trakt',
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
};
