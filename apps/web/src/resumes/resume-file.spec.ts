import { describe, expect, it } from '@jest/globals';
import { MAX_RESUME_BYTES } from '@mockroom/contracts';
import { checkResumeFile, formatBytes, resumeKindOf } from './resume-file';

describe('resumeKindOf', () => {
  it('reads the extension, whatever its case', () => {
    expect(resumeKindOf('cv.PDF')).toBe('pdf');
    expect(resumeKindOf('Jane Doe.docx')).toBe('docx');
    expect(resumeKindOf('cv.markdown')).toBe('markdown');
    expect(resumeKindOf('notes.v2.md')).toBe('markdown');
    expect(resumeKindOf('cv.txt')).toBe('text');
  });

  it('knows nothing of other files, or of names without an extension', () => {
    expect(resumeKindOf('cv.doc')).toBeNull();
    expect(resumeKindOf('cv.pdf.exe')).toBeNull();
    expect(resumeKindOf('resume')).toBeNull();
    expect(resumeKindOf('cv.')).toBeNull();
  });
});

describe('checkResumeFile', () => {
  it('lets a readable file of any size up to the limit go', () => {
    expect(checkResumeFile({ name: 'cv.pdf', size: 1 })).toBeNull();
    expect(checkResumeFile({ name: 'cv.pdf', size: MAX_RESUME_BYTES })).toBeNull();
  });

  it('refuses other types, empty files and files over the limit, saying why', () => {
    expect(checkResumeFile({ name: 'cv.pages', size: 10 })).toBe(
      'Choose a PDF, Word (.docx), Markdown or plain-text file.',
    );
    expect(checkResumeFile({ name: 'cv.txt', size: 0 })).toBe('This file is empty.');
    expect(checkResumeFile({ name: 'cv.pdf', size: MAX_RESUME_BYTES + 1 })).toMatch(
      /^This file is over 5 MB, the largest résumé accepted\./,
    );
  });
});

describe('formatBytes', () => {
  it('rounds to a readable unit', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(200 * 1024)).toBe('200 KB');
    expect(formatBytes(1.54 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatBytes(-1)).toBe('—');
  });
});
