import type { Assessment } from '@mockroom/assessment';
import type { AnswerEnding } from '@mockroom/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AnswerStatus = 'open' | 'closed' | 'request';
export type AnswerIntent = 'repeat' | 'skip' | 'clarify';

/** One answer of the candidate to a question or a follow-up; `request` when it was "repeat", "skip" or a clarifying question. */
@Entity('interview_answers')
export class InterviewAnswerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'interview_id', type: 'uuid' })
  interviewId: string;

  @Column({ name: 'question_id', type: 'text' })
  questionId: string;

  @Column({ name: 'question_index', type: 'integer' })
  questionIndex: number;

  @Column({ type: 'text' })
  kind: 'answer' | 'follow-up';

  @Column({ name: 'prompt_seq', type: 'integer' })
  promptSeq: number;

  @Column({ type: 'text' })
  status: AnswerStatus;

  @Column({ type: 'text', nullable: true })
  intent: AnswerIntent | null;

  @Column({ name: 'start_ms', type: 'integer' })
  startMs: number;

  @Column({ name: 'end_ms', type: 'integer', nullable: true })
  endMs: number | null;

  /** How the answer ended and why (see AnswerEnding in contracts). */
  @Column({ type: 'jsonb', nullable: true })
  ending: AnswerEnding | null;

  /** The assessment as the engine produced it (scores, rubric judgements with evidence, analytics, feedback). */
  @Column({ type: 'jsonb', nullable: true })
  assessment: Assessment | null;

  @Column({ name: 'overall_score', type: 'real', nullable: true })
  overallScore: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
