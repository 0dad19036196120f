import { DocumentRefused, tooMuchText } from './document-refused';
import { MAX_PDF_PAGES, MAX_TEXT_CHARS, MAX_UNPACKED_BYTES } from './document.types';
import { layoutPage, type PositionedText } from './pdf-layout';
import { scanPdfStructure } from './pdf-structure';
import { normalizeText } from './text-normalize';
import type { ExtractedBody } from './worker-protocol';

/** The part of pdf.js used here (its ES module types are not visible to this repo's CommonJS resolution). */
interface PdfDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfPage>;
  getJSActions(): Promise<Map<unknown, unknown> | Record<string, unknown> | null>;
  getAttachments(): Promise<Map<unknown, unknown> | Record<string, unknown> | null>;
  loadingTask: { destroy(): Promise<void> };
}
interface PdfPage {
  getTextContent(params?: { includeMarkedContent?: boolean }): Promise<{ items: unknown[] }>;
  cleanup(): boolean;
}
interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}
interface Pdfjs {
  getDocument(source: Record<string, unknown>): { promise: Promise<PdfDocument> };
}

/** Fewer letters than this per page on average: a scan, or pages of pictures. */
const MIN_LETTERS_PER_PAGE = 40;

const REEXPORT =
  'Export it again from the original document (Word, Google Docs, Pages…) with "Save as PDF", or upload it as DOCX.';

/** Reads a PDF's text (runs in the worker thread). Throws `DocumentRefused`. */
export async function extractPdf(bytes: Uint8Array): Promise<ExtractedBody> {
  const structure = scanPdfStructure(bytes, MAX_UNPACKED_BYTES);
  if (structure.activeName) refuseActive();
  if (!structure.complete) {
    throw new DocumentRefused(
      'malformed',
      `This PDF is incomplete (it seems cut off, perhaps by an interrupted download), so it cannot be read. ${REEXPORT}`,
    );
  }

  // pdf.js's build for Node (the legacy one runs on Node 20): an ES module, required from CommonJS (Node 20.19+).
  // Loaded here, in the extraction thread only.
  const { getDocument } = require('pdfjs-dist/legacy/build/pdf.mjs') as Pdfjs;
  let pdf: PdfDocument;
  try {
    pdf = await getDocument({
      data: new Uint8Array(bytes),
      // No code generated from the file's fonts (CVE-2024-4367), no forms' scripts, no fetching, errors only.
      isEvalSupported: false,
      enableXfa: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    if ((error as { name?: string } | null)?.name === 'PasswordException') {
      throw new DocumentRefused(
        'encrypted',
        'This PDF is protected with a password, so it cannot be read. Save or export a copy without a password and upload that.',
      );
    }
    throw new DocumentRefused('malformed', `This PDF is damaged, so it cannot be read. ${REEXPORT}`);
  }

  try {
    // What pdf.js itself finds, for what the byte scan cannot see (names inside encrypted object streams).
    if (!isEmpty(await pdf.getJSActions().catch(() => null))) refuseActive();
    if (!isEmpty(await pdf.getAttachments().catch(() => null))) refuseActive();

    const pages = pdf.numPages;
    if (pages === 0) throw new DocumentRefused('malformed', `This PDF has no pages. ${REEXPORT}`);
    if (pages > MAX_PDF_PAGES) {
      throw new DocumentRefused(
        'too-much-text',
        `This PDF has ${pages} pages, far more than a résumé. Upload just your résumé (a few pages at most).`,
      );
    }
    const warnings: string[] = [];
    const pageLines: string[][] = [];
    let length = 0;
    let unreadable = 0;
    for (let number = 1; number <= pages; number++) {
      let lines: string[];
      try {
        const page = await pdf.getPage(number);
        const content = await page.getTextContent({ includeMarkedContent: false });
        lines = layoutPage(content.items.filter(isTextItem).map(toPositioned)).lines;
        page.cleanup();
      } catch {
        unreadable++;
        warnings.push(`Page ${number} could not be read and was skipped.`);
        continue;
      }
      if (!lines.some((line) => /\p{L}/u.test(line)) && pages > 1) {
        warnings.push(`Page ${number} has no text (a picture or a scan?); it was skipped.`);
      }
      pageLines.push(lines);
      length += lines.reduce((sum, line) => sum + line.length + 1, 0);
      if (length > MAX_TEXT_CHARS) throw tooMuchText();
    }
    if (unreadable === pages)
      throw new DocumentRefused('malformed', `This PDF is damaged, so it cannot be read. ${REEXPORT}`);

    const text = normalizeText(
      pageLines
        .filter((lines) => lines.length > 0)
        .map((lines) => lines.join('\n'))
        .join('\n\n'),
    );
    const letters = text.match(/\p{L}/gu)?.length ?? 0;
    if (letters < MIN_LETTERS_PER_PAGE * (pages - unreadable)) {
      throw new DocumentRefused(
        'no-text',
        'This PDF looks like a scan: no text to read. Export it from the original document, or upload it as DOCX or text.',
      );
    }
    if (structure.encrypted) warnings.push('This PDF is protected against copying; its text was read anyway.');
    return { text, pages, warnings };
  } finally {
    await pdf.loadingTask.destroy().catch(() => undefined);
  }
}

function refuseActive(): never {
  throw new DocumentRefused(
    'active-content',
    'This PDF contains scripts or embedded files; export it again as a plain PDF (for example with "Print → Save as PDF") and upload that.',
  );
}

function isEmpty(found: Map<unknown, unknown> | Record<string, unknown> | null): boolean {
  if (!found) return true;
  return found instanceof Map ? found.size === 0 : Object.keys(found).length === 0;
}

function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === 'object' && item !== null && typeof (item as PdfTextItem).str === 'string';
}

function toPositioned(item: PdfTextItem): PositionedText {
  const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
  return { text: item.str, x, y, width: item.width, fontSize: Math.hypot(c, d) || Math.abs(item.height) || 1 };
}
