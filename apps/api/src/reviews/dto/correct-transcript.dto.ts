import { CORRECTION_MAX_CHARS, type CorrectTranscriptRequest } from '@mockroom/contracts';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { tidyCorrection } from '../corrections/correction-text';

export class CorrectTranscriptDto implements CorrectTranscriptRequest {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? tidyCorrection(value) : value))
  @IsString({ message: 'text must be the line as it should read' })
  @IsNotEmpty({ message: 'text must not be empty: to take words out, keep the rest of the line' })
  @MaxLength(CORRECTION_MAX_CHARS, { message: `text must be at most ${CORRECTION_MAX_CHARS} characters` })
  @Matches(/^[^\u0000-\u001f\u007f]*$/, { message: 'text must not contain control characters' })
  text: string;
}
