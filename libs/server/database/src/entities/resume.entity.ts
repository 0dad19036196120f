import type { JobProfile, ResumeKind, ResumeProfile } from '@mockroom/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A candidate's résumé: the file, the text read from it, and what was understood (with the owner's corrections). */
@Entity('resumes')
export class ResumeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ type: 'text' })
  kind: ResumeKind;

  @Column({ name: 'byte_size', type: 'integer' })
  byteSize: number;

  /** In the media folder. */
  @Column({ name: 'file_path', type: 'text' })
  filePath: string;

  @Column({ type: 'text' })
  text: string;

  /** As the parser read it. */
  @Column({ type: 'jsonb' })
  profile: ResumeProfile;

  /** As the owner corrected it; null until they do. */
  @Column({ name: 'edited_profile', type: 'jsonb', nullable: true })
  editedProfile: ResumeProfile | null;

  /** The owner agreed that it may be sent to the configured language model. */
  @Column({ name: 'llm_consent', type: 'boolean' })
  llmConsent: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A job posting a candidate pasted, and what it asks for. */
@Entity('job_descriptions')
export class JobDescriptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'jsonb' })
  profile: JobProfile;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
