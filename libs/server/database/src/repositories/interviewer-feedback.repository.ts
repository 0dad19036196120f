import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  InterviewerNoteEntity,
  InterviewerScoreEntity,
  RubricOverrideEntity,
} from '../entities/interviewer-feedback.entity';

export interface ScoreValues {
  relevance: number;
  depth: number;
  clarity: number;
  correctness: number;
}

/** A human interviewer's scores, notes and rubric overrides for a session. */
@Injectable()
export class InterviewerFeedbackRepository {
  constructor(
    @InjectRepository(InterviewerScoreEntity) private readonly scores: Repository<InterviewerScoreEntity>,
    @InjectRepository(InterviewerNoteEntity) private readonly notes: Repository<InterviewerNoteEntity>,
    @InjectRepository(RubricOverrideEntity) private readonly overrides: Repository<RubricOverrideEntity>,
  ) {}

  /** One set of scores per question: saving again replaces it. */
  async saveScores(interviewId: string, questionIndex: number, values: ScoreValues): Promise<InterviewerScoreEntity> {
    await this.scores.upsert({ interviewId, questionIndex, ...values }, ['interviewId', 'questionIndex']);
    return this.scores.findOneByOrFail({ interviewId, questionIndex });
  }

  /** The latest interviewers' scores across sessions, newest first (for comparing them with the engine's). */
  listRecentScores(limit: number): Promise<InterviewerScoreEntity[]> {
    return this.scores.find({ order: { updatedAt: 'DESC' }, take: limit });
  }

  listScores(interviewId: string): Promise<InterviewerScoreEntity[]> {
    return this.scores.find({ where: { interviewId }, order: { questionIndex: 'ASC' } });
  }

  addNote(
    note: Pick<InterviewerNoteEntity, 'interviewId' | 'questionIndex' | 'text' | 'visibility' | 'atMs'>,
  ): Promise<InterviewerNoteEntity> {
    return this.notes.save(this.notes.create(note));
  }

  /** The notes of a session; `sharedOnly` for anyone but the interviewer. */
  listNotes(interviewId: string, sharedOnly: boolean): Promise<InterviewerNoteEntity[]> {
    return this.notes.find({
      where: sharedOnly ? { interviewId, visibility: 'shared' } : { interviewId },
      order: { createdAt: 'ASC' },
    });
  }

  /** Sets the interviewer's tick on a rubric point, or (null) removes it so the engine's tick counts again. */
  async setOverride(
    interviewId: string,
    questionIndex: number,
    pointId: string,
    covered: boolean | null,
  ): Promise<void> {
    if (covered === null) await this.overrides.delete({ interviewId, questionIndex, pointId });
    else
      await this.overrides.upsert({ interviewId, questionIndex, pointId, covered }, [
        'interviewId',
        'questionIndex',
        'pointId',
      ]);
  }

  listOverrides(interviewId: string): Promise<RubricOverrideEntity[]> {
    return this.overrides.find({ where: { interviewId } });
  }
}
