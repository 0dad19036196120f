import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, SELF_SERVICE_ROLES, SignUpRequest } from '@mockroom/contracts';
import { Transform } from 'class-transformer';
import { IsCleanText, normaliseText } from '../../common/clean-text';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SignUpDto implements SignUpRequest {
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters long` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @Transform(({ value }) => normaliseText(value))
  @IsString()
  @Length(1, 80, { message: 'displayName must be between 1 and 80 characters' })
  @IsCleanText()
  displayName: string;

  @IsOptional()
  @IsIn(SELF_SERVICE_ROLES, { message: `role must be one of: ${SELF_SERVICE_ROLES.join(', ')}` })
  role?: (typeof SELF_SERVICE_ROLES)[number];
}
