module.exports = { ...require('../../../jest.preset.js'), displayName: 'server-livekit', rootDir: __dirname };
