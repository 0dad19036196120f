import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobQueueService } from './job-queue.service';
import { JobWorkerService } from './job-worker.service';
import { LiveAudioChannel } from './live-audio.channel';
import { LiveEmitter } from './live-emitter.service';
import { RedisModule } from './redis.module';

@Global()
@Module({
  // The live emitter and the live audio channel use the shared Redis client.
  imports: [DiscoveryModule, RedisModule],
  providers: [JobQueueService, JobWorkerService, LiveEmitter, LiveAudioChannel],
  exports: [JobQueueService, JobWorkerService, LiveEmitter, LiveAudioChannel],
})
export class QueueModule {}
