export * from './test-config';
export * from './test-database';
export * from './test-browser';
export * from './live-client';
export * from './speech-fixtures';
export * from './spoken-interview';
export * from './forgetful-redis';
export * from './cluster';
