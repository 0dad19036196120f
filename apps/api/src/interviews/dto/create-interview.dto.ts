import {
  ANSWER_SILENCE_MAX_MS,
  ANSWER_SILENCE_MIN_MS,
  CATEGORIES,
  Category,
  CreateInterviewRequest,
  FOLLOW_UPS_MAX,
  LEVELS,
  Level,
  QUESTION_COUNT_MAX,
  ROLES,
  Role,
  VoiceSource,
} from '@mockroom/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';

const ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** Which questions: a track, or role and level (with count and categories), or explicit ids. Shared by AI interviews and human sessions. */
export class QuestionSelectionDto implements Pick<
  CreateInterviewRequest,
  'trackId' | 'role' | 'level' | 'questionCount' | 'categories' | 'questionIds'
> {
  @IsOptional()
  @Matches(ID, { message: 'trackId must be a track id' })
  trackId?: string;

  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role?: Role;

  @IsOptional()
  @IsIn(LEVELS, { message: `level must be one of: ${LEVELS.join(', ')}` })
  level?: Level;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(QUESTION_COUNT_MAX)
  questionCount?: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CATEGORIES.length)
  @IsIn(CATEGORIES, { each: true, message: `categories must be among: ${CATEGORIES.join(', ')}` })
  categories?: Category[];

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(QUESTION_COUNT_MAX)
  @IsString({ each: true })
  @Matches(ID, { each: true, message: 'questionIds must be question ids' })
  @ArrayUnique({ message: 'questionIds must not name a question twice' })
  questionIds?: string[];
}

export class CreateInterviewDto extends QuestionSelectionDto implements CreateInterviewRequest {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(FOLLOW_UPS_MAX)
  maxFollowUps?: number;

  @IsOptional()
  @IsInt()
  @Min(ANSWER_SILENCE_MIN_MS)
  @Max(ANSWER_SILENCE_MAX_MS)
  answerSilenceMs?: number;

  @IsOptional()
  @IsIn(['server', 'browser'], { message: 'voice must be server or browser' })
  voice?: VoiceSource;

  @IsOptional()
  @IsUUID('all', { message: 'resumeId must be the id of one of your résumés' })
  resumeId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'jobDescriptionId must be the id of one of your job descriptions' })
  jobDescriptionId?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  claimQuestionCount?: number;
}
