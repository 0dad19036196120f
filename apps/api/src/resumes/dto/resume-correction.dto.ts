import type { ResumeCorrection } from '@mockroom/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;

class ClaimCorrectionDto {
  @IsString({ message: 'each claim needs its id' })
  @MaxLength(80)
  id: string;

  @IsString({ message: 'each claim needs its text' })
  @MaxLength(400, { message: 'a claim must be at most 400 characters' })
  @Matches(NO_CONTROL, { message: 'a claim must not contain control characters' })
  text: string;
}

export class ResumeCorrectionDto implements ResumeCorrection {
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsString({ message: 'name must be text or null' })
  @MaxLength(120)
  @Matches(NO_CONTROL, { message: 'name must not contain control characters' })
  name?: string | null;

  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsString({ message: 'headline must be text or null' })
  @MaxLength(200)
  @Matches(NO_CONTROL, { message: 'headline must not contain control characters' })
  headline?: string | null;

  @IsOptional()
  @IsArray({ message: 'skills must be a list' })
  @ArrayMaxSize(150, { message: 'a profile keeps at most 150 skills' })
  @IsString({ each: true, message: 'each skill must be text' })
  @MaxLength(60, { each: true, message: 'a skill must be at most 60 characters' })
  @Matches(NO_CONTROL, { each: true, message: 'a skill must not contain control characters' })
  skills?: string[];

  @IsOptional()
  @IsArray({ message: 'claims must be a list' })
  @ArrayMaxSize(60, { message: 'a profile keeps at most 60 claims' })
  @ValidateNested({ each: true })
  @Type(() => ClaimCorrectionDto)
  claims?: ClaimCorrectionDto[];
}
