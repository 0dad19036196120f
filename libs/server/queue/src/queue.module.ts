import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobQueueService } from './job-queue.service';
import { JobWorkerService } from './job-worker.service';
import { LiveEmitter } from './live-emitter.service';
import { RedisModule } from './redis.module';

@Global()
@Module({
  // The live emitter publishes through the shared Redis client.
  imports: [DiscoveryModule, RedisModule],
  providers: [JobQueueService, JobWorkerService, LiveEmitter],
  exports: [JobQueueService, JobWorkerService, LiveEmitter],
})
export class QueueModule {}
