import { DocumentRefused, type RefusalReason } from './document-refused';
import { makeDocx, makeZip, noise } from './fixtures/document-fixtures';
import { sniffKind } from './sniff-kind';

function refusal(bytes: Uint8Array, fileName: string): { reason: RefusalReason; message: string } {
  try {
    sniffKind(bytes, fileName);
  } catch (error) {
    if (error instanceof DocumentRefused) return { reason: error.reason, message: error.message };
    throw error;
  }
  throw new Error(`${fileName} was not refused`);
}

const text = (value: string) => new Uint8Array(Buffer.from(value, 'utf8'));

describe('sniffKind', () => {
  it('goes by the bytes, not the name', async () => {
    expect(sniffKind(text('%PDF-1.7\n…'), 'cv.docx')).toBe('pdf');
    expect(sniffKind(await makeDocx(['Zoë']), 'cv.pdf')).toBe('docx');
    expect(sniffKind(text('# Zoë'), 'cv.pdf')).toBe('text');
  });

  it('tells Markdown from plain text by the name only', () => {
    expect(sniffKind(text('# Zoë'), 'CV.MD')).toBe('markdown');
    expect(sniffKind(text('# Zoë'), 'cv.markdown')).toBe('markdown');
    expect(sniffKind(text('# Zoë'), 'cv.txt')).toBe('text');
    expect(sniffKind(text('# Zoë'), '')).toBe('text');
  });

  it('accepts UTF-16 text with its byte-order mark (Notepad\'s "Unicode")', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Zoë Åkesson', 'utf16le')]);
    expect(sniffKind(utf16, 'cv.txt')).toBe('text');
  });

  it('refuses binary text: NUL bytes, many control characters, invalid UTF-8', () => {
    expect(refusal(text('Zoë\0Åkesson'), 'cv.txt').reason).toBe('unsupported-type');
    expect(refusal(text('\x01\x02\x03\x04 Zoë'), 'cv.txt').reason).toBe('unsupported-type');
    expect(refusal(new Uint8Array([0x5a, 0x6f, 0xc3, 0x28]), 'cv.txt').reason).toBe('unsupported-type');
  });

  it('says what a ZIP that is not a DOCX looks like', () => {
    const describe = (files: Record<string, string>) => refusal(makeZip(files), 'cv.docx').message;
    expect(describe({ 'a.txt': 'x' })).toMatch(/^This file is a ZIP archive, not a Word document\. Upload/);
    expect(describe({ 'xl/workbook.xml': '<x/>' })).toContain('an Excel spreadsheet (.xlsx)');
    expect(describe({ 'ppt/presentation.xml': '<x/>' })).toContain('a PowerPoint presentation (.pptx)');
    expect(describe({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' })).toContain('.odt');
    expect(describe({ mimetype: 'application/epub+zip' })).toContain('e-book');
  });

  it('refuses a Word file with macros or ActiveX, whatever it is called', () => {
    const types = '<Types><Default Extension="xml" ContentType="application/xml"/></Types>';
    const macros = makeZip({ '[Content_Types].xml': types, 'word/document.xml': '<x/>', 'word/vbaProject.bin': 'x' });
    expect(refusal(macros, 'cv.docx').reason).toBe('active-content');
    const byType = makeZip({
      '[Content_Types].xml':
        '<Types><Override ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
      'word/document.xml': '<x/>',
    });
    expect(refusal(byType, 'cv.docm').reason).toBe('active-content');
    const activeX = makeZip({
      '[Content_Types].xml': types,
      'word/document.xml': '<x/>',
      'word/activeX/activeX1.xml': '<x/>',
    });
    expect(refusal(activeX, 'cv.docx').reason).toBe('active-content');
  });

  it('calls a Word file with missing parts or a broken directory malformed, another broken ZIP unsupported', async () => {
    expect(refusal(makeZip({ 'word/document.xml': '<x/>' }), 'cv.docx').reason).toBe('malformed');
    const cut = (await makeDocx(['Zoë'])).subarray(0, 200);
    expect(refusal(cut, 'cv.docx')).toEqual({
      reason: 'malformed',
      message: expect.stringMatching(/damaged or incomplete/),
    });
    expect(refusal(cut, 'cv.zip')).toEqual({
      reason: 'unsupported-type',
      message: expect.stringMatching(/damaged ZIP/),
    });
  });

  it('names formats people upload by mistake', () => {
    expect(refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'cv.doc').message).toBe(
      'This file looks like an old-style Word document (.doc) or another Office 97–2003 file. Open it in Word and save it as .docx or PDF.',
    );
    expect(refusal(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'cv.pdf').message).toContain('a JPEG image');
    expect(refusal(text('{\\rtf1\\ansi Zoë}'), 'cv.txt').message).toContain('Rich Text');
    expect(refusal(text('<!DOCTYPE html><html><body>Zoë</body></html>'), 'cv.md').message).toContain('web page');
    expect(refusal(noise(512), 'cv.pdf')).toEqual({
      reason: 'unsupported-type',
      message:
        'This file is not a format we can read. Upload your résumé as a PDF, a Word document (.docx), Markdown (.md) or a plain-text file.',
    });
  });
});
