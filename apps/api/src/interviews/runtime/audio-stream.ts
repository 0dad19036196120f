import { AUDIO_FRAME_MS, AUDIO_FRAME_SAMPLES } from '@mockroom/contracts';
import { Endpointer, EndpointEvent } from '@mockroom/speech';
import type { WriteStream } from 'node:fs';

/** Gaps up to this long (frames lost for good) are filled with silence; longer ones restart the timeline. */
const MAX_FILLED_GAP_FRAMES = (10_000 / AUDIO_FRAME_MS) | 0;
const SILENCE = new Int16Array(AUDIO_FRAME_SAMPLES);

export interface StreamSink {
  /** Endpointer events with offsets already on the interview's timeline. */
  onEvents(stream: AudioStream, events: EndpointEvent[]): void;
  /** Where the stream's audio goes on disk; opened on the first frame inside the interview. */
  openRecording(stream: AudioStream, startMs: number): Promise<WriteStream>;
}

/**
 * One continuous capture of the candidate's microphone. Frames are numbered by the client; duplicates (resent after
 * a reconnect) are dropped, small gaps are filled with silence, so the recording and the timeline stay exact.
 */
export class AudioStream {
  /** The next frame number expected. */
  nextSeq = 0;
  /** Timeline offset (ms from the interview's start) of frame 0, known once the interview is live. */
  private originMs: number | null = null;
  private readonly endpointer: Endpointer;
  private recording: WriteStream | null = null;
  private recordingPending: Promise<WriteStream> | null = null;
  private recordingStartMs: number | null = null;
  private readonly backlog: Buffer[] = [];
  framesSinceAck = 0;
  recordedFrames = 0;

  constructor(
    readonly streamId: string,
    private readonly sink: StreamSink,
    segmentSilenceMs: number,
  ) {
    // The long silence that ends an answer is the runtime's business (it depends on the turn), not the endpointer's.
    this.endpointer = new Endpointer({ segmentSilenceMs, answerSilenceMs: 24 * 3600 * 1000 });
  }

  /**
   * Takes one frame. `liveOffsetMs` is the interview's clock now (ms since it started), or null before it starts:
   * frames before the start only advance the sequence. Returns false for a duplicate.
   */
  push(seq: number, pcm: Int16Array, liveOffsetMs: number | null): boolean {
    if (seq < this.nextSeq) return false;
    if (seq > this.nextSeq) {
      const gap = seq - this.nextSeq;
      if (gap <= MAX_FILLED_GAP_FRAMES && this.originMs !== null) {
        for (let s = this.nextSeq; s < seq; s++) this.take(s, SILENCE);
      } else if (this.originMs !== null && liveOffsetMs !== null) {
        // Too long to fill: the timeline restarts here.
        this.originMs = liveOffsetMs - seq * AUDIO_FRAME_MS;
      }
    }
    if (this.originMs === null && liveOffsetMs !== null) this.originMs = liveOffsetMs - seq * AUDIO_FRAME_MS;
    this.take(seq, pcm);
    this.nextSeq = seq + 1;
    this.framesSinceAck++;
    return true;
  }

  /** Whether speech is going on (a segment is open); a segment cut at the maximum length leaves it open. */
  get inSpeech(): boolean {
    return this.endpointer.inSpeech;
  }

  /** Timeline offset of the end of the last frame taken. */
  get nowMs(): number | null {
    return this.originMs === null ? null : this.originMs + this.nextSeq * AUDIO_FRAME_MS;
  }

  /** Ends the segment in progress now (the candidate pressed "I'm done"). */
  flush(): void {
    const events = this.endpointer.flush();
    if (events.length) this.sink.onEvents(this, this.shift(events));
  }

  async close(): Promise<number> {
    const recording = this.recording ?? (this.recordingPending ? await this.recordingPending.catch(() => null) : null);
    if (recording) await new Promise<void>((resolve) => recording.end(resolve));
    this.recording = null;
    return this.recordedFrames * AUDIO_FRAME_MS;
  }

  private take(seq: number, pcm: Int16Array): void {
    if (this.originMs === null) return;
    const atMs = this.originMs + seq * AUDIO_FRAME_MS;
    if (atMs < 0) return; // captured before the interview started
    this.record(atMs, pcm);
    const events = this.endpointer.push(pcm);
    if (events.length) this.sink.onEvents(this, this.shift(events));
  }

  /** Endpointer offsets count from the first frame it saw; put them on the interview's timeline. */
  private endpointerOriginMs: number | null = null;

  private shift(events: EndpointEvent[]): EndpointEvent[] {
    const origin = this.endpointerOriginMs ?? 0;
    return events.map((event) => {
      switch (event.type) {
        case 'segment':
          return { ...event, startMs: event.startMs + origin, endMs: event.endMs + origin };
        case 'speech-start':
        case 'answer-end':
          return { ...event, atMs: event.atMs + origin };
        default:
          return event;
      }
    });
  }

  private record(atMs: number, pcm: Int16Array): void {
    if (this.endpointerOriginMs === null) this.endpointerOriginMs = atMs;
    const bytes = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
    this.recordedFrames++;
    if (this.recording) {
      this.recording.write(bytes);
      return;
    }
    // Opening the file is asynchronous: hold frames until it is ready, in order.
    this.backlog.push(Buffer.from(bytes));
    if (!this.recordingPending) {
      this.recordingStartMs = atMs;
      this.recordingPending = this.sink.openRecording(this, atMs);
      this.recordingPending
        .then((stream) => {
          for (const chunk of this.backlog.splice(0)) stream.write(chunk);
          this.recording = stream;
        })
        .catch(() => {
          this.backlog.length = 0;
        });
    }
  }

  get recordingStart(): number | null {
    return this.recordingStartMs;
  }
}
