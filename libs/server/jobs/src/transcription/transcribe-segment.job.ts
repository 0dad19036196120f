import { Injectable, Logger } from '@nestjs/common';
import { JobName, JobPayloads, LiveTranscriptSegment, TranscriptSegment } from '@mockroom/contracts';
import { InterviewRepository, TranscriptSegmentEntity } from '@mockroom/server-database';
import { LiveEmitter, OnJob } from '@mockroom/server-queue';
import { Engines } from '../engines.providers';

export function toSegmentDto(row: TranscriptSegmentEntity): TranscriptSegment {
  return {
    seq: row.seq,
    speaker: row.speaker,
    text: row.text,
    startMs: row.startMs,
    endMs: row.endMs,
    questionId: row.questionId,
    answerId: row.answerId,
    engine: row.engine,
  };
}

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
  ) {}

  @OnJob(JobName.TranscribeSegment)
  async run(payload: JobPayloads[JobName.TranscribeSegment]): Promise<LiveTranscriptSegment> {
    const audio = Buffer.from(payload.audio, 'base64');
    if (audio.length % 2 !== 0) throw new Error(`segment ${payload.seq}: odd number of audio bytes`);
    const pcm = new Int16Array(audio.buffer, audio.byteOffset, audio.length / 2);
    const started = Date.now();
    const result = await this.engines.stt.transcribe(pcm, { hints: payload.hints });
    const engineMs = Date.now() - started;
    const { segment, created } = await this.interviews.upsertSegment({
      interviewId: payload.interviewId,
      seq: payload.seq,
      speaker: payload.speaker,
      answerId: payload.answerId,
      questionId: payload.questionId,
      startMs: payload.startMs,
      endMs: payload.endMs,
      text: result.text.trim(),
      words: result.words?.map((w) => ({ word: w.word, startMs: payload.startMs + w.startMs, endMs: payload.startMs + w.endMs })) ?? null,
      engine: result.engine,
    });
    const dto: LiveTranscriptSegment = { ...toSegmentDto(segment), engineMs };
    if (created) this.logger.debug(`segment ${payload.interviewId}#${payload.seq}: ${pcm.length / 16} ms of audio in ${Date.now() - started} ms`);
    this.live.toInterview(payload.interviewId, 'transcript:segment', dto);
    return dto;
  }
}
