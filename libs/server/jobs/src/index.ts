export { Engines, engineKey } from './engines.providers';
export { assessmentOptions, speechOptions } from './engine-options';
export * from './jobs.module';
