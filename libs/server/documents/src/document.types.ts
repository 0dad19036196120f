/** What an uploaded résumé file is, as decided from its bytes. */
export type DocumentKind = 'pdf' | 'docx' | 'markdown' | 'text';

/** The largest upload accepted: a résumé is a few hundred KB; 5 MB leaves room for one with photos. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** The longest text kept: about 40 pages of prose, far more than any résumé. */
export const MAX_TEXT_CHARS = 100_000;

/** More pages than this is not a résumé (and each page costs time to read). */
export const MAX_PDF_PAGES = 50;

/**
 * How much a PDF's streams or a DOCX's XML parts may unpack to, all together. Checked before the parsers see the
 * file, because their buffers live outside the worker's heap limit: a decompression bomb would otherwise take the
 * whole process's memory.
 */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_MEMORY_MB = 256;

/** The text of a document, ready for the profile parser. */
export interface ExtractedText {
  kind: DocumentKind;
  /** The whole text: NFC, `\n` line endings, no control characters but tabs and newlines. */
  text: string;
  /** Pages of a PDF; null for the other kinds. */
  pages: number | null;
  /** lines as they were laid out, for the parser (`text === lines.join('\n')`; blank lines separate blocks) */
  lines: string[];
  /** Things the user may want to know that did not stop the extraction (a page without text, a protected PDF…). */
  warnings: string[];
}

export interface ExtractOptions {
  /** Wall-clock limit for parsing a PDF or DOCX, worker start included. Default 15 s. */
  timeoutMs?: number;
  /** Heap limit of the worker thread. Default 256 MB. */
  maxMemoryMb?: number;
}
