import { AuthSessionEntity } from './auth-session.entity';
import { CodeRunEntity, CodeSnapshotEntity } from './code-run.entity';
import { InterviewAnswerEntity } from './interview-answer.entity';
import { InterviewPromptEntity } from './interview-prompt.entity';
import { InterviewShareEntity } from './interview-share.entity';
import { InterviewerNoteEntity, InterviewerScoreEntity, RubricOverrideEntity } from './interviewer-feedback.entity';
import { InterviewEntity } from './interview.entity';
import { RecordingEntity } from './recording.entity';
import { JobDescriptionEntity, ResumeEntity } from './resume.entity';
import { TranscriptCorrectionEntity } from './transcript-correction.entity';
import { TranscriptSegmentEntity } from './transcript-segment.entity';
import { UserEntity } from './user.entity';

export {
  AuthSessionEntity,
  CodeRunEntity,
  CodeSnapshotEntity,
  InterviewAnswerEntity,
  InterviewEntity,
  InterviewerNoteEntity,
  InterviewerScoreEntity,
  InterviewPromptEntity,
  InterviewShareEntity,
  JobDescriptionEntity,
  RecordingEntity,
  ResumeEntity,
  RubricOverrideEntity,
  TranscriptCorrectionEntity,
  TranscriptSegmentEntity,
  UserEntity,
};
export type { AnswerIntent, AnswerStatus } from './interview-answer.entity';

export const ENTITIES = [
  UserEntity,
  AuthSessionEntity,
  InterviewEntity,
  InterviewPromptEntity,
  InterviewAnswerEntity,
  TranscriptSegmentEntity,
  RecordingEntity,
  InterviewShareEntity,
  InterviewerScoreEntity,
  InterviewerNoteEntity,
  RubricOverrideEntity,
  TranscriptCorrectionEntity,
  CodeRunEntity,
  CodeSnapshotEntity,
  ResumeEntity,
  JobDescriptionEntity,
];
