import { ACCEPTED_FORMATS, DocumentRefused } from './document-refused';
import type { DocumentKind } from './document.types';
import { decodeText } from './text-normalize';
import { readZipDirectory, readZipEntry, type ZipEntry, ZipUnreadable } from './zip-directory';

const UPLOAD_AS = `Upload your résumé as ${ACCEPTED_FORMATS}.`;

/** Signatures of formats people upload by mistake, to say what the file looks like. */
const KNOWN_BINARY: { name: string; matches: (b: Uint8Array) => boolean; advice?: string }[] = [
  {
    name: 'an old-style Word document (.doc) or another Office 97–2003 file',
    matches: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    advice: 'Open it in Word and save it as .docx or PDF.',
  },
  { name: 'a PNG image', matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47]) },
  { name: 'a JPEG image', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { name: 'a GIF image', matches: (b) => ascii(b, 0, 4) === 'GIF8' },
  { name: 'a WebP image', matches: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
  { name: 'a HEIC/AVIF image or a video', matches: (b) => ascii(b, 4, 8) === 'ftyp' },
  { name: 'a TIFF image', matches: (b) => ascii(b, 0, 4) === 'II*\0' || ascii(b, 0, 4) === 'MM\0*' },
  { name: 'a program (executable)', matches: (b) => ascii(b, 0, 2) === 'MZ' || ascii(b, 0, 4) === '\x7fELF' },
  { name: 'a compressed archive', matches: (b) => startsWith(b, [0x1f, 0x8b]) || ascii(b, 0, 4) === 'Rar!' },
  { name: 'a compressed archive', matches: (b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) },
];

/** Text-based formats that decode as text but are not what they seem once read as plain text. */
const KNOWN_MARKUP: { name: string; pattern: RegExp; advice: string }[] = [
  { name: 'a Rich Text (.rtf) file', pattern: /^\s*\{\\rtf/, advice: 'Open it in Word and save it as .docx or PDF.' },
  { name: 'a PostScript file', pattern: /^%!PS/, advice: 'Convert it to PDF.' },
  {
    name: 'a web page (HTML)',
    pattern: /^\s*(?:<!doctype\s+html|<html[\s>])/i,
    advice: 'Print it to PDF from your browser, or paste its text into a .txt or .md file.',
  },
];

/**
 * What the bytes are, from their signature (magic bytes), not the file name or the declared type: a zip renamed
 * .docx is not a DOCX. The name only tells Markdown from plain text, which share every byte-level trait.
 *
 * Throws `DocumentRefused`: `unsupported-type` (saying what the file looks like and what is accepted),
 * `active-content` for a macro-enabled Word file, `malformed` for a damaged Word file.
 */
export function sniffKind(bytes: Uint8Array, fileName: string): DocumentKind {
  if (indexOfAscii(bytes, '%PDF-', 5) === 0) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes, fileName);
  if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    throw new DocumentRefused('unsupported-type', `This file is an empty ZIP archive, not a résumé. ${UPLOAD_AS}`);
  }
  const binary = KNOWN_BINARY.find((format) => format.matches(bytes));
  if (binary) {
    throw new DocumentRefused('unsupported-type', `This file looks like ${binary.name}. ${binary.advice ?? UPLOAD_AS}`);
  }
  // PDF readers accept the header anywhere in the first KB; some generators put junk before it.
  if (indexOfAscii(bytes, '%PDF-', 1024) >= 0) return 'pdf';
  const text = decodeText(bytes);
  if (text === null) {
    throw new DocumentRefused('unsupported-type', `This file is not a format we can read. ${UPLOAD_AS}`);
  }
  const markup = KNOWN_MARKUP.find((format) => format.pattern.test(text.slice(0, 1024).replace(/^\uFEFF/, '')));
  if (markup) throw new DocumentRefused('unsupported-type', `This file looks like ${markup.name}. ${markup.advice}`);
  return /\.(md|markdown)$/i.test(fileName.trim()) ? 'markdown' : 'text';
}

function sniffZip(bytes: Uint8Array, fileName: string): DocumentKind {
  const looksLikeWord = /\.doc[xm]$/i.test(fileName.trim());
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch (error) {
    if (!(error instanceof ZipUnreadable)) throw error;
    if (looksLikeWord) {
      throw new DocumentRefused(
        'malformed',
        'This Word file is damaged or incomplete, so it cannot be read. Open it in Word and save it again, or export it as PDF.',
      );
    }
    throw new DocumentRefused('unsupported-type', `This file is a damaged ZIP archive, not a résumé. ${UPLOAD_AS}`);
  }
  const names = new Set(entries.map((entry) => entry.name));
  const contentTypes = entries.find((entry) => entry.name === '[Content_Types].xml');
  const hasBody = names.has('word/document.xml');
  const types = contentTypes ? readSmallEntry(bytes, contentTypes) : '';

  if (hasBody || names.has('word/vbaProject.bin')) {
    // Word will not even open macros from a .docx; a macro-enabled file renamed to .docx is a classic lure.
    const macros =
      names.has('word/vbaProject.bin') ||
      [...names].some((name) => name.startsWith('word/activeX/')) ||
      /macroEnabled|vbaProject/i.test(types);
    if (macros) {
      throw new DocumentRefused(
        'active-content',
        'This Word file contains macros or ActiveX controls, which we do not accept. Save it as a plain .docx (Word Document) or PDF and upload that.',
      );
    }
  }
  if (hasBody && contentTypes) return 'docx';
  if (hasBody) {
    throw new DocumentRefused(
      'malformed',
      'This Word file is missing parts, so it cannot be read. Open it in Word and save it again, or export it as PDF.',
    );
  }
  const looksLike = describeZip(bytes, entries, names);
  throw new DocumentRefused('unsupported-type', `This file is ${looksLike}, not a Word document. ${UPLOAD_AS}`);
}

function describeZip(bytes: Uint8Array, entries: ZipEntry[], names: Set<string>): string {
  const has = (prefix: string) => [...names].some((name) => name.startsWith(prefix));
  if (has('xl/')) return 'an Excel spreadsheet (.xlsx)';
  if (has('ppt/')) return 'a PowerPoint presentation (.pptx)';
  const mimetype = entries.find((entry) => entry.name === 'mimetype');
  const declared = mimetype ? readSmallEntry(bytes, mimetype).trim() : '';
  if (declared === 'application/vnd.oasis.opendocument.text') return 'an OpenDocument text file (.odt)';
  if (declared.startsWith('application/vnd.oasis.opendocument')) return 'an OpenDocument file';
  if (declared === 'application/epub+zip') return 'an e-book (.epub)';
  if (names.has('META-INF/MANIFEST.MF') || names.has('AndroidManifest.xml')) return 'a Java or Android package';
  return 'a ZIP archive';
}

/** A small part (content types, mimetype) as text; empty if it cannot be read or is suspiciously big. */
function readSmallEntry(bytes: Uint8Array, entry: ZipEntry): string {
  try {
    return readZipEntry(bytes, entry, 1024 * 1024).toString('utf8');
  } catch {
    return '';
  }
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

function indexOfAscii(bytes: Uint8Array, needle: string, within: number): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, within)).indexOf(needle, 0, 'latin1');
}
