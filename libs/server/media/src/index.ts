export * from './media-storage';
export * from './media.module';
export * from './session-mix';
