/**
 * Turns text (typed or ASR output) into tokens with character offsets, and tokens into content terms:
 * stemmed, stop words removed, aliases and multi-word synonyms folded into one canonical term.
 */
import {
  ALIAS_GROUPS,
  FILLER_PHRASES,
  FILLER_WORDS,
  FUNCTION_WORDS,
  LIKE_NOT_FILLER_BEFORE,
  STOP_WORDS,
} from './lexicon';
import { stem } from './stem';

export interface Token {
  /** Lower case, curly apostrophes straightened. */
  lower: string;
  /** Character offsets into the source text. */
  start: number;
  end: number;
  stem: string;
  isFunction: boolean;
  isFiller: boolean;
}

/** A content term, spanning tokens `first..last` (inclusive; several for a folded phrase). */
export interface TermOccurrence {
  term: string;
  first: number;
  last: number;
}

export interface TextAnalysis {
  text: string;
  tokens: Token[];
  terms: TermOccurrence[];
  termCounts: Map<string, number>;
  /** Tokens that are not fillers. */
  wordCount: number;
  fillerCount: number;
  fillers: Map<string, number>;
  /**
   * Where a spoken answer paused between two of its segments (character offsets in `text` where a segment starts):
   * a recogniser writes no punctuation, so these are the sentence breaks it heard.
   */
  pauses?: ReadonlySet<number>;
}

// Letters/digits with inner apostrophes and . + # (node.js, c++, n+1, e.g); hyphens and slashes split words
// so "server-side" and "server side" (ASR) are the same two tokens.
const TOKEN_RE = /[\p{L}\p{N}]+(?:'[\p{L}]+)?(?:[.+#][\p{L}\p{N}]+)*(?:\+\+|\+|#)?%?/gu;

export function tokenize(text: string): Token[] {
  const normalized = text.replace(/[’‘`]/g, "'");
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(normalized); m; m = TOKEN_RE.exec(normalized)) {
    let raw = m[0];
    let end = m.index + raw.length;
    // A trailing "'s" is possessive: "redis's" -> "redis". A sentence-final dot is not part of the word.
    if (/'s$/.test(raw) && raw.length > 3 && !/^(it|that|there|what|let|he|she|who)'s$/i.test(raw)) {
      raw = raw.slice(0, -2);
      end -= 2;
    }
    const lower = raw.toLowerCase();
    tokens.push({
      lower,
      start: m.index,
      end,
      stem: stem(lower),
      isFunction: FUNCTION_WORDS.has(lower),
      isFiller: false,
    });
  }
  markFillers(tokens);
  return tokens;
}

const LIKE_FILLER_AFTER = new Set([
  'is',
  'was',
  "it's",
  'its',
  'and',
  'so',
  'but',
  'really',
  'yeah',
  'then',
  'okay',
  'ok',
  'well',
  'or',
  'mean',
  'know',
]);
const YOU_KNOW_NOT_FILLER_AFTER = new Set([
  'what',
  'how',
  'why',
  'when',
  'where',
  'whether',
  'if',
  'that',
  'which',
  'who',
  'about',
]);

/** Marks filler tokens in place: um/uh/..., "you know", "i mean", and "like" used as a filler. */
function markFillers(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (FILLER_WORDS.has(t.lower)) {
      t.isFiller = true;
      continue;
    }
    if (t.lower === 'like') {
      // "like" is a filler after a pause-ish word ("so like", "it's like", "um like") or before another filler;
      // after verbs and nouns of comparison it carries meaning ("would like", "things like redis").
      const prev = i > 0 ? tokens[i - 1] : undefined;
      const next = tokens[i + 1];
      if (prev && !prev.isFiller && LIKE_NOT_FILLER_BEFORE.has(prev.lower)) continue;
      const prevFillerish = !prev || prev.isFiller || LIKE_FILLER_AFTER.has(prev.lower);
      const nextFillerish = !next || FILLER_WORDS.has(next.lower) || next.lower === 'you' || next.lower === 'like';
      if (prevFillerish || nextFillerish) t.isFiller = true;
      continue;
    }
    for (const phrase of FILLER_PHRASES) {
      if (t.lower !== phrase[0] || i + phrase.length > tokens.length) continue;
      let match = true;
      for (let k = 1; k < phrase.length; k++) if (tokens[i + k].lower !== phrase[k]) match = false;
      if (!match) continue;
      const after = tokens[i + phrase.length];
      if (phrase[0] === 'you' && after && YOU_KNOW_NOT_FILLER_AFTER.has(after.lower)) continue;
      // "do you know", "if you know": a real question or condition.
      const before = tokens[i - 1];
      if (
        phrase[0] === 'you' &&
        before &&
        ['do', 'did', 'if', 'you', 'dont', "don't", 'would', 'will'].includes(before.lower)
      )
        continue;
      for (let k = 0; k < phrase.length; k++) tokens[i + k].isFiller = true;
      i += phrase.length - 1;
      break;
    }
  }
}

interface AliasTable {
  map: Map<string, string>;
  maxLength: number;
}

let aliasTable: AliasTable | undefined;

function aliases(): AliasTable {
  if (aliasTable) return aliasTable;
  const map = new Map<string, string>();
  let maxLength = 1;
  for (const [canonical, ...variants] of ALIAS_GROUPS) {
    for (const variant of variants) {
      const stems = tokenizeRaw(variant).map((t) => stem(t));
      if (stems.length === 0) continue;
      maxLength = Math.max(maxLength, stems.length);
      map.set(stems.join(' '), canonical);
    }
  }
  aliasTable = { map, maxLength };
  return aliasTable;
}

function tokenizeRaw(text: string): string[] {
  TOKEN_RE.lastIndex = 0;
  return (text.toLowerCase().match(TOKEN_RE) ?? []).map((t) => t.replace(/'s$/, ''));
}

/** The canonical term of one word (stemmed, aliased), or null for stop words. */
export function termOf(word: string): string | null {
  const lower = word.toLowerCase();
  if (STOP_WORDS.has(lower) || /^\d+(?:[.,]\d+)*%?$/.test(lower)) return null;
  const s = stem(lower);
  return aliases().map.get(s) ?? s;
}

/**
 * Content terms of a token list: at each position the longest alias phrase wins; other tokens become
 * their stem unless they are stop words, fillers or bare numbers.
 */
export function termsOf(tokens: readonly Token[]): TermOccurrence[] {
  const { map, maxLength } = aliases();
  const terms: TermOccurrence[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.isFiller) {
      i++;
      continue;
    }
    let matched = false;
    for (let len = Math.min(maxLength, tokens.length - i); len >= 1; len--) {
      let key = tokens[i].stem;
      for (let k = 1; k < len; k++) key += ` ${tokens[i + k].stem}`;
      const canonical = map.get(key);
      if (canonical !== undefined) {
        terms.push({ term: canonical, first: i, last: i + len - 1 });
        i += len;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (!STOP_WORDS.has(t.lower) && !/^\d+(?:[.,]\d+)*%?$/.test(t.lower) && t.lower.length > 1) {
      terms.push({ term: t.stem, first: i, last: i });
    }
    i++;
  }
  return terms;
}

/** The set of content terms of a text (for vocabularies of questions, rubric points, key terms). */
export function termSet(text: string): Set<string> {
  return new Set(termsOf(tokenize(text)).map((t) => t.term));
}

/** Content terms of a text in order (with repeats). */
export function termList(text: string): string[] {
  return termsOf(tokenize(text)).map((t) => t.term);
}

export function analyze(text: string): TextAnalysis {
  const tokens = tokenize(text);
  const terms = termsOf(tokens);
  const termCounts = new Map<string, number>();
  for (const t of terms) termCounts.set(t.term, (termCounts.get(t.term) ?? 0) + 1);
  const fillers = new Map<string, number>();
  let fillerCount = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.isFiller) continue;
    // Count a two-word filler once, under its phrase.
    const next = tokens[i + 1];
    let word = t.lower;
    if ((t.lower === 'you' || t.lower === 'i') && next?.isFiller && (next.lower === 'know' || next.lower === 'mean')) {
      word = `${t.lower} ${next.lower}`;
      i++;
    }
    fillers.set(word, (fillers.get(word) ?? 0) + 1);
    fillerCount++;
  }
  const fillerTokens = tokens.filter((t) => t.isFiller).length;
  return { text, tokens, terms, termCounts, wordCount: tokens.length - fillerTokens, fillerCount, fillers };
}

/** Stems a list of words (for lexicon sets compared against token stems). */
export function stemSet(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) for (const t of tokenizeRaw(w)) out.add(stem(t));
  return out;
}
