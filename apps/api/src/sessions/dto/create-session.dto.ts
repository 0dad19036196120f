import { CATEGORIES, Category, CreateHumanSessionRequest, LEVELS, Level, QUESTION_COUNT_MAX, ROLES, Role } from '@mockroom/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

export class CreateSessionDto implements CreateHumanSessionRequest {
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
  questionIds?: string[];

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'scheduledAt must be an ISO date-time, e.g. 2026-12-01T15:00:00Z' })
  scheduledAt?: string;
}
