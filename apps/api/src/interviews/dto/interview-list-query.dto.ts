import type { InterviewListQuery } from '@mockroom/contracts';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class InterviewListQueryDto implements InterviewListQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  trackId?: string;

  @IsOptional()
  @Matches(DATE, { message: 'from must be a date like 2026-01-31' })
  from?: string;

  @IsOptional()
  @Matches(DATE, { message: 'to must be a date like 2026-01-31' })
  to?: string;
}
