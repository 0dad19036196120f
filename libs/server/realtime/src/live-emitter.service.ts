import { Inject, Injectable } from '@nestjs/common';
import { interviewerRoom, interviewRoom, LIVE_NAMESPACE, ServerToClientEvents } from '@mockroom/contracts';
import { Emitter } from '@socket.io/redis-emitter';
import type IORedis from 'ioredis';
import { REDIS } from '@mockroom/server-queue';

type EventName = keyof ServerToClientEvents;

/**
 * Emits live-session events from any process (the worker has no sockets) through the Socket.IO Redis adapter's
 * channel; every API instance delivers them to its sockets in the room.
 */
@Injectable()
export class LiveEmitter {
  private readonly emitter: Emitter;

  constructor(@Inject(REDIS) redis: IORedis) {
    this.emitter = new Emitter(redis).of(LIVE_NAMESPACE);
  }

  toInterview<E extends EventName>(interviewId: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void {
    this.emitter.to(interviewRoom(interviewId)).emit(event, ...args);
  }

  /** To the interviewer's sockets of a human session only. */
  toInterviewer<E extends EventName>(
    interviewId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    this.emitter.to(interviewerRoom(interviewId)).emit(event, ...args);
  }
}
