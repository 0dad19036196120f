import { findActiveHtml } from './active-content';
import { DocumentRefused } from './document-refused';
import { decodeText, normalizeText } from './text-normalize';
import type { ExtractedBody } from './worker-protocol';

/** Reads a Markdown or plain-text file (runs in the worker thread). Throws `DocumentRefused`. */
export function extractPlainText(bytes: Uint8Array): ExtractedBody {
  const decoded = decodeText(bytes);
  if (decoded === null) {
    // sniffKind said text; only a caller skipping it gets here.
    throw new DocumentRefused(
      'unsupported-type',
      'This file is not text. Upload it as a PDF, a Word document (.docx) or a plain-text file.',
    );
  }
  const text = normalizeText(decoded);
  if (text.trim() === '')
    throw new DocumentRefused('empty', 'This file is empty. Upload the file that holds your résumé.');
  const active = findActiveHtml(text);
  if (active) {
    throw new DocumentRefused(
      'active-content',
      `This file contains HTML that could run as code (${active}). Remove it and upload the file again.`,
    );
  }
  return { text, pages: null, warnings: [] };
}
