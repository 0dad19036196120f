import { MAX_TEXT_CHARS } from './document.types';

/**
 * Why a file was refused:
 * - `too-large`: over the upload limit, or it unpacks to far more than a résumé could (a decompression bomb);
 * - `empty`: no bytes, or only whitespace;
 * - `unsupported-type`: not a PDF, DOCX, Markdown or plain-text file, whatever its name says;
 * - `encrypted`: a PDF that needs a password to open;
 * - `no-text`: a PDF with pages but no text to read (a scan);
 * - `malformed`: damaged, cut off, or could not be read within the memory limit;
 * - `active-content`: scripts, macros, embedded files, or HTML that would run if rendered;
 * - `too-slow`: reading it did not finish within the time limit;
 * - `too-much-text`: more text (or pages) than a résumé has.
 */
export type RefusalReason =
  | 'too-large'
  | 'empty'
  | 'unsupported-type'
  | 'encrypted'
  | 'no-text'
  | 'malformed'
  | 'active-content'
  | 'too-slow'
  | 'too-much-text';

/** An upload that will not be read; `message` is a sentence for the user saying what to do instead. */
export class DocumentRefused extends Error {
  override readonly name = 'DocumentRefused';

  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
  }
}

/** The refusal for text over `MAX_TEXT_CHARS`. */
export function tooMuchText(): DocumentRefused {
  return new DocumentRefused(
    'too-much-text',
    `This file holds more than ${MAX_TEXT_CHARS.toLocaleString('en')} characters of text, far more than a résumé. Upload just your résumé.`,
  );
}

/** The formats, as a user knows them, for messages. */
export const ACCEPTED_FORMATS = 'a PDF, a Word document (.docx), Markdown (.md) or a plain-text file';
