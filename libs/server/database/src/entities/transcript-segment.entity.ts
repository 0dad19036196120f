import type { Speaker } from '@mockroom/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One line of the transcript. (interview_id, seq) is the key, so a retried job cannot store it twice. */
@Entity('transcript_segments')
export class TranscriptSegmentEntity {
  @PrimaryColumn({ name: 'interview_id', type: 'uuid' })
  interviewId: string;

  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'text' })
  speaker: Speaker;

  @Column({ name: 'answer_id', type: 'uuid', nullable: true })
  answerId: string | null;

  @Column({ name: 'question_id', type: 'text', nullable: true })
  questionId: string | null;

  @Column({ name: 'start_ms', type: 'integer' })
  startMs: number;

  @Column({ name: 'end_ms', type: 'integer' })
  endMs: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'jsonb', nullable: true })
  words: { word: string; startMs: number; endMs: number }[] | null;

  @Column({ type: 'text', nullable: true })
  engine: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
