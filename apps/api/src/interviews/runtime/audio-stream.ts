import { AUDIO_FRAME_MS, AUDIO_FRAME_SAMPLES } from '@mockroom/contracts';
import type { Logger } from '@nestjs/common';
import type { LiveAudioChannel } from '@mockroom/server-realtime';
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
/** An utterance in progress is sent on every this many frames (300 ms). */
const LIVE_SEND_EVERY_FRAMES = 15;
const CLOSE_OPEN_ATTEMPTS = 10;

/** An utterance the endpointer cut, on the interview's clock. */
export interface Utterance {
  startMs: number;
  endMs: number;
  /** Where its last voiced frame ends (before the post-roll): the silence after the last word counts from there. */
  speechEndMs: number;
  pcm: Int16Array;
  /**
   * It travelled to the worker while it was spoken (`onStreaming` started its job, which now has the rest of it); when
   * false, it is to be transcribed whole.
   */
  streamed: boolean;
  /** The speaker goes on: the utterance was cut at its maximum length, not at a pause. */
  speaking: boolean;
}

/**
 * What a participant's audio path reports to the session it belongs to, and the one thing it asks (whether an utterance
 * may travel now). Times are on the interview's clock.
 */
export interface AudioPathHooks {
  /** Speech began at `atMs` (not yet an utterance: a cough or a "mm-hmm" starts like a word). */
  onSpeechStart?(stream: AudioStream, atMs: number): void;
  /** An utterance ended. */
  onUtterance(stream: AudioStream, utterance: Utterance): void;
  /** Whether an utterance confirmed now may travel to the worker while it is spoken (default: no). */
  mayStream?(stream: AudioStream): boolean;
  /** An utterance began travelling: start its transcription job now, reading the live audio under `liveKey`. */
  onStreaming?(stream: AudioStream, live: { startMs: number; liveKey: string }): void;
  /** Where the stream's audio goes on disk; opened on the first frame inside the interview. */
  openRecording(stream: AudioStream, startMs: number): Promise<WriteStream>;
  /** The recording could not be opened (it is retried, no audio is dropped) or a write failed (it is reopened). */
  onRecordingError?(stream: AudioStream, error: Error): void;
}

/** Where the audio of utterances in progress goes while they are spoken (the worker reads it as it comes). */
export interface LiveUplink {
  channel: Pick<LiveAudioChannel, 'newKey' | 'append' | 'end'>;
  interviewId: string;
  logger: Pick<Logger, 'warn'>;
}

/** The utterance in progress that is travelling to the worker. */
interface LiveUtterance {
  key: string;
  startMs: number;
  /** Samples sent so far. */
  sent: number;
  framesSinceSend: number;
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
 * One participant's audio path, from one continuous capture of their microphone: the recording, the endpointing that
 * cuts it into utterances, each utterance sent to the worker while it is spoken, and what it reports upward (speech
 * began, an utterance ended, one began travelling) through `AudioPathHooks`. Nothing above it reads the endpointer.
 *
 * Frames are numbered by the client; duplicates (resent after a reconnect) are dropped and gaps (frames lost for good)
 * are filled with silence, so the recording and the timeline stay exact: frame n always lies at n × 20 ms from the
 * stream's origin, in the file as on the interview's clock. A frame is refused when it claims a moment that has not
 * come yet, so a skipped sequence number cannot make a recording longer than the time that passed.
 *
 * Once an utterance's speech is confirmed (and the session says it may travel), its transcription job starts and its
 * audio follows every 300 ms; when the endpointer cuts it, the rest goes with its exact length, so only the last
 * moment is left to decode.
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
  private live: LiveUtterance | null = null;

  constructor(
    readonly streamId: string,
    private readonly sink: AudioPathHooks,
    segmentSilenceMs: number,
    private readonly limits: StreamLimits,
    private readonly uplink: LiveUplink | null = null,
  ) {
    // When an answer is over is decided from the words as well as the silence, above this path: it only cuts utterances.
    this.endpointer = new Endpointer({ segmentSilenceMs, answerSilenceMs: null });
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
      this.report(events);
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

  /** Voiced audio of the utterance in progress, ms (pauses and the hangover after speech left out). */
  get voicedMs(): number {
    return this.endpointer.voicedMs;
  }

  /** Timeline offset of the end of the last frame taken. */
  get nowMs(): number | null {
    return this.originMs === null ? null : this.originMs + this.nextSeq * AUDIO_FRAME_MS;
  }

  /** Ends the utterance in progress now (the candidate pressed "I'm done"). */
  flush(): void {
    this.report(this.endpointer.flush({ endAnswer: false }));
  }

  /** Writes the recording out and closes it; an utterance still travelling ends where its audio ends. */
  async close(): Promise<number> {
    this.abandonLive();
    const recording = await this.drain();
    if (recording && !recording.destroyed) await new Promise<void>((resolve) => recording.end(resolve));
    this.recording = null;
    return this.recordedFrames * AUDIO_FRAME_MS;
  }

  /** The session goes away without closing the recording: an utterance cut off here ends where its audio ends. */
  abandonLive(): void {
    const live = this.live;
    this.live = null;
    if (live && this.uplink) void this.uplink.channel.end(live.key, live.sent).catch(() => undefined);
  }

  private take(seq: number, pcm: Int16Array): void {
    if (this.originMs === null) return;
    const atMs = this.originMs + seq * AUDIO_FRAME_MS;
    if (atMs < 0) return; // captured before the interview started
    this.record(seq, atMs, pcm);
    this.report(this.endpointer.push(pcm));
    this.sendLive();
  }

  /** Endpointer events, on the interview's timeline, to the hooks. */
  private report(events: EndpointEvent[]): void {
    if (events.length === 0) return;
    const origin = this.endpointerOriginMs ?? 0;
    for (const event of events) {
      if (event.type === 'speech-start') this.sink.onSpeechStart?.(this, event.atMs + origin);
      else if (event.type === 'segment') {
        const utterance = { ...event, startMs: event.startMs + origin, endMs: event.endMs + origin };
        this.sink.onUtterance(this, {
          startMs: utterance.startMs,
          endMs: utterance.endMs,
          speechEndMs: event.speechEndMs + origin,
          pcm: event.pcm,
          streamed: this.endLive(utterance),
          // Cut at the maximum length while the speaker went on.
          speaking: this.endpointer.inSpeech,
        });
      }
    }
  }

  /**
   * After each frame: sends the utterance in progress on every 300 ms, or, when one was just confirmed and may travel,
   * starts sending it and has its job started.
   */
  private sendLive(): void {
    if (!this.uplink) return;
    const live = this.live;
    if (live) {
      if (++live.framesSinceSend >= LIVE_SEND_EVERY_FRAMES) this.send(live);
      return;
    }
    const confirmedAt = this.endpointer.openSegmentStartMs;
    if (confirmedAt === null || !this.sink.mayStream?.(this)) return;
    const startMs = confirmedAt + (this.endpointerOriginMs ?? 0);
    const started: LiveUtterance = {
      key: this.uplink.channel.newKey(this.uplink.interviewId),
      startMs,
      sent: 0,
      framesSinceSend: 0,
    };
    this.live = started;
    this.send(started);
    this.sink.onStreaming?.(this, { startMs, liveKey: started.key });
  }

  private send(live: LiveUtterance): void {
    live.framesSinceSend = 0;
    const audio = this.endpointer.openSegmentAudio(live.sent);
    if (audio.length === 0 || !this.uplink) return;
    const first = live.sent === 0;
    live.sent += audio.length;
    const { channel, logger } = this.uplink;
    channel
      .append(live.key, audio, first)
      .catch((error: Error) => logger.warn(`live audio not sent: ${error.message}`));
  }

  /**
   * The endpointer cut an utterance. True when it was the one travelling (its job is under way and gets the rest of the
   * audio now); false when it must be sent whole (it never travelled, or it began elsewhere than the one that did,
   * whose job then ends with what it has).
   */
  private endLive(utterance: { startMs: number; pcm: Int16Array }): boolean {
    const live = this.live;
    this.live = null;
    if (!live || !this.uplink) return false;
    const { channel, logger } = this.uplink;
    if (live.startMs === utterance.startMs) {
      // `cut`: the utterance ended at its maximum length while the speaker went on.
      const cut = this.endpointer.openSegmentStartMs !== null;
      const rest = live.sent < utterance.pcm.length ? utterance.pcm.subarray(live.sent) : undefined;
      channel
        .end(live.key, utterance.pcm.length, cut, rest)
        .catch((error: Error) => logger.warn(`live audio not ended: ${error.message}`));
      return true;
    }
    channel.end(live.key, live.sent).catch(() => undefined);
    return false;
  }

  /** Endpointer offsets count from the first frame it saw; put them on the interview's timeline. */
  private endpointerOriginMs: number | null = null;

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
