import { AUDIO_FRAME_MS, AUDIO_FRAME_SAMPLES } from '@mockroom/contracts';
import { Endpointer, EndpointEvent } from '@mockroom/speech';
import type { WriteStream } from 'node:fs';
import type { FrameBudget, FrameRefusal, RecordedTime, RecordingQuota } from './audio-limits';

/**
 * Gaps up to this long (frames lost for good) go through the endpointer as silence too; after a longer one (the
 * candidate was offline) the segment in progress ends there and the endpointer takes up after the gap.
 */
const ENDPOINTED_GAP_FRAMES = (10_000 / AUDIO_FRAME_MS) | 0;
const SILENCE = new Int16Array(AUDIO_FRAME_SAMPLES);
/** Recordings are written a second at a time. */
const RECORD_CHUNK_SAMPLES = AUDIO_FRAME_SAMPLES * 50;
const OPEN_RETRY_MS = 1000;
const CLOSE_OPEN_ATTEMPTS = 10;

export interface StreamSink {
  /** Endpointer events with offsets already on the interview's timeline. */
  onEvents(stream: AudioStream, events: EndpointEvent[]): void;
  /** Where the stream's audio goes on disk; opened on the first frame inside the interview. */
  openRecording(stream: AudioStream, startMs: number): Promise<WriteStream>;
  /** The recording could not be opened (it is retried, no audio is dropped) or a write failed (it is reopened). */
  onRecordingError?(stream: AudioStream, error: Error): void;
}

/** Where a stream's recording had got to: its first frame, where that lies on the interview's clock, and its length. */
export interface RecordedPosition {
  firstSeq: number;
  startMs: number;
  frames: number;
}

/** What a stream may cost: its participant's frame rate, and the interview's recording space. */
export interface StreamLimits {
  /** Frames received: shared by all of one participant's streams, so opening another does not bring a fresh burst. */
  budget: FrameBudget;
  /** Time recorded (frames and filled gaps) against the interview's clock, shared likewise. */
  allowance: RecordedTime;
  quota: RecordingQuota;
}

/**
 * One continuous capture of the candidate's microphone. Frames are numbered by the client; duplicates (resent after
 * a reconnect) are dropped and gaps (frames lost for good) are filled with silence, so the recording and the timeline
 * stay exact: frame n always lies at n × 20 ms from the stream's origin, in the file as on the interview's clock. A
 * frame is refused when it claims a moment that has not come yet, so a skipped sequence number cannot make a
 * recording longer than the time that passed.
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
  private recordingFirstSeq: number | null = null;
  /** Audio not yet handed to the file, a second at a time. */
  private chunk = new Int16Array(RECORD_CHUNK_SAMPLES);
  private chunkSamples = 0;
  /** Chunks waiting for the file to open, in order. */
  private readonly backlog: Buffer[] = [];
  private openRetryAt = 0;
  framesSinceAck = 0;
  recordedFrames = 0;

  constructor(
    readonly streamId: string,
    private readonly sink: StreamSink,
    segmentSilenceMs: number,
    private readonly limits: StreamLimits,
  ) {
    // The long silence that ends an answer is the runtime's business (it depends on the turn), not the endpointer's.
    this.endpointer = new Endpointer({ segmentSilenceMs, answerSilenceMs: 24 * 3600 * 1000 });
  }

  /**
   * Takes up a stream the server had been recording before it restarted: frames up to where the recording ends are
   * duplicates (the client resends what it still has), the next ones land where they were spoken, appended to the same
   * file. `recent` is the recorded audio just before that end that no stored segment covers: it goes through the
   * endpointer again (not the recording) so an utterance cut by the restart is heard whole.
   */
  resume(position: RecordedPosition, recent: Int16Array = new Int16Array(0)): void {
    this.originMs = position.startMs - position.firstSeq * AUDIO_FRAME_MS;
    this.recordingStartMs = position.startMs;
    this.recordingFirstSeq = position.firstSeq;
    this.recordedFrames = position.frames;
    this.nextSeq = position.firstSeq + position.frames;
    const replayFrames = Math.min(Math.floor(recent.length / AUDIO_FRAME_SAMPLES), position.frames);
    this.endpointerOriginMs = (this.nowMs as number) - replayFrames * AUDIO_FRAME_MS;
    const start = recent.length - replayFrames * AUDIO_FRAME_SAMPLES;
    for (let i = 0; i < replayFrames; i++) {
      const events = this.endpointer.push(
        recent.subarray(start + i * AUDIO_FRAME_SAMPLES, start + (i + 1) * AUDIO_FRAME_SAMPLES),
      );
      if (events.length) this.sink.onEvents(this, this.shift(events));
    }
  }

  /** The stream's frame number of the first recorded frame, once recording. */
  get recordingFirst(): number | null {
    return this.recordingFirstSeq;
  }

  /**
   * Takes one frame. `liveOffsetMs` is the interview's clock now (ms since it started), or null before it starts:
   * frames before the start only advance the sequence. Returns 'taken', or why the frame was not.
   */
  push(seq: number, pcm: Int16Array, liveOffsetMs: number | null, now = Date.now()): 'taken' | FrameRefusal {
    if (seq < this.nextSeq) return 'duplicate';
    const gap = seq - this.nextSeq;
    if (this.originMs !== null && !this.limits.quota.hasRoom(gap + 1)) return 'recording-full';
    if (!this.limits.budget.take(1, now)) return 'too-fast';
    // Recorded time: this frame, and the silence of the gap before it, once the stream is on the interview's clock. A
    // microphone cannot have sent more than the time that passed: a frame far ahead of the clock is a skipped number.
    const recorded = this.originMs !== null ? gap + 1 : liveOffsetMs !== null ? 1 : 0;
    if (recorded > 0 && !this.limits.allowance.take(recorded, liveOffsetMs ?? 0)) return 'too-fast';
    if (gap > 0 && this.originMs !== null) {
      // Lost frames become silence so the recording keeps time (the recorded-time check above bounds them by the
      // time that passed). A long gap is not fed to the endpointer frame by frame: the segment in progress ends, and the
      // endpointer's clock jumps over the gap.
      if (gap <= ENDPOINTED_GAP_FRAMES) {
        for (let s = this.nextSeq; s < seq; s++) this.take(s, SILENCE);
      } else {
        this.flush();
        for (let s = this.nextSeq; s < seq; s++) {
          const atMs = this.originMs + s * AUDIO_FRAME_MS;
          if (atMs >= 0) this.record(s, atMs, SILENCE);
        }
        if (this.endpointerOriginMs !== null) this.endpointerOriginMs += gap * AUDIO_FRAME_MS;
      }
    }
    if (this.originMs === null && liveOffsetMs !== null) this.originMs = liveOffsetMs - seq * AUDIO_FRAME_MS;
    this.take(seq, pcm);
    this.nextSeq = seq + 1;
    this.framesSinceAck++;
    return 'taken';
  }

  /** Whether speech is going on (a segment is open); a segment cut at the maximum length leaves it open. */
  get inSpeech(): boolean {
    return this.endpointer.inSpeech;
  }

  /** Voiced audio of the segment in progress, ms (pauses and the hangover after speech left out). */
  get voicedMs(): number {
    return this.endpointer.voicedMs;
  }

  /** Timeline offset of the start of the confirmed segment in progress, or null. */
  get openSegmentStartMs(): number | null {
    const start = this.endpointer.openSegmentStartMs;
    return start === null ? null : start + (this.endpointerOriginMs ?? 0);
  }

  /** Samples of the segment in progress from `fromSample` on (a view, valid until the next frame). */
  openSegmentAudio(fromSample: number): Int16Array {
    return this.endpointer.openSegmentAudio(fromSample);
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
    const recording = await this.drain();
    if (recording && !recording.destroyed) await new Promise<void>((resolve) => recording.end(resolve));
    this.recording = null;
    return this.recordedFrames * AUDIO_FRAME_MS;
  }

  private take(seq: number, pcm: Int16Array): void {
    if (this.originMs === null) return;
    const atMs = this.originMs + seq * AUDIO_FRAME_MS;
    if (atMs < 0) return; // captured before the interview started
    this.record(seq, atMs, pcm);
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
          return {
            ...event,
            startMs: event.startMs + origin,
            endMs: event.endMs + origin,
            speechEndMs: event.speechEndMs + origin,
          };
        case 'speech-start':
        case 'answer-end':
          return { ...event, atMs: event.atMs + origin };
        default:
          return event;
      }
    });
  }

  private record(seq: number, atMs: number, pcm: Int16Array): void {
    if (this.endpointerOriginMs === null) this.endpointerOriginMs = atMs;
    if (this.recordingStartMs === null) {
      this.recordingStartMs = atMs;
      this.recordingFirstSeq = seq;
      this.openRecording(); // ready by the time the first second is buffered
    }
    this.recordedFrames++;
    this.limits.quota.take(1);
    // One write per second of audio, not one per frame: per-frame writes were the biggest cost of a streaming candidate.
    this.chunk.set(pcm, this.chunkSamples);
    this.chunkSamples += pcm.length;
    if (this.chunkSamples === this.chunk.length) this.flushChunk();
  }

  /** Hands the buffered audio to the recording file (or holds it, in order, until the file is open). */
  private flushChunk(): void {
    if (this.chunkSamples === 0) return;
    const bytes = Buffer.from(this.chunk.buffer, 0, this.chunkSamples * 2);
    this.chunk = new Int16Array(RECORD_CHUNK_SAMPLES);
    this.chunkSamples = 0;
    if (this.recording) {
      this.recording.write(bytes);
      return;
    }
    this.backlog.push(bytes);
    this.openRecording();
  }

  private openRecording(): void {
    if (this.recordingPending || this.recordingStartMs === null || Date.now() < this.openRetryAt) return;
    this.recordingPending = this.sink.openRecording(this, this.recordingStartMs);
    this.recordingPending.then(
      (stream) => {
        // A failed write (disk full, the file gone) is reported and the file reopened; it never reaches the process.
        stream.on('error', (error: Error) => this.onWriteError(stream, error));
        for (const chunk of this.backlog.splice(0)) stream.write(chunk);
        this.recording = stream;
      },
      (error: Error) => {
        // The database or the disk is busy: keep the audio (in order) and try again with the next second of it.
        this.recordingPending = null;
        this.openRetryAt = Date.now() + OPEN_RETRY_MS;
        this.sink.onRecordingError?.(this, error);
      },
    );
  }

  private onWriteError(stream: WriteStream, error: Error): void {
    if (this.recording !== stream) return;
    this.recording = null;
    this.recordingPending = null;
    this.openRetryAt = Date.now() + OPEN_RETRY_MS;
    stream.destroy();
    this.sink.onRecordingError?.(this, error);
  }

  /** Writes what is buffered and waits until the file has it. */
  private async drain(): Promise<WriteStream | null> {
    this.flushChunk();
    if (this.recording) return this.recording;
    for (let attempt = 0; this.backlog.length && attempt < CLOSE_OPEN_ATTEMPTS; attempt++) {
      this.openRetryAt = 0;
      this.openRecording();
      await this.recordingPending?.catch(() => null);
      if (this.recording) return this.recording;
      await new Promise((resolve) => setTimeout(resolve, OPEN_RETRY_MS));
    }
    return this.recording;
  }

  get recordingStart(): number | null {
    return this.recordingStartMs;
  }
}
