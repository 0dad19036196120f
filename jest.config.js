// Every project's tests in one run (`npm test` drives it; see tools/scripts/test.mjs).
module.exports = {
  projects: [
    '<rootDir>/libs/question-bank',
    '<rootDir>/libs/assessment',
    '<rootDir>/libs/server/config',
    '<rootDir>/libs/speech',
    '<rootDir>/libs/server/database',
    '<rootDir>/libs/server/queue',
    '<rootDir>/libs/server/realtime',
    '<rootDir>/libs/server/interviews',
    '<rootDir>/libs/server/jobs',
    '<rootDir>/libs/server/media',
    '<rootDir>/libs/server/agent',
    '<rootDir>/libs/server/livekit',
    '<rootDir>/libs/server/sandbox',
    '<rootDir>/apps/api',
    '<rootDir>/apps/web',
    '<rootDir>/apps/launcher',
    '<rootDir>/apps/e2e',
    '<rootDir>/tools/lint',
  ],
};
