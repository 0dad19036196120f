// Browser and whole-product tests: they start the built product (`npm start`'s launcher) and drive Chromium.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  // testTimeout is a global option; projects set it in a setup file.
  setupFilesAfterEnv: ['<rootDir>/src/support/jest-setup.ts'],
};
