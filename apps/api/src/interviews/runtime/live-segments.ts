import type { Logger } from '@nestjs/common';
import type { LiveAudioChannel } from '@mockroom/server-realtime';
import type { AudioStream } from './audio-stream';

/** A segment still being spoken whose audio goes to the worker as it comes. */
interface LiveSegment {
  key: string;
  startMs: number;
  /** Samples appended to the live list so far. */
  pushed: number;
  framesSincePush: number;
}

/** A live segment's audio is appended every this many frames (300 ms). */
const LIVE_PUSH_EVERY_FRAMES = 15;

/**
 * The segments of one live session's streams that travel to the worker while they are spoken: once a segment's speech
 * is confirmed its transcription job can start (with the live list's key), its audio is appended every 300 ms, and
 * when the endpointer cuts it, the rest goes with its exact length, so only the last moment is left to decode.
 */
export class LiveSegments {
  private readonly open = new Map<AudioStream, LiveSegment>();

  constructor(
    private readonly liveAudio: LiveAudioChannel,
    private readonly interviewId: string,
    private readonly logger: Logger,
  ) {}

  /**
   * After each frame of `stream`: appends audio every 300 ms to the segment in progress, or, when one was just
   * confirmed and `mayStart`, starts sending it and returns its key and start (submit its transcription job now).
   */
  feed(stream: AudioStream, mayStart: boolean): { startMs: number; liveKey: string } | null {
    const live = this.open.get(stream);
    if (live) {
      if (++live.framesSincePush >= LIVE_PUSH_EVERY_FRAMES) this.push(stream, live);
      return null;
    }
    const startMs = stream.openSegmentStartMs;
    if (startMs === null || !mayStart) return null;
    const started: LiveSegment = {
      key: this.liveAudio.newKey(this.interviewId),
      startMs,
      pushed: 0,
      framesSincePush: 0,
    };
    this.open.set(stream, started);
    this.push(stream, started);
    return { startMs, liveKey: started.key };
  }

  /**
   * The endpointer cut a segment of `stream`. Returns true when it was the live one (its job is under way and gets the
   * rest of the audio now); false when it must be sent whole (it was never live, or began elsewhere than the live one,
   * whose job then ends with what it has).
   */
  end(stream: AudioStream, segment: { startMs: number; pcm: Int16Array }): boolean {
    const live = this.open.get(stream);
    this.open.delete(stream);
    if (live && live.startMs === segment.startMs) {
      // `cut`: the segment ended at its maximum length while the speaker went on.
      const cut = stream.openSegmentStartMs !== null;
      const rest = live.pushed < segment.pcm.length ? segment.pcm.subarray(live.pushed) : undefined;
      this.liveAudio
        .end(live.key, segment.pcm.length, cut, rest)
        .catch((error: Error) => this.logger.warn(`live audio not ended: ${error.message}`));
      return true;
    }
    if (live) this.liveAudio.end(live.key, live.pushed).catch(() => undefined);
    return false;
  }

  /** The session goes away: a segment cut off here ends where its audio ends, so its job finishes. */
  dispose(): void {
    for (const live of this.open.values()) void this.liveAudio.end(live.key, live.pushed).catch(() => undefined);
    this.open.clear();
  }

  private push(stream: AudioStream, live: LiveSegment): void {
    live.framesSincePush = 0;
    const audio = stream.openSegmentAudio(live.pushed);
    if (audio.length === 0) return;
    const first = live.pushed === 0;
    live.pushed += audio.length;
    this.liveAudio
      .append(live.key, audio, first)
      .catch((error: Error) => this.logger.warn(`live audio not sent: ${error.message}`));
  }
}
