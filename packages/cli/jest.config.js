module.exports = {
  displayName: 'pmm-config',
  preset: '../../jest.preset.js',
  coverageDirectory: 'test-output/jest/coverage',
};
