import { AUDIO_FRAME_MS, AUDIO_FRAME_SAMPLES, ClientToServerEvents, ServerToClientEvents } from '@mockroom/contracts';
import { Endpointer, type EndpointEvent } from '@mockroom/speech';
import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A microphone streaming 20 ms frames in real time: frame `seq` is sent once its 20 ms have passed since the stream
 * began (at `originAt + (seq + 1) × 20 ms`), as a browser sends what it has captured. Subclasses say what is heard.
 */
export abstract class PacedStream {
  /** Frames sent so far, which is the next frame's sequence number. */
  sent = 0;
  /** How late frames went out (ms), over the stream's life: the simulating side keeping up or not. */
  maxLateMs = 0;
  lateFrames = 0;

  constructor(
    protected readonly socket: LiveSocket,
    readonly originAt: number,
  ) {}

  /** When the next frame is due (performance.now() clock). */
  get nextDueAt(): number {
    return this.originAt + (this.sent + 1) * AUDIO_FRAME_MS;
  }

  protected abstract fill(frame: Int16Array): void;

  protected onSent(_seq: number, _frame: Int16Array, _at: number): void {
    // Nothing by default.
  }

  send(now: number): void {
    const late = now - this.nextDueAt;
    if (late > this.maxLateMs) this.maxLateMs = late;
    if (late > AUDIO_FRAME_MS) this.lateFrames++;
    // A new buffer per frame: the socket may still hold the previous one in its write buffer.
    const frame = new Int16Array(AUDIO_FRAME_SAMPLES);
    this.fill(frame);
    const seq = this.sent++;
    this.socket.emit('audio:frame', seq, new Uint8Array(frame.buffer));
    this.onSent(seq, frame, now);
  }
}

/** Sends every due frame of every stream it holds; one timer for all streams of the process. */
export class FramePacer {
  private readonly streams = new Set<PacedStream>();
  private timer: NodeJS.Timeout | null = null;

  add(stream: PacedStream): void {
    this.streams.add(stream);
    this.schedule(0);
  }

  remove(stream: PacedStream): void {
    this.streams.delete(stream);
  }

  stop(): void {
    this.streams.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.tick();
    }, delayMs);
  }

  private tick(): void {
    const now = performance.now();
    let nextDue = Infinity;
    for (const stream of this.streams) {
      // Catch up if the process fell behind: the server's timeline counts frames, not time.
      while (stream.nextDueAt <= now && this.streams.has(stream)) stream.send(now);
      nextDue = Math.min(nextDue, stream.nextDueAt);
    }
    if (this.streams.size) this.schedule(Math.max(0, nextDue - performance.now()));
  }
}

/** An utterance segment as the server's endpointer will cut it, and when the frame that completed it was sent. */
export interface LocalSegment {
  /** Offsets from the stream's frame 0, in ms. */
  startMs: number;
  endMs: number;
  /** Where its last voiced frame ends (the server counts an answer's silence from there). */
  speechEndMs: number;
  /** performance.now() when the frame that ended the segment (the end of the pause) was sent, or of the flush. */
  at: number;
  /** Cut by "I'm done" rather than by the pause. */
  flushed: boolean;
}

/**
 * The candidate's microphone: plays queued speech, silence otherwise. It runs the same endpointer as the server on the
 * same frames, so it knows which frame completed each segment (the segment's last speech frame + the segment pause)
 * and when that frame was sent.
 */
export class Microphone extends PacedStream {
  /** performance.now() when each frame was sent, by sequence number. */
  readonly sentAt: number[] = [];
  readonly segments: LocalSegment[] = [];
  private readonly endpointer: Endpointer;
  private readonly queue: { pcm: Int16Array; done: () => void }[] = [];
  private offset = 0;

  constructor(socket: LiveSocket, originAt: number, segmentSilenceMs: number) {
    super(socket, originAt);
    // As the server's AudioStream: the answer's long silence is not the endpointer's business there.
    this.endpointer = new Endpointer({ segmentSilenceMs, answerSilenceMs: null });
  }

  /** Queues speech; resolves once its last frame has been sent. */
  play(pcm: Int16Array): Promise<void> {
    return new Promise((resolve) => this.queue.push({ pcm, done: resolve }));
  }

  /** The candidate pressed "I'm done": the server flushes its endpointer, so this one does too. */
  flush(at: number): void {
    for (const event of this.endpointer.flush({ endAnswer: false })) this.note(event, at, true);
  }

  protected fill(frame: Int16Array): void {
    let filled = 0;
    while (filled < frame.length && this.queue.length) {
      const head = this.queue[0];
      const take = Math.min(frame.length - filled, head.pcm.length - this.offset);
      frame.set(head.pcm.subarray(this.offset, this.offset + take), filled);
      filled += take;
      this.offset += take;
      if (this.offset >= head.pcm.length) {
        this.queue.shift();
        this.offset = 0;
        // Resolved after this frame is sent (a microtask runs after send() returns).
        head.done();
      }
    }
  }

  protected override onSent(seq: number, frame: Int16Array, at: number): void {
    this.sentAt[seq] = at;
    for (const event of this.endpointer.push(frame)) this.note(event, at, false);
  }

  /** Keeps a segment the endpointer cut, with when the frame (or the flush) that cut it was sent. */
  private note(event: EndpointEvent, at: number, flushed: boolean): void {
    if (event.type !== 'segment') return;
    const { startMs, endMs, speechEndMs } = event;
    this.segments.push({ startMs, endMs, speechEndMs, at, flushed });
  }
}
