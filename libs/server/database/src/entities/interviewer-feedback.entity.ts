import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A human interviewer's four scores for one question of a session. */
@Entity('interviewer_scores')
export class InterviewerScoreEntity {
  @PrimaryColumn({ name: 'interview_id', type: 'uuid' })
  interviewId: string;

  @PrimaryColumn({ name: 'question_index', type: 'integer' })
  questionIndex: number;

  @Column({ type: 'real' })
  relevance: number;

  @Column({ type: 'real' })
  depth: number;

  @Column({ type: 'real' })
  clarity: number;

  @Column({ type: 'real' })
  correctness: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A note of the interviewer's: private (theirs alone) or shared with the candidate in the review. */
@Entity('interviewer_notes')
export class InterviewerNoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'interview_id', type: 'uuid' })
  interviewId: string;

  @Column({ name: 'question_index', type: 'integer', nullable: true })
  questionIndex: number | null;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  visibility: 'private' | 'shared';

  @Column({ name: 'at_ms', type: 'integer' })
  atMs: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** The interviewer's word on a rubric point, over the engine's. */
@Entity('rubric_overrides')
export class RubricOverrideEntity {
  @PrimaryColumn({ name: 'interview_id', type: 'uuid' })
  interviewId: string;

  @PrimaryColumn({ name: 'question_index', type: 'integer' })
  questionIndex: number;

  @PrimaryColumn({ name: 'point_id', type: 'text' })
  pointId: string;

  @Column({ type: 'boolean' })
  covered: boolean;
}
