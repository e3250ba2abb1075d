module.exports = {
  displayName: '@pmm-config/config-edit',
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
};
