import { Injectable, Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { JobName, JobPayloads, JobProgress, LiveTranscriptSegment } from '@mockroom/contracts';
import { InterviewRepository } from '@mockroom/server-database';
import { toSegmentDto } from '@mockroom/server-interviews';
import { OnJob } from '@mockroom/server-queue';
import { LiveAudioChannel, LiveEmitter, LiveAudioAbandonedError } from '@mockroom/server-realtime';
import { concatPcm, type SttResult } from '@mockroom/speech';
import { Engines } from '../engines.providers';

interface Transcribed {
  result: SttResult;
  samples: number;
  engineMs: number;
  streamed: boolean;
}

/** Trailing pause a streamed utterance may have been fed beyond its end (the segment pause less its post-roll, and more). */
const LIVE_OVERRUN_SAMPLES = 16 * 1000;
/**
 * How long an utterance waits for a streaming decoder when all are busy (usually one is still finishing the previous
 * utterance): its audio is kept meanwhile, so waiting costs only the first partial words' delay.
 */
const STREAM_WAIT_MS = 3000;

/**
 * One utterance of the candidate to text. Idempotent: the row is keyed by (interview, seq), so a retry after a
 * crashed worker, or a duplicate job, stores nothing twice and returns the segment already stored.
 */
@Injectable()
export class TranscribeSegmentJob {
  private readonly logger = new Logger(TranscribeSegmentJob.name);

  constructor(
    private readonly interviews: InterviewRepository,
    private readonly engines: Engines,
    private readonly live: LiveEmitter,
    private readonly liveAudio: LiveAudioChannel,
  ) {}

  @OnJob(JobName.TranscribeSegment)
  async run(payload: JobPayloads[JobName.TranscribeSegment], job?: Job): Promise<LiveTranscriptSegment> {
    const started = Date.now();
    const { result, samples, engineMs, streamed } =
      payload.liveKey !== undefined
        ? await this.transcribeLive(payload, payload.liveKey, job)
        : await this.transcribeWhole(payload);
    const endMs = payload.liveKey ? payload.startMs + Math.round(samples / 16) : payload.endMs;
    const { segment, created } = await this.interviews.upsertSegment({
      interviewId: payload.interviewId,
      seq: payload.seq,
      speaker: payload.speaker,
      answerId: payload.answerId,
      questionId: payload.questionId,
      startMs: payload.startMs,
      endMs,
      text: result.text.trim(),
      words:
        result.words?.map((w) => ({
          word: w.word,
          startMs: payload.startMs + w.startMs,
          endMs: payload.startMs + w.endMs,
        })) ?? null,
      engine: result.engine,
    });
    const dto: LiveTranscriptSegment = { ...toSegmentDto(segment), engineMs, streamed };
    if (created)
      this.logger.debug(
        `segment ${payload.interviewId}#${payload.seq}: ${samples / 16} ms of audio, ${streamed ? 'streamed' : 'whole'}, ${engineMs} ms`,
      );
    this.live.toInterview(payload.interviewId, 'transcript:segment', dto);
    if (payload.liveKey) await this.liveAudio.remove(payload.liveKey).catch(() => undefined);
    return dto;
  }

  private async transcribeWhole(
    payload: JobPayloads[JobName.TranscribeSegment] & { audio: string },
  ): Promise<Transcribed> {
    const audio = Buffer.from(payload.audio, 'base64');
    if (audio.length % 2 !== 0) throw new Error(`segment ${payload.seq}: odd number of audio bytes`);
    const pcm = new Int16Array(audio.buffer, audio.byteOffset, audio.length / 2);
    const started = Date.now();
    const result = await this.engines.stt.transcribe(pcm, { hints: payload.hints });
    return { result, samples: pcm.length, engineMs: Date.now() - started, streamed: false };
  }

  /**
   * An utterance still being spoken: its audio is read from the live list as it arrives and fed to the engine at once,
   * so when it ends only the last moment is left to decode. Without a free streaming decoder (or with an engine that
   * cannot stream) the audio is collected and transcribed whole at the end. `engineMs` counts from the end.
   */
  private async transcribeLive(
    payload: JobPayloads[JobName.TranscribeSegment],
    key: string,
    job?: Job,
  ): Promise<Transcribed> {
    if (!this.liveAudio.owns(key))
      throw new UnrecoverableError(`segment ${payload.seq}: ${key} is not a live-audio list`);
    const stream = (await this.engines.stt.openStream?.({ hints: payload.hints, waitMs: STREAM_WAIT_MS })) ?? null;
    const chunks: Int16Array[] = [];
    let fed = 0;
    let shown: string | null = null;
    try {
      let total: number | null = null;
      let cut = false;
      let endedAt = 0;
      for await (const entry of this.liveAudio.read(key)) {
        if ('end' in entry) {
          total = entry.end;
          cut = entry.cut;
          // Engine time counts from when the end arrived (the decoder may still be busy with earlier audio then).
          endedAt = entry.endedAt;
          break;
        }
        chunks.push(entry.audio);
        if (stream) {
          const words = await stream.feed(entry.audio);
          fed += entry.audio.length;
          // Words on screen while they are spoken: each change of the recogniser's best guess goes to the room.
          if (words && words !== shown) {
            shown = words;
            // And to the live turn awaiting this job: it hears words before the segment ends (a backchannel is not
            // an interruption; a real word is).
            const progress: JobProgress[JobName.TranscribeSegment] = { seq: payload.seq, partial: words };
            void job?.updateProgress(progress).catch(() => undefined);
            this.live.toInterview(payload.interviewId, 'transcript:partial', {
              seq: payload.seq,
              speaker: payload.speaker,
              answerId: payload.answerId,
              questionId: payload.questionId,
              startMs: payload.startMs,
              text: words,
            });
          }
        }
      }
      if (total === null || !Number.isInteger(total) || total < 0)
        throw new Error(`segment ${payload.seq}: the live audio ended without its length`);
      const pcm = concatPcm(chunks).subarray(0, total);
      // Audio appended after the utterance's end was fed already: the pause that ended it does not matter, but speech
      // of the next utterance (a cut at the maximum length) would be heard twice, so then it is decoded whole. (The
      // API holds back the part of a long segment where a cut could fall, so that rarely happens.)
      if (stream && fed <= total + (cut ? 0 : LIVE_OVERRUN_SAMPLES)) {
        if (fed < total) await stream.feed(pcm.subarray(fed));
        const result = await stream.end();
        return { result, samples: total, engineMs: Date.now() - endedAt, streamed: true };
      }
      stream?.abort();
      const result = await this.engines.stt.transcribe(pcm, { hints: payload.hints });
      return { result, samples: total, engineMs: Date.now() - endedAt, streamed: false };
    } catch (error) {
      stream?.abort();
      // Its interview moved to another process, which hears this audio again from the recording: nothing to retry.
      if (error instanceof LiveAudioAbandonedError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
