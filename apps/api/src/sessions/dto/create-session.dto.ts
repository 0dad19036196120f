import type { CreateHumanSessionRequest } from '@mockroom/contracts';
import { IsISO8601, IsOptional } from 'class-validator';
import { QuestionSelectionDto } from '../../interviews/dto/create-interview.dto';

export class CreateSessionDto extends QuestionSelectionDto implements CreateHumanSessionRequest {
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'scheduledAt must be an ISO date-time, e.g. 2026-12-01T15:00:00Z' })
  scheduledAt?: string;
}
