import type { PromptKind } from '@mockroom/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Something the interviewer said: its text, when, and the synthesised audio. */
@Entity('interview_prompts')
export class InterviewPromptEntity {
  @PrimaryColumn({ name: 'interview_id', type: 'uuid' })
  interviewId: string;

  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'text' })
  kind: PromptKind;

  @Column({ name: 'question_id', type: 'text', nullable: true })
  questionId: string | null;

  @Column({ name: 'question_index', type: 'integer' })
  questionIndex: number;

  @Column({ type: 'text' })
  text: string;

  /** Said before the text (a greeting, "No problem, let's move on."), or null. */
  @Column({ type: 'text', nullable: true })
  lead: string | null;

  @Column({ name: 'at_ms', type: 'integer' })
  atMs: number;

  @Column({ name: 'audio_path', type: 'text', nullable: true })
  audioPath: string | null;

  @Column({ name: 'audio_duration_ms', type: 'integer', nullable: true })
  audioDurationMs: number | null;
}
