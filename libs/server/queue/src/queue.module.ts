import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { InlineJobQueue } from './inline-job-queue';
import { JobQueueService } from './job-queue.service';
import { JobWorkerService } from './job-worker.service';
import { RedisModule } from './redis.module';

@Global()
@Module({
  imports: [DiscoveryModule, RedisModule],
  providers: [JobQueueService, JobWorkerService],
  exports: [JobQueueService, JobWorkerService],
})
export class QueueModule {}

/**
 * In place of QueueModule, for service tests: jobs run inline in this process on their @OnJob handlers, without Redis
 * (`InlineJobQueue` answers for JobQueueService).
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [{ provide: JobQueueService, useClass: InlineJobQueue }],
  exports: [JobQueueService],
})
export class InlineQueueModule {}
