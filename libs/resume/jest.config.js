module.exports = { ...require('../../jest.preset.js'), displayName: 'resume', rootDir: __dirname };
