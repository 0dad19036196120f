import type { AppConfig } from '@mockroom/server-config';
import type { AudioStreamAccepted, Speaker } from '@mockroom/contracts';
import type { LiveAudioChannel } from '@mockroom/server-realtime';
import type { Logger } from '@nestjs/common';
import type { WriteStream } from 'node:fs';
import {
  type FrameResult,
  type ParticipantBudget,
  participantBudget,
  RecordingQuota,
  StreamAdmission,
} from './audio-limits';
import { type AudioPathHooks, AudioStream, type LiveUplink, type Utterance } from './audio-stream';
import {
  closeRecording,
  openRecording,
  type RecordingDeps,
  recordedMs,
  recordedPosition,
  recordingProblem,
} from './runtime-support';

/**
 * Frames acknowledged in batches (every half second): the client needs to know how far the server got, to drop that
 * from its resend buffer, not about every frame.
 */
const ACK_EVERY_FRAMES = 25;
/** A failing recording is reported to the room at most this often. */
const RECORDING_WARN_EVERY_MS = 5000;

/** What the audio of a live interview reports to the session it belongs to, each time with whose audio it is. */
export interface ParticipantAudioHooks {
  onSpeechStart?(speaker: Speaker, atMs: number): void;
  onUtterance(speaker: Speaker, utterance: Utterance): void;
  /** Whether an utterance of `speaker` confirmed now may travel to the worker while it is spoken. */
  mayStream(speaker: Speaker): boolean;
  /** An utterance of `speaker` began travelling: start its transcription job now. */
  onStreaming(speaker: Speaker, live: { startMs: number; liveKey: string }): void;
  /** The recording failed (the audio is kept and the file retried): what to tell the room. */
  onRecordingProblem(problem: { code: string; message: string }): void;
}

export interface ParticipantStreamsDeps extends RecordingDeps {
  config: Pick<AppConfig, 'audio'> & { interviews: Pick<AppConfig['interviews'], 'segmentSilenceMs'> };
  liveAudio: LiveUplink['channel'] & Pick<LiveAudioChannel, 'newKey'>;
}

interface Entry {
  stream: AudioStream;
  speaker: Speaker;
  /** Fed by the media agent from the LiveKit room, not by the participant's browser. */
  viaAgent: boolean;
}

/**
 * The audio of one live interview, whoever interviews: each participant's streams (one audio path each), resumed after
 * a restart from their recordings, admitted within the participant's limits (a frame rate and recorded time shared by
 * all their streams, the interview's recording space), taken from one way only (the LiveKit room through the agent, or
 * the browser's socket), acknowledged, and closed with their recordings. What the audio says goes to the session's
 * hooks with the speaker's name.
 */
export class ParticipantStreams implements AudioPathHooks {
  private readonly streams = new Map<string, Entry>();
  /** Whose each stream is, also once it is no longer open (its recording may still be opening as it closes). */
  private readonly speakers = new WeakMap<AudioStream, Speaker>();
  /** Participants whose audio comes through the LiveKit room (their browser said so), not over their socket. */
  private readonly viaRoom = new Set<Speaker>();
  private readonly budgets = new Map<Speaker, ParticipantBudget>();
  private readonly admission: StreamAdmission;
  private quota: RecordingQuota;
  private readonly uplink: LiveUplink;
  private recordingWarnedAt = 0;
  /** The end of the latest frame taken, on the interview's clock. */
  latestMs = 0;

  constructor(
    private readonly deps: ParticipantStreamsDeps,
    private readonly interviewId: string,
    private readonly session: ParticipantAudioHooks,
    private readonly logger: Pick<Logger, 'log' | 'warn'>,
  ) {
    this.uplink = { channel: deps.liveAudio, interviewId, logger };
    this.admission = new StreamAdmission(deps.config.audio);
    this.quota = RecordingQuota.from(deps.config.audio);
  }

  /** The interview's recording space, less what its recordings already hold (after a reload or on a new owner). */
  async restore(): Promise<void> {
    this.quota = RecordingQuota.from(this.deps.config.audio, await recordedMs(this.deps, this.interviewId));
  }

  /**
   * Opens (or resumes, same id) a stream of `speaker`; returns where the client must resume sending. A new stream closes
   * that participant's oldest ones beyond the limit (of the same way), and too many new streams in a minute are
   * refused. `live`: the interview has started (only then can a stream recorded before a restart be taken up).
   */
  async open(speaker: Speaker, streamId: string, viaAgent: boolean, live: boolean): Promise<AudioStreamAccepted> {
    const key = streamKey(speaker, streamId);
    const resumed =
      this.streams.has(key) || !live ? null : await recordedPosition(this.deps, this.interviewId, speaker, streamId);
    let entry = this.streams.get(key);
    if (!entry) {
      const sameWay = [...this.streams.entries()].filter(([, e]) => e.speaker === speaker && e.viaAgent === viaAgent);
      for (const [oldKey, old] of this.admission.admit(sameWay)) {
        this.streams.delete(oldKey);
        void this.close(old).catch((error: Error) =>
          this.logger.warn(`closing stream ${old.stream.streamId}: ${error.message}`),
        );
      }
      // Each participant's frame rate is one budget over all their streams: a new stream brings no new burst.
      let budget = this.budgets.get(speaker);
      if (!budget) this.budgets.set(speaker, (budget = participantBudget(this.deps.config.audio)));
      const stream = new AudioStream(
        streamId,
        this,
        this.deps.config.interviews.segmentSilenceMs,
        { ...budget, quota: this.quota },
        this.uplink,
      );
      entry = { stream, speaker, viaAgent };
      this.speakers.set(stream, speaker);
      this.streams.set(key, entry);
      if (resumed) {
        const at = resumed.position.firstSeq + resumed.position.frames;
        this.logger.log(`${speaker} stream ${streamId} of ${this.interviewId} resumed at frame ${at}`);
        stream.resume(resumed.position, resumed.recent);
      }
    }
    if (!viaAgent) this.viaRoom.delete(speaker); // the browser streams over its socket (again)
    return { streamId, nextSeq: entry.stream.nextSeq };
  }

  has(speaker: Speaker, streamId: string): boolean {
    return this.streams.has(streamKey(speaker, streamId));
  }

  /** Which way a participant's audio comes: the other way's frames are not taken, so nothing is heard twice. */
  setRoute(speaker: Speaker, route: 'room' | 'socket'): void {
    if (route === 'room') this.viaRoom.add(speaker);
    else this.viaRoom.delete(speaker);
  }

  /** Whether `speaker`'s audio comes through the LiveKit room. */
  inRoom(speaker: Speaker): boolean {
    return this.viaRoom.has(speaker);
  }

  /**
   * The hot path: one 20 ms frame of `speaker`. `nowMs` is the interview's clock, or null before it starts (frames then
   * only advance the sequence). Whether it was taken (and if not, why), and the frame number to acknowledge.
   */
  push(speaker: Speaker, streamId: string, seq: number, pcm: Int16Array, nowMs: number | null): FrameResult {
    const entry = this.streams.get(streamKey(speaker, streamId));
    if (!entry || entry.viaAgent !== this.viaRoom.has(speaker)) return { accepted: false, ackSeq: null, refused: null };
    const stream = entry.stream;
    const result = stream.push(seq, pcm, nowMs);
    if (result !== 'taken') return { accepted: false, ackSeq: null, refused: result };
    const now = stream.nowMs;
    if (now !== null && now > this.latestMs) this.latestMs = now;
    let ackSeq: number | null = null;
    if (stream.framesSinceAck >= ACK_EVERY_FRAMES) {
      stream.framesSinceAck = 0;
      ackSeq = stream.nextSeq - 1;
    }
    return { accepted: true, ackSeq, refused: null };
  }

  /** Ends the utterances in progress now (of `speaker`, or everyone's): "I'm done", or a prompt that closes the answer. */
  flush(speaker?: Speaker): void {
    for (const entry of this.streams.values()) if (!speaker || entry.speaker === speaker) entry.stream.flush();
  }

  /** Voiced audio of `speaker`'s utterance in progress (the longest of their streams'), ms. */
  voicedMs(speaker: Speaker): number {
    let voiced = 0;
    for (const entry of this.streams.values())
      if (entry.speaker === speaker) voiced = Math.max(voiced, entry.stream.voicedMs);
    return voiced;
  }

  /** Closes every stream and its recording (the interview ended, or this process lets it go). */
  async closeAll(): Promise<void> {
    const entries = [...this.streams.values()];
    this.streams.clear();
    await Promise.all(entries.map((entry) => this.close(entry)));
  }

  // ---- what each audio path reports, passed on with its speaker ----

  onSpeechStart(stream: AudioStream, atMs: number): void {
    this.session.onSpeechStart?.(this.speakerOf(stream), atMs);
  }

  onUtterance(stream: AudioStream, utterance: Utterance): void {
    this.session.onUtterance(this.speakerOf(stream), utterance);
  }

  mayStream(stream: AudioStream): boolean {
    return this.session.mayStream(this.speakerOf(stream));
  }

  onStreaming(stream: AudioStream, live: { startMs: number; liveKey: string }): void {
    this.session.onStreaming(this.speakerOf(stream), live);
  }

  openRecording(stream: AudioStream, startMs: number): Promise<WriteStream> {
    return openRecording(this.deps, this.interviewId, this.speakerOf(stream), stream, startMs);
  }

  onRecordingError(stream: AudioStream, error: Error): void {
    this.logger.warn(`recording of stream ${stream.streamId}: ${error.message}`);
    const now = Date.now();
    if (now - this.recordingWarnedAt < RECORDING_WARN_EVERY_MS) return;
    this.recordingWarnedAt = now;
    this.session.onRecordingProblem(recordingProblem(error));
  }

  private speakerOf(stream: AudioStream): Speaker {
    return this.speakers.get(stream) ?? 'candidate';
  }

  private close(entry: Entry): Promise<void> {
    return closeRecording(this.deps, this.interviewId, entry.speaker, entry.stream);
  }
}

function streamKey(speaker: Speaker, streamId: string): string {
  return `${speaker}:${streamId}`;
}
