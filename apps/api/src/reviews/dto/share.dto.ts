import type { ShareRequest } from '@mockroom/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, MaxLength } from 'class-validator';

export class ShareDto implements ShareRequest {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;
}
