module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'api',
  rootDir: __dirname,
  // Live-interview tests stream real speech through the real engines.
  setupFilesAfterEnv: ['<rootDir>/test/jest-setup.ts'],
};
