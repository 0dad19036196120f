import { Global, Module } from '@nestjs/common';
import { RedisModule } from '@mockroom/server-queue';
import { LiveAudioChannel } from './live-audio.channel';
import { LiveEmitter } from './live-emitter.service';

/**
 * What live interviews share across processes through Redis: events to the interview's sockets from any process (the
 * worker's transcripts, scores, prompt audio) and a segment's audio while it is spoken, for the worker transcribing it.
 */
@Global()
@Module({
  imports: [RedisModule],
  providers: [LiveEmitter, LiveAudioChannel],
  exports: [LiveEmitter, LiveAudioChannel],
})
export class RealtimeModule {}
