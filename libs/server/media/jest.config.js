module.exports = { ...require('../../../jest.preset.js'), displayName: 'server-media', rootDir: __dirname };
