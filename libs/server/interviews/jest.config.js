module.exports = { ...require('../../../jest.preset.js'), displayName: 'server-interviews', rootDir: __dirname };
