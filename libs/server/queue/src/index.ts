export * from './job-queue.service';
export * from './job-worker.service';
export * from './on-job.decorator';
export * from './queue-settings';
export * from './queue.module';
export * from './redis-connection';
export * from './redis.module';
export * from './redis-restarts';
