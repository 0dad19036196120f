export * from './pcm';
export * from './wav';
export * from './resample';
