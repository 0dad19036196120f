import {
  CODE_LANGUAGES,
  MAX_CODE_CHARS,
  type CodeLanguage,
  type CodeRunKind,
  type CodeRunRequest,
} from '@mockroom/contracts';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';

export class CodeRunDto implements CodeRunRequest {
  @IsString({ message: 'questionId names the coding question' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'questionId names the coding question' })
  questionId: string;

  @IsIn(CODE_LANGUAGES, { message: `language must be one of ${CODE_LANGUAGES.join(', ')}` })
  language: CodeLanguage;

  @IsString({ message: 'code must be the program as text' })
  @MaxLength(MAX_CODE_CHARS, { message: `code must be at most ${MAX_CODE_CHARS} characters` })
  @Matches(/^[^\u0000]*$/, { message: 'code must not contain a NUL character' })
  code: string;

  @IsIn(['run', 'submit'], { message: 'kind must be "run" (example tests) or "submit" (all tests)' })
  kind: CodeRunKind;
}
