module.exports = { ...require('../../../jest.preset.js'), displayName: 'server-queue', rootDir: __dirname };
