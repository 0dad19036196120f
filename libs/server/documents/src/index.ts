export {
  type DocumentKind,
  type ExtractedText,
  type ExtractOptions,
  DEFAULT_MAX_MEMORY_MB,
  DEFAULT_TIMEOUT_MS,
  MAX_DOCUMENT_BYTES,
  MAX_PDF_PAGES,
  MAX_TEXT_CHARS,
  MAX_UNPACKED_BYTES,
} from './document.types';
export { DocumentRefused, type RefusalReason } from './document-refused';
export { sniffKind } from './sniff-kind';
export { extractText } from './extract-text';
