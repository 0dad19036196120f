import type { ScoreChange } from '@mockroom/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A candidate's correction of a misheard transcript line. The line itself holds the corrected text; the first
 * correction's `before` is what the recogniser heard, so the original is never lost.
 */
@Entity('transcript_corrections')
export class TranscriptCorrectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'interview_id', type: 'uuid' })
  interviewId: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  before: string;

  @Column({ type: 'text' })
  after: string;

  /** Words the correction brought in: the candidate's vocabulary, given to the recogniser in their next interviews. */
  @Column({ type: 'text', array: true })
  terms: string[];

  /** The scores that moved once the answer was assessed again (null until then). */
  @Column({ type: 'jsonb', nullable: true })
  changes: ScoreChange[] | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
