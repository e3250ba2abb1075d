module.exports = {
  displayName: '@pmm-config/mock-oauth',
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
};
