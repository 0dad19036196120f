import { DocumentRefused, tooMuchText } from './document-refused';
import {
  DEFAULT_MAX_MEMORY_MB,
  DEFAULT_TIMEOUT_MS,
  type ExtractedText,
  type ExtractOptions,
  MAX_DOCUMENT_BYTES,
  MAX_TEXT_CHARS,
} from './document.types';
import { sniffKind } from './sniff-kind';
import { runExtractionWorker } from './worker-runner';

/**
 * Turns an uploaded résumé into plain text, or refuses it with a `DocumentRefused` whose message tells the user what
 * to do. Checks, in order: size (before reading anything), emptiness, type from the bytes (`sniffKind`), then the
 * content.
 *
 * Extracts in a worker thread with a memory limit (`resourceLimits`, default 256 MB) and a time limit (default 15 s,
 * thread start included); the thread is terminated on timeout. Plain text goes there too: even decoding and
 * normalising 5 MB of hostile text is work the main thread's event loop should not do.
 */
export async function extractText(
  bytes: Uint8Array,
  fileName: string,
  options: ExtractOptions = {},
): Promise<ExtractedText> {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
    throw new DocumentRefused(
      'too-large',
      `This file is ${megabytes(bytes.byteLength)} MB, over the ${megabytes(MAX_DOCUMENT_BYTES)} MB limit. Upload a smaller file (a PDF without large images, or a DOCX).`,
    );
  }
  if (bytes.byteLength === 0) {
    throw new DocumentRefused('empty', 'This file is empty. Upload the file that holds your résumé.');
  }
  const kind = sniffKind(bytes, fileName);
  const body = await runExtractionWorker(
    { kind, bytes },
    { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxMemoryMb: options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB },
  );
  if (body.text.trim() === '') {
    throw kind === 'pdf'
      ? new DocumentRefused(
          'no-text',
          'This PDF has no text to read. Export it from the original document, or upload it as DOCX or text.',
        )
      : new DocumentRefused('empty', 'This file has no text. Upload the file that holds your résumé.');
  }
  if (body.text.length > MAX_TEXT_CHARS) throw tooMuchText();
  return { kind, ...body, lines: body.text.split('\n') };
}

/** Rounded up to a tenth, so that a file just over the limit does not read as "5 MB, over the 5 MB limit". */
function megabytes(bytes: number): string {
  return String(Math.ceil((bytes / 1024 / 1024) * 10) / 10);
}
