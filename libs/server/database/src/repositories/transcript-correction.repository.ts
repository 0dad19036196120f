import type { ScoreChange } from '@mockroom/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { TranscriptCorrectionEntity } from '../entities/transcript-correction.entity';
import { TranscriptSegmentEntity } from '../entities/transcript-segment.entity';

export interface NewCorrection {
  interviewId: string;
  seq: number;
  userId: string;
  /** The line as it should read. */
  after: string;
  /** From the line as it reads now and the correction: the words with their times, and the words brought in. */
  derive: (segment: TranscriptSegmentEntity) => { words: TranscriptSegmentEntity['words']; terms: string[] };
}

/** Candidates' corrections of misheard lines, and the vocabulary they teach the recogniser. */
@Injectable()
export class TranscriptCorrectionRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(TranscriptCorrectionEntity) private readonly corrections: Repository<TranscriptCorrectionEntity>,
  ) {}

  /**
   * Corrects a line and records the correction, in one transaction with the line locked: two corrections at once are
   * applied one after the other, each with the text it replaced. Null when the line does not exist; `unchanged` when it
   * already reads so.
   */
  async correct(
    input: NewCorrection,
  ): Promise<{ correction: TranscriptCorrectionEntity; segment: TranscriptSegmentEntity } | 'unchanged' | null> {
    return this.dataSource.transaction(async (manager) => {
      const segments = manager.getRepository(TranscriptSegmentEntity);
      const segment = await segments.findOne({
        where: { interviewId: input.interviewId, seq: input.seq },
        lock: { mode: 'pessimistic_write' },
      });
      if (!segment) return null;
      if (segment.text === input.after) return 'unchanged';
      const { words, terms } = input.derive(segment);
      const correction = await manager.getRepository(TranscriptCorrectionEntity).save(
        manager.getRepository(TranscriptCorrectionEntity).create({
          interviewId: input.interviewId,
          seq: input.seq,
          userId: input.userId,
          before: segment.text,
          after: input.after,
          terms,
          changes: null,
        }),
      );
      await segments.update({ interviewId: input.interviewId, seq: input.seq }, { text: input.after, words });
      return { correction, segment: { ...segment, text: input.after, words } };
    });
  }

  async setChanges(id: string, changes: ScoreChange[]): Promise<void> {
    await this.corrections.update({ id }, { changes });
  }

  list(interviewId: string): Promise<TranscriptCorrectionEntity[]> {
    return this.corrections.find({ where: { interviewId }, order: { createdAt: 'ASC' } });
  }

  /** The words a candidate's corrections brought in, most used (then most recent) first. */
  async vocabulary(userId: string, limit: number): Promise<string[]> {
    const rows: { term: string }[] = await this.dataSource.query(
      `SELECT term FROM transcript_corrections, unnest(terms) AS term WHERE user_id = $1 GROUP BY term ORDER BY count(*) DESC, max(created_at) DESC LIMIT $2`,
      [userId, limit],
    );
    return rows.map((r) => r.term);
  }
}
