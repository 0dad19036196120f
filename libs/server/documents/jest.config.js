module.exports = { ...require('../../../jest.preset.js'), displayName: 'server-documents', rootDir: __dirname };
