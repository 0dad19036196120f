/**
 * PDFKit's built-in fonts (Helvetica and friends) encode text as WinAnsi (Windows-1252): printable
 * ASCII, Latin-1 and a few typographic characters. Anything else would come out as garbage glyphs,
 * so text is brought into that set first.
 */

/** Characters outside Latin-1 that WinAnsi has (typographic quotes and dashes, €, ™, Œ, …). */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Close stand-ins for common characters WinAnsi lacks. */
const REPLACEMENTS = new Map<string, string>(
  Object.entries({
    '\u2010': '-', // hyphen
    '\u2011': '-', // non-breaking hyphen
    '\u2012': '–', // figure dash
    '\u2015': '—', // horizontal bar
    '\u2212': '-', // minus sign
    '\u2032': "'", // prime
    '\u2033': '"', // double prime
    '\u201b': '‘',
    '\u201f': '“',
    '\u2024': '.',
    '\u2027': '·',
    '\u2043': '-',
    '\u2190': '<-',
    '\u2192': '->',
    '\u2194': '<->',
    '\u21d2': '=>',
    '\u21d0': '<=',
    '\u2264': '<=',
    '\u2265': '>=',
    '\u2260': '!=',
    '\u2248': '~',
    '\u221e': 'infinity',
    '\u2713': '[x]', // check mark
    '\u2714': '[x]',
    '\u2705': '[x]',
    '\u2611': '[x]',
    '\u2717': 'x', // ballot x
    '\u2718': 'x',
    '\u274c': 'x',
    '\u2610': '[ ]',
    '\u25cf': '•',
    '\u25e6': '•',
    '\u2219': '·',
    '\u22c5': '·',
    '\u2044': '/',
    '\u2215': '/',
    '\u0131': 'i', // dotless i
    '\u0141': 'L',
    '\u0142': 'l',
    '\u0110': 'D',
    '\u0111': 'd',
    '\u00ad': '', // soft hyphen
  }),
);

/** What stands for a character that has no WinAnsi form (an emoji, a CJK character). */
export const UNSUPPORTED_CHARACTER = '?';

function isWinAnsiChar(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  if (code === 0xad) return false; // the soft hyphen is encodable, but would always be drawn
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch);
}

function isWinAnsi(text: string): boolean {
  return [...text].every(isWinAnsiChar);
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** One user-perceived character (which may be several code points) in WinAnsi. */
function sanitizeGrapheme(grapheme: string): string {
  if (isWinAnsi(grapheme)) return grapheme;
  const replacement = REPLACEMENTS.get(grapheme.replace(/[\uFE0E\uFE0F]/g, '')); // without emoji/text style selectors
  if (replacement !== undefined) return replacement;
  if (grapheme === '\n') return '\n';
  if (/^\s+$/u.test(grapheme)) return ' '; // tabs, no-break and ideographic spaces
  if (/^[\p{Cc}\p{Cf}\p{M}]+$/u.test(grapheme)) return ''; // controls, zero-width and joiners, stray marks
  // A letter with accents WinAnsi lacks: keep the base letter when that is encodable ("ő" → "o").
  const base = grapheme.normalize('NFKD').replace(/\p{M}/gu, '');
  if (base.length > 0 && isWinAnsi(base)) return base;
  return UNSUPPORTED_CHARACTER;
}

/**
 * Text that PDFKit's standard fonts can draw: line breaks become `\n`, other whitespace a space,
 * invisible characters are dropped, and characters WinAnsi cannot encode are replaced by a close
 * equivalent or by "?" (one per emoji or character, however many code points it is made of).
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const { segment } of graphemes.segment(text.replace(/\r\n?/g, '\n').normalize('NFC'))) {
    out += sanitizeGrapheme(segment);
  }
  return out;
}
