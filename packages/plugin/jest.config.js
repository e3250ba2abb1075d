module.exports = {
  displayName: '@pmm-config/plugin',
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
};
