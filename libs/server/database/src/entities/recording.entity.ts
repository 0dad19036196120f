import type { Speaker } from '@mockroom/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A stretch of one speaker's audio (raw 16-bit PCM file) placed on the interview's timeline at start_ms. */
@Entity('recordings')
export class RecordingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'interview_id', type: 'uuid' })
  interviewId: string;

  @Column({ type: 'text' })
  speaker: Speaker;

  @Column({ name: 'stream_id', type: 'text' })
  streamId: string;

  @Column({ name: 'start_ms', type: 'integer' })
  startMs: number;

  /** The stream's frame number of the recording's first frame (null for recordings made before it was kept). */
  @Column({ name: 'first_seq', type: 'integer', nullable: true })
  firstSeq: number | null;

  @Column({ name: 'sample_rate', type: 'integer' })
  sampleRate: number;

  /** Relative to the media folder. */
  @Column({ type: 'text' })
  path: string;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
