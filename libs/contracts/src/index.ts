export * from './auth';
export * from './errors';
export * from './interview';
export * from './jobs';
export * from './question-bank';
export * from './realtime';
export * from './review';
export * from './system';
