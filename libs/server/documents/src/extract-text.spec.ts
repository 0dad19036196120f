import { deflateSync } from 'node:zlib';
import { DocumentRefused, type RefusalReason } from './document-refused';
import { MAX_DOCUMENT_BYTES } from './document.types';
import { extractText } from './extract-text';
import {
  handMadePdf,
  makeDocx,
  makePdf,
  makePng,
  makeZip,
  noise,
  onePageObjects,
  unicodeFont,
} from './fixtures/document-fixtures';

/** Refused for `reason`, with a message that is a whole sentence telling the user what to do. */
async function expectRefused(attempt: Promise<unknown>, reason: RefusalReason): Promise<DocumentRefused> {
  const error: unknown = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentRefused);
  const refused = error as DocumentRefused;
  expect({ reason: refused.reason, message: refused.message }).toEqual({ reason, message: expect.any(String) });
  expect(refused.message).toMatch(/^[A-Z].{30,}[.)]$/s);
  expect(refused.message).toMatch(/\b(Upload|Export|Save|Open|Remove|Convert|Print|export|save|upload)\b/);
  expect(refused.message).not.toMatch(/undefined|null|\[object|Error:/);
  return refused;
}

/** The text as prose: lines wrapped after a hyphen rejoined, all whitespace one space. */
const unwrap = (text: string) => text.replace(/-\n/g, '-').replace(/\s+/g, ' ');

const EXPERIENCE = [
  'Led the migration of the billing platform from a monolith to event-driven services, cutting invoice latency from hours to seconds.',
  'Mentored six engineers through their first on-call rotations and wrote the incident playbook the team still uses.',
  'Designed a feature-flag system that let product teams ship weekly instead of monthly without a single rollback.',
];
const SKILLS = [
  'CONTACT',
  'zoe@example.com',
  '+46 70 123 45 67',
  'Stockholm',
  'SKILLS',
  'TypeScript',
  'PostgreSQL',
  'Kubernetes',
  'Kafka',
];

describe('extractText', () => {
  describe('reads', () => {
    it('a one-column PDF résumé, Unicode names included', async () => {
      const font = unicodeFont();
      // pdfkit's built-in fonts only encode Windows-1252; without a Unicode font the Vietnamese letter is left out.
      const name = font ? 'Zoë Åkesson-Nguyễn' : 'Zoë Åkesson-Nguyen';
      const pdf = await makePdf((doc) => {
        if (font) doc.font(font);
        doc.fontSize(22).text(name);
        doc.fontSize(11).text('Staff engineer · Malmö, Sverige · zoe@example.com');
        doc.moveDown();
        doc.fontSize(14).text('Experience');
        doc.fontSize(11).text(EXPERIENCE.join(' '));
      });

      const result = await extractText(pdf, 'cv.pdf');

      expect(result).toMatchObject({ kind: 'pdf', pages: 1, warnings: [] });
      expect(result.lines[0]).toBe(name);
      expect(result.text).toContain('Staff engineer · Malmö, Sverige');
      expect(unwrap(result.text)).toContain(EXPERIENCE.join(' '));
      expect(result.text).toBe(result.text.normalize('NFC'));
      expect(result.lines.join('\n')).toBe(result.text);
    });

    it('a two-column PDF: the left column, then the right one, sentences whole and in order', async () => {
      const pdf = await makePdf((doc) => {
        doc.fontSize(22).text('Zoë Åkesson', 50, 50);
        doc
          .fontSize(10)
          .text('Staff engineer with ten years of backend work in payments and logistics', 50, 80, { width: 495 });
        doc.fontSize(11);
        let y = 120;
        for (const line of SKILLS) {
          doc.text(line, 50, y, { width: 150 });
          y += 18;
        }
        doc.fontSize(13).text('EXPERIENCE', 230, 120, { width: 315 });
        doc.fontSize(11).text(EXPERIENCE.join(' '), 230, 142, { width: 315 });
      });

      const result = await extractText(pdf, 'two-columns.pdf');
      const flat = unwrap(result.text);

      // pdfkit wraps the paragraph over six lines, level with lines of the left column: read row by row, they
      // would alternate with the skills.
      expect(result.lines).toContain('Led the migration of the billing platform from a monolith to event-');
      expect(flat).toContain(EXPERIENCE.join(' '));
      const order = [...SKILLS, 'EXPERIENCE', EXPERIENCE[0]].map((text) => flat.indexOf(text));
      expect(order.every((at) => at >= 0)).toBe(true);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(flat.indexOf('Staff engineer with ten years')).toBeLessThan(flat.indexOf('CONTACT'));
    });

    it('a DOCX', async () => {
      const docx = await makeDocx(['Zoë Åkesson-Nguyễn', 'Staff engineer', '', 'Experience', EXPERIENCE[0]]);

      const result = await extractText(docx, 'cv.docx');

      expect(result).toEqual({
        kind: 'docx',
        text: ['Zoë Åkesson-Nguyễn', 'Staff engineer', '', 'Experience', EXPERIENCE[0]].join('\n'),
        pages: null,
        lines: ['Zoë Åkesson-Nguyễn', 'Staff engineer', '', 'Experience', EXPERIENCE[0]],
        warnings: [],
      });
    });

    it('Markdown, by its name, and turns decomposed letters into single code points (NFC)', async () => {
      const source = '# Zoë Åkesson-Nguyễn\n\n## Experience\n\n- Built the billing platform\n'.normalize('NFD');

      const result = await extractText(Buffer.from(source), 'cv.md');

      expect(result).toEqual({
        kind: 'markdown',
        text: '# Zoë Åkesson-Nguyễn\n\n## Experience\n\n- Built the billing platform'.normalize('NFC'),
        pages: null,
        lines: ['# Zoë Åkesson-Nguyễn', '', '## Experience', '', '- Built the billing platform'],
        warnings: [],
      });
      expect(result.text).not.toBe(result.text.normalize('NFD'));
    });

    it('plain text with a BOM, CRLF line endings and stray control characters', async () => {
      const bytes = Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('Zoë Åkesson\r\nStaff engineer\x07\r\n\r\nJavaScript: 9 years\tTypeScript: 6 years\r\n'),
      ]);

      const result = await extractText(bytes, 'cv.txt');

      expect(result).toEqual({
        kind: 'text',
        text: 'Zoë Åkesson\nStaff engineer\n\nJavaScript: 9 years\tTypeScript: 6 years',
        pages: null,
        lines: ['Zoë Åkesson', 'Staff engineer', '', 'JavaScript: 9 years\tTypeScript: 6 years'],
        warnings: [],
      });
    });

    it('several files at once (two worker threads at a time, the rest waiting their turn)', async () => {
      const pdf = await makePdf((doc) => doc.text(EXPERIENCE.join(' ')));
      const docx = await makeDocx(EXPERIENCE);
      const results = await Promise.all([pdf, docx, pdf, docx, pdf].map((bytes, i) => extractText(bytes, `cv${i}`)));
      expect(results.map((result) => result.kind)).toEqual(['pdf', 'docx', 'pdf', 'docx', 'pdf']);
    });

    it('text whatever the name says: a résumé.pdf that is really text is text', async () => {
      expect((await extractText(Buffer.from('Zoë Åkesson\nStaff engineer'), 'cv.pdf')).kind).toBe('text');
    });
  });

  describe('refuses', () => {
    it('a file over 5 MB before looking at it, even a 50 MB one, quickly', async () => {
      const refused = await expectRefused(extractText(new Uint8Array(6 * 1024 * 1024), 'cv.pdf'), 'too-large');
      expect(refused.message).toContain('6 MB, over the 5 MB limit');

      const huge = new Uint8Array(50 * 1024 * 1024);
      const started = performance.now();
      await expectRefused(extractText(huge, 'cv.pdf'), 'too-large');
      expect(performance.now() - started).toBeLessThan(50);
      await expectRefused(extractText(new Uint8Array(MAX_DOCUMENT_BYTES + 1), 'cv.txt'), 'too-large');
    });

    it('an empty file, and one with only whitespace', async () => {
      await expectRefused(extractText(new Uint8Array(0), 'cv.pdf'), 'empty');
      await expectRefused(extractText(Buffer.from(' \r\n\t \n'), 'cv.txt'), 'empty');
      await expectRefused(extractText(Buffer.from('\uFEFF\n\n'), 'cv.md'), 'empty');
    });

    it('an image-only PDF (a scan) as no-text', async () => {
      const scan = makePng(200, 280);
      const pdf = await makePdf((doc) => {
        doc.image(Buffer.from(scan), 50, 50, { width: 495 });
        doc.rect(50, 760, 495, 2).fill('#333');
      });

      const refused = await expectRefused(extractText(pdf, 'scan.pdf'), 'no-text');
      expect(refused.message).toContain('looks like a scan');
    });

    it('a PDF with only vector shapes as no-text', async () => {
      const pdf = await makePdf((doc) => {
        doc.circle(200, 200, 80).stroke();
        doc.rect(100, 400, 300, 100).fill('#999');
      });
      await expectRefused(extractText(pdf, 'shapes.pdf'), 'no-text');
    });

    it('a password-protected PDF', async () => {
      const pdf = await makePdf((doc) => doc.text(EXPERIENCE.join(' ')), {
        userPassword: 'secret',
        ownerPassword: 'owner',
      });
      const refused = await expectRefused(extractText(pdf, 'cv.pdf'), 'encrypted');
      expect(refused.message).toContain('password');
    });

    it('reads a PDF protected only against copying (no password to open), with a warning', async () => {
      const pdf = await makePdf((doc) => doc.text(EXPERIENCE.join(' ')), {
        ownerPassword: 'owner',
        permissions: { copying: false },
      });
      const result = await extractText(pdf, 'cv.pdf');
      expect(unwrap(result.text)).toContain(EXPERIENCE[0]);
      expect(result.warnings).toEqual(['This PDF is protected against copying; its text was read anyway.']);
    });

    it('a zip renamed .docx, saying what it is', async () => {
      const zip = makeZip({ 'notes.txt': 'not a résumé', 'photo.jpg': noise(100) });
      const refused = await expectRefused(extractText(zip, 'cv.docx'), 'unsupported-type');
      expect(refused.message).toMatch(/ZIP archive, not a Word document/);

      const xlsx = makeZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }, true);
      expect((await expectRefused(extractText(xlsx, 'cv.docx'), 'unsupported-type')).message).toMatch(/Excel/);
    });

    it('a macro-enabled Word file (.docm) renamed .docx', async () => {
      const docm = makeZip({
        '[Content_Types].xml':
          '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
        'word/document.xml': '<w:document/>',
        'word/vbaProject.bin': noise(64),
      });
      const refused = await expectRefused(extractText(docm, 'cv.docx'), 'active-content');
      expect(refused.message).toContain('macros');
    });

    it('a damaged DOCX (cut off) as malformed', async () => {
      const docx = await makeDocx(['Zoë Åkesson', EXPERIENCE[0]]);
      await expectRefused(extractText(docx.subarray(0, Math.floor(docx.length / 2)), 'cv.docx'), 'malformed');
    });

    it('a DOCX whose XML unpacks to far more than a résumé (a zip bomb)', async () => {
      const bomb = makeZip(
        {
          '[Content_Types].xml': '<Types/>',
          'word/document.xml': Buffer.concat([Buffer.from('<w:document>'), Buffer.alloc(80 * 1024 * 1024, 0x20)]),
        },
        true,
      );
      expect(bomb.length).toBeLessThan(200 * 1024);
      await expectRefused(extractText(bomb, 'cv.docx'), 'too-large');
    });

    it('a PDF with a JavaScript open action', async () => {
      const pdf = handMadePdf(onePageObjects(EXPERIENCE[0], '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>'));
      const refused = await expectRefused(extractText(pdf, 'cv.pdf'), 'active-content');
      expect(refused.message).toContain('This PDF contains scripts or embedded files; export it again as a plain PDF');
    });

    it('a PDF hiding the action behind an escaped name, or launching a program', async () => {
      const escaped = handMadePdf(
        onePageObjects(EXPERIENCE[0], '/OpenAction << /S /Java#53cript /JS (app.alert(1)) >>'),
      );
      await expectRefused(extractText(escaped, 'cv.pdf'), 'active-content');
      const launch = handMadePdf(onePageObjects(EXPERIENCE[0], '/OpenAction << /S /Launch /F (calc.exe) >>'));
      await expectRefused(extractText(launch, 'cv.pdf'), 'active-content');
    });

    it('a PDF carrying an attached file', async () => {
      const pdf = await makePdf((doc) => {
        doc.text(EXPERIENCE.join(' '));
        doc.file(Buffer.from('MZ…'), { name: 'cv-viewer.exe' });
      });
      await expectRefused(extractText(pdf, 'cv.pdf'), 'active-content');
    });

    it('a PDF whose streams unpack to far more than a résumé (a decompression bomb)', async () => {
      const bomb = deflateSync(Buffer.alloc(80 * 1024 * 1024), { level: 9 }).toString('latin1');
      const objects = onePageObjects(EXPERIENCE[0]);
      objects.push(`<< /Length ${bomb.length} /Filter /FlateDecode >>\nstream\n${bomb}\nendstream`);
      const refused = await expectRefused(extractText(handMadePdf(objects), 'cv.pdf'), 'too-large');
      expect(refused.message).toContain('unpacks to far more data');
    });

    it('text and Markdown with scripts, frames, javascript: links or event handlers', async () => {
      const cases: [string, string][] = [
        ['Zoë Åkesson\n<script>alert(1)</script>', 'cv.txt'],
        ['# Zoë\n<iframe src="https://evil.example"></iframe>', 'cv.md'],
        ['# Zoë\n[portfolio](javascript:alert(document.cookie))', 'cv.md'],
        ['Zoë\n<img src=x onerror="alert(1)">', 'cv.md'],
      ];
      for (const [text, name] of cases) {
        const refused = await expectRefused(extractText(Buffer.from(text), name), 'active-content');
        expect(refused.message).toMatch(/Remove it and upload the file again\.$/);
      }
      // Words about JavaScript are not JavaScript.
      const prose = 'Skills\nJavaScript: 9 years\nonboarding = two weeks, on-call = yes\nI like <b>bold</b> choices';
      expect((await extractText(Buffer.from(prose), 'cv.md')).text).toBe(prose);
    });

    it('a truncated PDF, and garbage behind a PDF header, as malformed', async () => {
      const pdf = await makePdf((doc) => doc.text(EXPERIENCE.join(' ')));
      const cut = await expectRefused(
        extractText(pdf.subarray(0, Math.floor(pdf.length * 0.6)), 'cv.pdf'),
        'malformed',
      );
      expect(cut.message).toContain('incomplete');

      const garbage = Buffer.concat([Buffer.from('%PDF-1.7\n'), noise(20_000), Buffer.from('\n%%EOF\n')]);
      await expectRefused(extractText(garbage, 'cv.pdf'), 'malformed');
    });

    it('random bytes, images, executables and old .doc files as unsupported, naming the accepted formats', async () => {
      const random = await expectRefused(extractText(noise(4096), 'cv.pdf'), 'unsupported-type');
      expect(random.message).toContain('a PDF, a Word document (.docx), Markdown (.md) or a plain-text file');

      const png = await expectRefused(extractText(makePng(8, 8), 'cv.pdf'), 'unsupported-type');
      expect(png.message).toContain('PNG image');
      const doc = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), noise(1000)]);
      expect((await expectRefused(extractText(doc, 'cv.doc'), 'unsupported-type')).message).toContain('.doc');
      const exe = Buffer.concat([Buffer.from('MZ'), noise(1000)]);
      expect((await expectRefused(extractText(exe, 'cv.pdf'), 'unsupported-type')).message).toContain('program');
    });

    it('too much text', async () => {
      const text = `${'Staff engineer who writes a lot. '.repeat(4000)}`;
      const refused = await expectRefused(extractText(Buffer.from(text), 'cv.txt'), 'too-much-text');
      expect(refused.message).toContain('100,000 characters');
    });

    it('a PDF that takes longer than the time limit, stopping the worker thread', async () => {
      const pdf = await makePdf((doc) => doc.text(EXPERIENCE.join(' ')));
      const refused = await expectRefused(extractText(pdf, 'cv.pdf', { timeoutMs: 5 }), 'too-slow');
      expect(refused.message).toContain('took too long');
      // The limits are per call: the same file reads fine with the default.
      expect((await extractText(pdf, 'cv.pdf')).pages).toBe(1);
    });

    it('a file that needs more memory than the worker thread may use, as malformed', async () => {
      const pdf = await makePdf((doc) => doc.text(EXPERIENCE.join(' ')));
      const refused = await expectRefused(extractText(pdf, 'cv.pdf', { maxMemoryMb: 4 }), 'malformed');
      expect(refused.message).toContain('could not be read: it needs far more memory');
    });
  });
});
