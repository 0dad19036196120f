export { Engines } from './engines.providers';
export * from './jobs.module';
export { CODE_SANDBOX } from './coding/run-code.job';
export { executeRun } from './coding/execute-run';
