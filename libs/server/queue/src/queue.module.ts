import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
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
