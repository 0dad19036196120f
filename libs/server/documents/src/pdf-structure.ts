import { inflateSync } from 'node:zlib';
import { DocumentRefused } from './document-refused';
import { isTooLarge } from './zip-directory';

/**
 * PDF names that make a document do things rather than show things: run JavaScript, launch programs, carry files.
 * None belongs in a résumé.
 */
const ACTIVE_NAMES = new Set(['JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'RichMedia']);

export interface PdfStructure {
  /** The first active name found (`JavaScript`, `Launch`…), or null. */
  activeName: string | null;
  /** An `/Encrypt` dictionary: password-protected, or only protected against copying (pdf.js decides which). */
  encrypted: boolean;
  /** Whether the file ends with `%%EOF` (give or take trailing junk): an upload cut short does not. */
  complete: boolean;
}

/**
 * Reads a PDF's structure without a PDF library, before pdf.js sees it:
 * - the names outside stream data (strings and comments skipped, `#xx` escapes decoded, so `/Java#53cript` counts),
 *   plus those inside compressed object streams, where PDF 1.5+ files keep most dictionaries;
 * - every Flate stream but images (text extraction never decodes those) is inflated with a cap, so a decompression
 *   bomb is refused here instead of filling memory outside the worker's heap limit inside pdf.js.
 */
export function scanPdfStructure(bytes: Uint8Array, maxUnpackedBytes: number): PdfStructure {
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const names = new Set<string>();
  let budget = maxUnpackedBytes;
  let outside = 0;
  // A stream's data follows its dictionary's `>>` and the keyword; matching that pair (not any "stream") keeps a
  // string such as "(Mainstream\n)" from being taken for one.
  const streamStart = />>\s*stream(?:\r\n|\r|\n)/g;
  for (let match = streamStart.exec(source); match; match = streamStart.exec(source)) {
    const dictionary = source.slice(Math.max(outside, source.lastIndexOf('obj', match.index)), match.index + 2);
    collectNames(source.slice(outside, match.index + 2), names);
    const dataStart = match.index + match[0].length;
    const end = streamEnd(source, dataStart, dictionary);
    outside = end;
    streamStart.lastIndex = end;

    const dictionaryNames = new Set<string>();
    collectNames(dictionary, dictionaryNames, true);
    if (dictionaryNames.has('Subtype Image') || !dictionaryNames.has('FlateDecode')) continue;
    const inflated = inflateCapped(bytes.subarray(dataStart, end), budget);
    if (inflated === null) continue;
    budget -= inflated.byteLength;
    if (dictionaryNames.has('ObjStm')) collectNames(inflated.toString('latin1'), names);
  }
  collectNames(source.slice(outside), names);

  const tail = source.lastIndexOf('%%EOF');
  return {
    activeName: [...ACTIVE_NAMES].find((name) => names.has(name)) ?? null,
    encrypted: names.has('Encrypt'),
    complete: tail >= 0 && source.length - tail < 2048,
  };
}

/**
 * Where a stream's data ends: at its direct `/Length` when `endstream` follows there (binary data may contain the
 * word itself), else at the first `endstream`, else at the end of the file.
 */
function streamEnd(source: string, dataStart: number, dictionary: string): number {
  const length = /\/Length\s+(\d+)\b(?!\s+\d+\s+R)/.exec(dictionary);
  if (length) {
    const end = dataStart + Number(length[1]);
    if (/^\s*endstream/.test(source.slice(end, end + 32))) return end;
  }
  const found = source.indexOf('endstream', dataStart);
  return found < 0 ? source.length : found;
}

/** Inflates a zlib stream up to `budget` bytes; null if it is not zlib or is damaged (pdf.js will judge it). */
function inflateCapped(data: Uint8Array, budget: number): Buffer | null {
  if (data.byteLength < 2 || (data[0] & 0x0f) !== 8 || ((data[0] << 8) | data[1]) % 31 !== 0) return null;
  try {
    // Sync flush: a stream cut short still yields what it has, and still counts against the budget.
    return inflateSync(data, { maxOutputLength: Math.max(1, budget), finishFlush: 2 /* Z_SYNC_FLUSH */ });
  } catch (error) {
    if (isTooLarge(error)) {
      throw new DocumentRefused(
        'too-large',
        'This PDF unpacks to far more data than a résumé could hold, so it was not read. Export it again from the original document and upload that.',
      );
    }
    return null;
  }
}

/**
 * Adds the PDF names in `text` to `into`, skipping strings `( … )`, hex strings `< … >` and `%` comments so that a
 * title like "(Node/JS developer)" is not mistaken for a `/JS` action. With `pairs`, each name is also added with
 * the name before it ("Subtype Image"), to match key/value pairs.
 */
function collectNames(text: string, into: Set<string>, pairs = false): void {
  let previous = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '(') {
      i = skipString(text, i);
    } else if (c === '%') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '<') {
      if (text[i + 1] === '<') {
        i += 2; // a dictionary, not a hex string
        continue;
      }
      const close = text.indexOf('>', i);
      i = close < 0 ? text.length : close + 1;
    } else if (c === '/') {
      let j = i + 1;
      while (j < text.length && !isDelimiterOrSpace(text.charCodeAt(j))) j++;
      const name = text
        .slice(i + 1, j)
        .replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      into.add(name);
      if (pairs && previous) into.add(`${previous} ${name}`);
      previous = name;
      i = j;
    } else {
      i++;
    }
  }
}

/** The index after a literal string starting at `start`: parentheses nest, a backslash escapes the next byte. */
function skipString(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return text.length;
}

function isDelimiterOrSpace(code: number): boolean {
  // Whitespace (NUL, tab, LF, FF, CR, space) and the delimiters ( ) < > [ ] { } / %.
  return (
    code === 0 ||
    code === 9 ||
    code === 10 ||
    code === 12 ||
    code === 13 ||
    code === 32 ||
    code === 0x28 ||
    code === 0x29 ||
    code === 0x3c ||
    code === 0x3e ||
    code === 0x5b ||
    code === 0x5d ||
    code === 0x7b ||
    code === 0x7d ||
    code === 0x2f ||
    code === 0x25
  );
}
