import { MAX_JOB_DESCRIPTION_CHARS, type CreateJobDescriptionRequest } from '@mockroom/contracts';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class JobDescriptionDto implements CreateJobDescriptionRequest {
  @IsString({ message: 'text must be the job posting as text' })
  @MaxLength(MAX_JOB_DESCRIPTION_CHARS, { message: `text must be at most ${MAX_JOB_DESCRIPTION_CHARS} characters` })
  @Matches(/^[^\u0000]*$/, { message: 'text must not contain a NUL character' })
  text: string;

  @IsOptional()
  @IsString({ message: 'title must be text' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  @Matches(/^[^\u0000-\u001f\u007f]*$/, { message: 'title must not contain control characters' })
  title?: string;
}
