module.exports = {
  displayName: '@pmm-config/lint',
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
};
