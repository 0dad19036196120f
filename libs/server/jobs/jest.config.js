module.exports = { ...require('../../../jest.preset.js'), displayName: 'server-jobs', rootDir: __dirname };
