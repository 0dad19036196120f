import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A review shared read-only with an e-mail address: it opens to an interviewer account at that address. */
@Entity('interview_shares')
export class InterviewShareEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'interview_id', type: 'uuid' })
  interviewId: string;

  /** Trimmed and lower-cased, as accounts' addresses are compared. */
  @Column({ type: 'text' })
  email: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
