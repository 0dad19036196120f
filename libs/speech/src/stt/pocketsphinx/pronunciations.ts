import { readFile } from 'node:fs/promises';
import { numberToWords } from '../../wer';

/**
 * Hints for PocketSphinx: the key terms of a question become (1) pronunciations for the terms
 * the dictionary lacks and (2) a small language model that the decoder interpolates with the
 * stock one (see HINTS in libs/speech/native/ps-decoder.c).
 *
 * A word that is not in the dictionary can never be recognised: "JWT" comes out as "j w t",
 * "GraphQL" as "graph q l". Each missing token gets a pronunciation pieced together from parts
 * the dictionary knows: camel-case and letter/digit parts, letter names for acronyms, and
 * otherwise the fewest dictionary words that spell it (bcrypt = b + crypt, memcached = mem +
 * cached); a lower-case token without vowels also gets its letters as an alternate reading.
 * Guessed pronunciations can be wrong; tokens that cannot be pieced together from at most four
 * parts are skipped. The hint model gives every hint word, known or new, a real probability,
 * and consecutive words of a phrase ("refresh token rotation") a bigram.
 */

export interface DictEntry {
  /**
   * The word as it will appear in transcripts (acronyms and camel case keep their case: "JWT",
   * "GraphQL"); "word(2)" is an alternate pronunciation of the entry before it.
   */
  word: string;
  /** ARPAbet phones, space-separated. */
  phones: string;
}

const LETTERS: Record<string, string> = {
  a: 'EY',
  b: 'B IY',
  c: 'S IY',
  d: 'D IY',
  e: 'IY',
  f: 'EH F',
  g: 'JH IY',
  h: 'EY CH',
  i: 'AY',
  j: 'JH EY',
  k: 'K EY',
  l: 'EH L',
  m: 'EH M',
  n: 'EH N',
  o: 'OW',
  p: 'P IY',
  q: 'K Y UW',
  r: 'AA R',
  s: 'EH S',
  t: 'T IY',
  u: 'Y UW',
  v: 'V IY',
  w: 'D AH B AH L Y UW',
  x: 'EH K S',
  y: 'W AY',
  z: 'Z IY',
};

const MAX_PIECES = 4;
const MAX_TOKEN_LENGTH = 30;
const MAX_HINT_TOKENS = 200;

export class PronouncingDictionary {
  private static readonly loaded = new Map<string, Promise<PronouncingDictionary>>();

  private constructor(private readonly prons: Map<string, string>) {}

  /** Reads a CMU-format dictionary once per process per path. */
  static load(path: string): Promise<PronouncingDictionary> {
    let dict = PronouncingDictionary.loaded.get(path);
    if (!dict) {
      dict = readFile(path, 'utf8').then((text) => PronouncingDictionary.parse(text));
      PronouncingDictionary.loaded.set(path, dict);
      void dict.catch(() => PronouncingDictionary.loaded.delete(path));
    }
    return dict;
  }

  static parse(text: string): PronouncingDictionary {
    const prons = new Map<string, string>();
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const space = text.indexOf(' ', start);
      if (space > start && space < end) {
        const word = text.slice(start, space);
        // Alternate pronunciations ("word(2)") are not needed to build new words.
        if (!word.endsWith(')')) prons.set(word, text.slice(space + 1, end).trim());
      }
      start = end + 1;
    }
    return new PronouncingDictionary(prons);
  }

  get size(): number {
    return this.prons.size;
  }

  has(word: string): boolean {
    return this.prons.has(word.toLowerCase());
  }

  get(word: string): string | undefined {
    return this.prons.get(word.toLowerCase());
  }

  /**
   * The hints as decoder vocabulary: `entries` to add for the tokens the dictionary lacks
   * (deduplicated), and `phrases`, each hint as a sequence of decoder words (known words in
   * lower case, added ones as in `entries`), split where a token cannot be pronounced.
   */
  hintVocabulary(hints: readonly string[]): { entries: DictEntry[]; phrases: string[][] } {
    const entries = new Map<string, DictEntry>();
    const phrases: string[][] = [];
    for (const hint of hints.slice(0, MAX_HINT_TOKENS)) {
      let phrase: string[] = [];
      for (const token of hintTokens([hint])) {
        const word = this.decoderWord(token, entries);
        if (word) {
          phrase.push(word);
        } else if (phrase.length > 0) {
          phrases.push(phrase);
          phrase = [];
        }
      }
      if (phrase.length > 0) phrases.push(phrase);
    }
    return { entries: [...entries.values()], phrases };
  }

  /** Entries to add for the tokens of the hints that the dictionary lacks. */
  entriesForHints(hints: readonly string[]): DictEntry[] {
    return this.hintVocabulary(hints).entries;
  }

  private decoderWord(token: string, entries: Map<string, DictEntry>): string | null {
    if (/^\d+$/.test(token)) return null; // the model has the number words
    if (this.has(token)) return token.toLowerCase();
    const word = /[A-Z]/.test(token.slice(1)) ? token : token.toLowerCase();
    if (entries.has(word)) return word;
    const phones = this.pronounce(token);
    if (!phones) return null;
    entries.set(word, { word, phones });
    // A lower-case token without a vowel letter (bcrypt) may also be read letter by letter.
    if (token === token.toLowerCase() && !/[aeiou]/.test(token) && /^[a-z]+$/.test(token)) {
      const spelt = spell(token);
      if (spelt && spelt.phones !== phones) entries.set(`${word}(2)`, { word: `${word}(2)`, phones: spelt.phones });
    }
    return word;
  }

  /** A pronunciation pieced together from known parts, or null. */
  pronounce(token: string): string | null {
    if (token.length > MAX_TOKEN_LENGTH) return null;
    const known = this.get(token);
    if (known) return known;
    const parts = token.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z']+|\d+/g) ?? [];
    if (parts.length === 0 || parts.length > MAX_PIECES * 2) return null;
    const phones: string[] = [];
    let pieces = 0;
    for (const part of parts) {
      let piece: { phones: string; pieces: number } | null;
      if (/^\d+$/.test(part)) piece = this.spellNumber(part);
      else if (part.length === 1 || part === part.toUpperCase() || !/[aeiouy]/i.test(part)) piece = spell(part);
      else piece = this.segment(part.toLowerCase());
      if (!piece) return null;
      phones.push(piece.phones);
      pieces += piece.pieces;
    }
    if (pieces > MAX_PIECES * 2) return null;
    return phones.join(' ');
  }

  private spellNumber(digits: string): { phones: string; pieces: number } | null {
    const words = numberToWords(digits);
    if (!words) return null;
    const phones = words.split(' ').map((w) => this.get(w));
    return phones.every(Boolean) ? { phones: phones.join(' '), pieces: 1 } : null;
  }

  /** The fewest dictionary words (or letter names, which cost more) that spell `word`. */
  private segment(word: string): { phones: string; pieces: number } | null {
    const n = word.length;
    const cost = new Array<number>(n + 1).fill(Infinity);
    const from = new Array<number>(n + 1).fill(-1);
    const pron = new Array<string>(n + 1).fill('');
    cost[0] = 0;
    for (let end = 1; end <= n; end++) {
      for (let start = Math.max(0, end - 20); start < end; start++) {
        if (cost[start] === Infinity) continue;
        const piece = word.slice(start, end);
        let phones: string | undefined;
        let c: number;
        if (piece.length === 1) {
          phones = LETTERS[piece];
          c = 2.5;
        } else {
          phones = this.prons.get(piece);
          // Two-letter dictionary "words" are mostly abbreviations with odd pronunciations.
          c = piece.length === 2 ? 1.8 : 1;
        }
        if (phones && cost[start] + c < cost[end]) {
          cost[end] = cost[start] + c;
          from[end] = start;
          pron[end] = phones;
        }
      }
    }
    if (cost[n] === Infinity) return null;
    const phones: string[] = [];
    let pieces = 0;
    for (let at = n; at > 0; at = from[at]) {
      phones.unshift(pron[at]);
      pieces++;
    }
    return pieces > MAX_PIECES ? null : { phones: phones.join(' '), pieces };
  }
}

function spell(letters: string): { phones: string; pieces: number } | null {
  const phones = [...letters.toLowerCase()].map((l) => LETTERS[l]);
  return phones.every(Boolean)
    ? { phones: phones.join(' '), pieces: Math.max(1, Math.ceil(letters.length / 2)) }
    : null;
}

/** Hints split into word tokens: "Cross-site scripting (XSS)" → Cross, site, scripting, XSS; "socket.io" → socket, io. */
export function hintTokens(hints: readonly string[]): string[] {
  const tokens: string[] = [];
  for (const hint of hints) {
    for (const raw of hint.split(/[\s/_.,;:()[\]{}"+&|-]+/)) {
      const token = raw.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
      if (token && /^[A-Za-z0-9']+$/.test(token)) tokens.push(token);
      if (tokens.length >= MAX_HINT_TOKENS) return tokens;
    }
  }
  return tokens;
}

/**
 * A small ARPA language model of the hint phrases: every hint word a unigram with an equal
 * share of `mass` (the total probability given to hint words), consecutive words of a phrase as
 * bigrams. The decoder combines it with the stock model; `mass` sets how strongly hint words are
 * favoured.
 */
export function hintLanguageModel(phrases: readonly (readonly string[])[], mass = 0.05): string {
  const words = [...new Set(phrases.flat())];
  const bigrams = new Map<string, Set<string>>();
  for (const phrase of phrases) {
    for (let i = 1; i < phrase.length; i++) {
      const next = bigrams.get(phrase[i - 1]) ?? new Set<string>();
      next.add(phrase[i]);
      bigrams.set(phrase[i - 1], next);
    }
  }
  const share = Math.min(0.999, Math.max(1e-6, mass)) / (words.length + 1);
  const unigram = Math.log10(share).toFixed(4);
  const lines = ['\\data\\', `ngram 1=${words.length + 2}`];
  const bigramCount = [...bigrams.values()].reduce((n, s) => n + s.size, 0);
  if (bigramCount > 0) lines.push(`ngram 2=${bigramCount}`);
  lines.push('', '\\1-grams:', '-99.0000 <s> 0.0000', `${unigram} </s> 0.0000`);
  // Within a phrase, half of a word's successors' mass goes to the next phrase word.
  for (const word of words) lines.push(`${unigram} ${word} ${bigrams.has(word) ? '-0.3010' : '0.0000'}`);
  if (bigramCount > 0) {
    lines.push('', '\\2-grams:');
    for (const [first, nexts] of bigrams) {
      const p = Math.log10(0.5 / nexts.size).toFixed(4);
      for (const second of nexts) lines.push(`${p} ${first} ${second}`);
    }
  }
  lines.push('', '\\end\\', '');
  return lines.join('\n');
}
