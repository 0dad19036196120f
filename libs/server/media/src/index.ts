export * from './media-storage';
export * from './media.module';
