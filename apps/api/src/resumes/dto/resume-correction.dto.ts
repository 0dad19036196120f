import type { ResumeCorrection } from '@mockroom/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  Max,
  Min,
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

class RoleCorrectionDto {
  @IsString({ message: 'each role needs a title' })
  @MaxLength(120, { message: 'a role title must be at most 120 characters' })
  @Matches(NO_CONTROL, { message: 'a role title must not contain control characters' })
  title: string;

  @ValidateIf((_o, value) => value !== null)
  @IsString({ message: 'organisation must be text or null' })
  @MaxLength(120)
  @Matches(NO_CONTROL, { message: 'organisation must not contain control characters' })
  organisation: string | null;

  @ValidateIf((_o, value) => value !== null)
  @Matches(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { message: 'start must be a year (2021) or a month (2021-03), or null' })
  start: string | null;

  @ValidateIf((_o, value) => value !== null)
  @Matches(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { message: 'end must be a year (2021) or a month (2021-03), or null' })
  end: string | null;

  @IsBoolean({ message: 'current must be true or false' })
  current: boolean;

  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsInt({ message: 'from must be the number of a role as read (0 for the first), or null for a new role' })
  @Min(0)
  @Max(29)
  from?: number | null;
}

class ProjectCorrectionDto {
  @IsString({ message: 'each project needs a name' })
  @MaxLength(120)
  @Matches(NO_CONTROL, { message: 'a project name must not contain control characters' })
  name: string;

  @IsString({ message: 'each project needs a description (it may be empty)' })
  @MaxLength(1000)
  @Matches(NO_CONTROL, { message: 'a project description must not contain control characters' })
  description: string;
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

  @IsOptional()
  @IsArray({ message: 'roles must be a list' })
  @ArrayMaxSize(30, { message: 'a profile keeps at most 30 roles' })
  @ValidateNested({ each: true })
  @Type(() => RoleCorrectionDto)
  roles?: RoleCorrectionDto[];

  @IsOptional()
  @IsArray({ message: 'projects must be a list' })
  @ArrayMaxSize(30, { message: 'a profile keeps at most 30 projects' })
  @ValidateNested({ each: true })
  @Type(() => ProjectCorrectionDto)
  projects?: ProjectCorrectionDto[];
}
