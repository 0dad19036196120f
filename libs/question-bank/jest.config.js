module.exports = { ...require('../../jest.preset.js'), displayName: 'question-bank', rootDir: __dirname };
