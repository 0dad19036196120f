module.exports = { ...require('../../../jest.preset.js'), displayName: 'server-agent', rootDir: __dirname };
