import type {
  EngineNames,
  InterviewerKind,
  InterviewPlan,
  InterviewStatus,
  MediaState,
  TurnState,
} from '@mockroom/contracts';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

@Entity('interviews')
export class InterviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null for a human session whose invitation nobody has accepted yet. */
  @Column({ name: 'candidate_id', type: 'uuid', nullable: true })
  candidateId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'candidate_id' })
  candidate?: UserEntity;

  @Column({ name: 'interviewer_kind', type: 'text' })
  interviewerKind: InterviewerKind;

  @Column({ name: 'interviewer_id', type: 'uuid', nullable: true })
  interviewerId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'interviewer_id' })
  interviewer?: UserEntity | null;

  @Column({ type: 'text' })
  status: InterviewStatus;

  @Column({ type: 'jsonb' })
  plan: InterviewPlan;

  /** Where the turn stands, so a reload or another API instance resumes at the same place. */
  @Column({ type: 'jsonb' })
  turn: TurnState;

  @Column({ type: 'jsonb' })
  engines: EngineNames;

  /** The fencing token of the last lease that wrote the turn (see InterviewLeases); older ones may no longer write it. */
  @Column({ name: 'lease_token', type: 'bigint', default: 0, select: false })
  leaseToken?: string;

  @Column({ name: 'next_seq', type: 'integer' })
  nextSeq: number;

  @Column({ name: 'overall_score', type: 'real', nullable: true })
  overallScore: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'last_activity_at', type: 'timestamptz' })
  lastActivityAt: Date;

  @Column({ name: 'scheduled_at', type: 'timestamptz', nullable: true })
  scheduledAt: Date | null;

  /** LiveKit's reports about the interview's room (webhooks). */
  @Column({ name: 'media_state', type: 'jsonb', default: () => `'{}'::jsonb` })
  mediaState: MediaState;

  /** When the candidate of a human session removed it from their history (the interviewer keeps it). */
  @Column({ name: 'candidate_removed_at', type: 'timestamptz', nullable: true })
  candidateRemovedAt: Date | null;

  /** Bumped by "new link": the token is made from it, so the old link stops working. */
  @Column({ name: 'invite_version', type: 'integer', default: 0 })
  inviteVersion: number;

  /** When the invitation link stops working (human sessions). */
  @Column({ name: 'invite_expires_at', type: 'timestamptz', nullable: true })
  inviteExpiresAt: Date | null;

  /** SHA-256 of the invitation token (human sessions, until a candidate accepts). */
  @Column({ name: 'invite_token_hash', type: 'text', nullable: true, select: false })
  inviteTokenHash?: string | null;

  /** The résumé this interview was tailored to (null when it was not, or the résumé was deleted). */
  @Column({ name: 'resume_id', type: 'uuid', nullable: true })
  resumeId: string | null;

  /** The job description this interview was tailored to. */
  @Column({ name: 'job_description_id', type: 'uuid', nullable: true })
  jobDescriptionId: string | null;
}
