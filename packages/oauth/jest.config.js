module.exports = {
  displayName: '@pmm-config/oauth',
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
};
