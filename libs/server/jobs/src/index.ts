export { Engines } from './engines.providers';
export * from './jobs.module';
