module.exports = { ...require('../../../jest.preset.js'), displayName: 'server-sandbox', rootDir: __dirname };
