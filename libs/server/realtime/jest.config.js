module.exports = { ...require('../../../jest.preset.js'), displayName: 'server-realtime', rootDir: __dirname };
