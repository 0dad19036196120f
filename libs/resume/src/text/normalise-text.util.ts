/**
 * Clean-up for text extracted from PDF, DOCX or Markdown: the same résumé should parse the same
 * whichever tool produced its text.
 */

const LIGATURES: Record<string, string> = { ﬀ: 'ff', ﬁ: 'fi', ﬂ: 'fl', ﬃ: 'ffi', ﬄ: 'ffl', ﬅ: 'st', ﬆ: 'st' };

/** Line-level normalisation; keeps line breaks and wide gaps (they separate columns and fields). */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC') // PDF extractors often emit decomposed accents; keep them but composed
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[ﬀﬁﬂﬃﬄﬅﬆ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/\t/g, '   ')
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .split('\n')
    .map((line) => collapseLetterSpacing(line.replace(/\s+$/, '')))
    .join('\n');
}

/** "E X P E R I E N C E" (letter-spaced headings) → "EXPERIENCE"; words stay apart where the gap is wider. */
function collapseLetterSpacing(line: string): string {
  const trimmed = line.trim();
  if (!/^(\S ){3,}\S$/u.test(trimmed.replace(/ {2,}/g, ' ')) || !/^(\S {1,3})+\S$/u.test(trimmed)) return line;
  const words = trimmed.split(/ {2,}/);
  if (!words.every((w) => /^(\S )*\S$/u.test(w))) return line;
  return words.map((w) => w.replace(/ /g, '')).join(' ');
}

/** Markdown and rich-text residue: emphasis, links, inline code, heading hashes. */
export function stripMarkup(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=$|[\s).,;:])/g, '$1$2')
    .replace(/\\([*_#\-.])/g, '$1');
}

/** Single spaces, trimmed. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Words of a text (letters, digits, internal punctuation kept), for counting and comparing. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Lower-cased content tokens, for overlap. */
export function tokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}+#.\-/]*[\p{L}\p{N}+#]|[\p{L}\p{N}]/gu) ?? []).map((t) =>
    t.replace(/[.\-/]+$/, ''),
  );
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Sentences of a paragraph; abbreviations like "e.g." and decimals stay inside. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  const re =
    /(?<!\b(?:e\.g|i\.e|etc|vs|approx|incl|Inc|Ltd|Co|Corp|Mr|Ms|Dr|Sr|Jr|St|No))[.!?](?=\s+[\p{Lu}\p{N}"'(])/gu;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(text.slice(last, m.index + 1).trim());
    last = m.index + 1;
  }
  out.push(text.slice(last).trim());
  return out.filter((s) => s.length > 0);
}

/** Title case for an all-caps name ("ZOË ÅKESSON-NGUYỄN" → "Zoë Åkesson-Nguyễn"). */
export function titleCase(text: string): string {
  return text
    .toLocaleLowerCase()
    .replace(/(^|[\s\-'’])(\p{Ll})/gu, (_m, sep: string, c: string) => sep + c.toLocaleUpperCase());
}
