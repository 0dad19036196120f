import type { CodeLanguage, CodeRunKind, CodeRunStatus, CodeRunVerdict, CodeTestResult } from '@mockroom/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One run of a candidate's code against a coding question's tests. */
@Entity('code_runs')
export class CodeRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'interview_id', type: 'uuid' })
  interviewId: string;

  @Column({ name: 'question_id', type: 'text' })
  questionId: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ name: 'by_role', type: 'text' })
  byRole: 'candidate' | 'interviewer';

  @Column({ type: 'text' })
  kind: CodeRunKind;

  @Column({ type: 'text' })
  language: CodeLanguage;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  status: CodeRunStatus;

  @Column({ type: 'text', nullable: true })
  verdict: CodeRunVerdict | null;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ type: 'text' })
  stdout: string;

  @Column({ type: 'text' })
  stderr: string;

  @Column({ type: 'jsonb' })
  tests: CodeTestResult[];

  @Column({ type: 'integer' })
  passed: number;

  @Column({ type: 'integer' })
  total: number;

  /** On the interview's clock. */
  @Column({ name: 'at_ms', type: 'integer' })
  atMs: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}

/** The editor's content at one moment of the interview, for the review's replay. */
@Entity('code_snapshots')
export class CodeSnapshotEntity {
  @PrimaryColumn({ name: 'interview_id', type: 'uuid' })
  interviewId: string;

  @PrimaryColumn({ name: 'question_id', type: 'text' })
  questionId: string;

  @PrimaryColumn({ name: 'at_ms', type: 'integer' })
  atMs: number;

  @Column({ type: 'text' })
  language: CodeLanguage;

  @Column({ type: 'text' })
  code: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
