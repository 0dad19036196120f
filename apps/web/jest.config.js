// The web app's unit tests (pure logic only: no DOM); part of the root jest projects that `npm test` runs.
module.exports = { ...require('../../jest.preset.js'), displayName: 'web', rootDir: __dirname, roots: ['<rootDir>/src'] };
