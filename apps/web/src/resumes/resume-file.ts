import { MAX_RESUME_BYTES, type ClaimKind, type ResumeKind } from '@mockroom/contracts';

/** What the file input offers; the server decides from the file's content. */
export const RESUME_ACCEPT = '.pdf,.docx,.md,.markdown,.txt';

const KIND_BY_EXTENSION: Record<string, ResumeKind> = {
  pdf: 'pdf',
  docx: 'docx',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
};

export const RESUME_KIND_LABELS: Record<ResumeKind, string> = {
  pdf: 'PDF',
  docx: 'Word',
  markdown: 'Markdown',
  text: 'Text',
};

export const CLAIM_KIND_LABELS: Record<ClaimKind, string> = {
  impact: 'Impact',
  ownership: 'Ownership',
  leadership: 'Leadership',
  delivery: 'Delivery',
};

/** The kind a file's name says it is, or null when it is not one we read. */
export function resumeKindOf(fileName: string): ResumeKind | null {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return null;
  return KIND_BY_EXTENSION[fileName.slice(dot + 1).toLowerCase()] ?? null;
}

/** "820 KB", "1.5 MB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? Math.round(mb * 10) / 10 : Math.round(mb)} MB`;
}

/**
 * Why this file would be refused, checked before it is sent (saves a slow upload); null when it may go. The server
 * checks again, and reads the content, which this cannot.
 */
export function checkResumeFile(file: { name: string; size: number }): string | null {
  if (!resumeKindOf(file.name)) return 'Choose a PDF, Word (.docx), Markdown or plain-text file.';
  if (file.size === 0) return 'This file is empty.';
  if (file.size > MAX_RESUME_BYTES)
    return `This file is over ${formatBytes(MAX_RESUME_BYTES)}, the largest résumé accepted. Try a smaller export (without images).`;
  return null;
}
