export * from './engine-options';
export * from './interview-presenters';
export * from './session-audio';
export * from './urls';
export * from './plan-questions';
