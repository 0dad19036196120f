export { exportFilename, slugify, type ReviewExportFormat } from './export-filename';
export type { ExportOptions } from './review-format';
export { escapeMarkdown, reviewToMarkdown } from './review-markdown';
export { reviewToPdf } from './review-pdf';
export { toWinAnsi } from './win-ansi';
