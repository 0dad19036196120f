/**
 * Name, e-mail and headline from the top of a résumé. Names are kept as written (diacritics,
 * hyphens, CJK); only an all-caps name is put into title case.
 */
import { squash, stripMarkup, titleCase } from '../text/normalise-text.util';
import { headingOf } from './resume-sections.parser';
import { hasTitleWord, isLocation } from './role-header.parser';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;
const PHONE = /(?:\+|\b)\d[\d\s().-]{7,}\d\b/;
const URL = /\b(?:https?:\/\/|www\.)|\b[\w-]+\.(?:com|io|dev|me|org|net|de|fr|se|jp|co)(?:\/|\b)|linkedin|github\.com/i;
/** Link labels left when Markdown or PDF links lose their address. */
const PROFILE_LINK =
  /^(?:github|gitlab|linkedin|twitter|x|website|portfolio|blog|e-?mail|phone|mobile|cv|resume|résumé)$/i;
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'da',
  'di',
  'du',
  'la',
  'le',
  'del',
  'dos',
  'das',
  'bin',
  'al',
  'y',
  'zu',
  'ter',
  'ten',
]);
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー・]{2,12}$/u;

export function findEmail(text: string): string | null {
  return EMAIL.exec(text)?.[0] ?? null;
}

function isContact(line: string): boolean {
  return EMAIL.test(line) || PHONE.test(line) || URL.test(line);
}

function nameWord(word: string): boolean {
  return /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(word) || PARTICLES.has(word.toLowerCase()) || CJK.test(word);
}

/** The name on a line, or null when the line is not a name. */
export function nameFrom(line: string): string | null {
  let text = squash(stripMarkup(line).replace(/^(?:name|nom|名前|氏名)\s*[:：]\s*/iu, ''));
  text = text
    .split(/\s+[|·•–—]\s+|\s{3,}/u)[0]
    .trim()
    .replace(/,$/, '');
  if (!text || /\d|@|[/\\:;!?()]/.test(text) || isContact(text) || headingOf(text) || hasTitleWord(text)) return null;
  const ws = text.split(/\s+/);
  if (ws.length === 1 && CJK.test(ws[0])) return ws[0];
  if (ws.length < 2 || ws.length > 5 || !ws.every(nameWord) || !nameWord(ws[0]) || PARTICLES.has(ws[0].toLowerCase()))
    return null;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters === letters.toUpperCase() && /\p{Lu}/u.test(letters) && letters.length > 3 ? titleCase(text) : text;
}

/** "Fullstack Engineer · Berlin · aiko@example.com" → "Fullstack Engineer": contact and place fields dropped. */
function headlineFrom(raw: string): string | null {
  const text = squash(stripMarkup(raw));
  if (!text || headingOf(text)) return null;
  const fields = text
    .split(/\s+[|·•]\s+|\s{3,}/u)
    .filter((f) => !isContact(f) && !isLocation(f) && !PROFILE_LINK.test(f));
  if (fields.length === 0 || !fields.some((f) => hasTitleWord(f))) return null;
  return fields.join(' · ');
}

export interface HeaderInfo {
  name: string | null;
  headline: string | null;
}

/** Name: the first name-like line near the top; headline: the next line that says what they do. */
export function parseHeader(topLines: string[]): HeaderInfo {
  let name: string | null = null;
  let headline: string | null = null;
  for (let i = 0; i < topLines.length && i < 10; i++) {
    const raw = topLines[i];
    if (!name) {
      name = nameFrom(raw);
      if (name) {
        const rest = squash(stripMarkup(raw))
          .split(/\s+[|·•–—]\s+/u)
          .slice(1)
          .join(' | ');
        if (rest && !isContact(rest)) headline = rest;
        continue;
      }
    } else if (!headline) {
      const text = headlineFrom(raw);
      if (text) headline = text;
      if (text || hasTitleWord(raw)) break;
    }
  }
  return { name, headline };
}
