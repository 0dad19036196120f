import { deflateSync } from 'node:zlib';
import { DocumentRefused } from './document-refused';
import { handMadePdf, onePageObjects } from './fixtures/document-fixtures';
import { scanPdfStructure } from './pdf-structure';

const MB = 1024 * 1024;

describe('scanPdfStructure', () => {
  it('finds nothing in a plain PDF', () => {
    expect(scanPdfStructure(handMadePdf(onePageObjects('Zoe')), 64 * MB)).toEqual({
      activeName: null,
      encrypted: false,
      complete: true,
    });
  });

  it('finds JavaScript, launch actions and embedded files, escaped or not', () => {
    const scan = (extra: string) => scanPdfStructure(handMadePdf(onePageObjects('Zoe', extra)), 64 * MB).activeName;
    expect(scan('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>')).toBe('JavaScript');
    expect(scan('/OpenAction<</S/Java#53cript/JS<6170702e616c657274283129>>>')).toBe('JavaScript');
    expect(scan('/OpenAction << /S /Launch /F (calc.exe) >>')).toBe('Launch');
    expect(scan('/Names << /EmbeddedFiles 6 0 R >>')).toBe('EmbeddedFiles');
  });

  it('does not take words in strings, comments or stream data for names', () => {
    const objects = onePageObjects('Node/JS and /JavaScript developer');
    objects[0] = objects[0].replace('>>', '/Title (Zoe \\(Node/JS\\) /Launch) >>\n% /JavaScript in a comment\n');
    const binary = '/JS /Launch /EmbeddedFile garbage';
    objects.push(`<< /Length ${binary.length} >>\nstream\n${binary}\nendstream`);
    expect(scanPdfStructure(handMadePdf(objects), 64 * MB).activeName).toBeNull();
  });

  it('looks inside compressed object streams, where PDF 1.5+ keeps most dictionaries', () => {
    const hidden = deflateSync(Buffer.from('6 0 << /S /JavaScript /JS (app.alert(1)) >>')).toString('latin1');
    const objects = onePageObjects('Zoe');
    objects.push(
      `<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${hidden.length} >>\nstream\n${hidden}\nendstream`,
    );
    expect(scanPdfStructure(handMadePdf(objects), 64 * MB).activeName).toBe('JavaScript');
  });

  it('refuses streams that unpack past the budget, but not images (text extraction never decodes them)', () => {
    const big = deflateSync(Buffer.alloc(2 * MB)).toString('latin1');
    const withStream = (dictionary: string) => {
      const objects = onePageObjects('Zoe');
      objects.push(`<< ${dictionary} /Filter /FlateDecode /Length ${big.length} >>\nstream\n${big}\nendstream`);
      return handMadePdf(objects);
    };
    expect(() => scanPdfStructure(withStream(''), MB)).toThrow(DocumentRefused);
    expect(scanPdfStructure(withStream(''), 4 * MB).activeName).toBeNull();
    expect(scanPdfStructure(withStream('/Subtype /Image /Width 1 /Height 1'), MB).activeName).toBeNull();
  });

  it('notes encryption and an end cut off', () => {
    const pdf = Buffer.from(handMadePdf(onePageObjects('Zoe'))).toString('latin1');
    const encrypted = pdf.replace('/Root 1 0 R', '/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 >>');
    expect(scanPdfStructure(Buffer.from(encrypted, 'latin1'), MB).encrypted).toBe(true);
    expect(scanPdfStructure(Buffer.from(pdf.slice(0, pdf.length - 100), 'latin1'), MB).complete).toBe(false);
    expect(scanPdfStructure(Buffer.from(`${pdf}\n\n`, 'latin1'), MB).complete).toBe(true);
  });
});
