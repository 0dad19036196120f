import { DocumentRefused, tooMuchText } from './document-refused';
import { MAX_TEXT_CHARS, MAX_UNPACKED_BYTES } from './document.types';
import { normalizeText } from './text-normalize';
import type { ExtractedBody } from './worker-protocol';
import { isTooLarge, readZipDirectory, readZipEntry, ZipUnreadable } from './zip-directory';

interface Mammoth {
  extractRawText(input: { buffer: Buffer }): Promise<{ value: string; messages: { type: string; message: string }[] }>;
}

const RESAVE = 'Open it in Word and save it again, or export it as PDF.';

/** Reads a DOCX's text (runs in the worker thread). Throws `DocumentRefused`. */
export async function extractDocx(bytes: Uint8Array): Promise<ExtractedBody> {
  checkUnpackedSize(bytes);
  // Required here so that the main thread never loads it.
  const mammoth = require('mammoth') as Mammoth;
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }))
      .value;
  } catch {
    throw new DocumentRefused('malformed', `This Word file is damaged, so it cannot be read. ${RESAVE}`);
  }
  if (raw.length > MAX_TEXT_CHARS * 2) throw tooMuchText();
  // Mammoth ends every paragraph with a blank line; a single newline between paragraphs keeps lists together.
  const text = normalizeText(raw.replace(/\n\n(?!\n)/g, '\n'));
  return { text, pages: null, warnings: [] };
}

/**
 * Inflates every XML part (what mammoth reads) with a cap on the total before mammoth sees the file: its unzip
 * buffers live outside the worker's heap limit, so a decompression bomb must be stopped here.
 */
function checkUnpackedSize(bytes: Uint8Array): void {
  let budget = MAX_UNPACKED_BYTES;
  try {
    for (const entry of readZipDirectory(bytes)) {
      if (!/\.(xml|rels)$/i.test(entry.name)) continue;
      budget -= readZipEntry(bytes, entry, budget).byteLength;
    }
  } catch (error) {
    if (isTooLarge(error)) {
      throw new DocumentRefused(
        'too-large',
        `This Word file unpacks to far more data than a résumé could hold, so it was not read. ${RESAVE}`,
      );
    }
    if (error instanceof ZipUnreadable) {
      throw new DocumentRefused('malformed', `This Word file is damaged, so it cannot be read. ${RESAVE}`);
    }
    throw error;
  }
}
