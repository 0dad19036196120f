/// <reference path="../text/double-metaphone.d.ts" />
/**
 * Words a recogniser writes for a technical term it does not know: everyday words that sound like it ("cash" for
 * cache, "jay son" for JSON, "radius" for Redis, "cough car" for Kafka). An answer's word is read as one of the
 * question's terms when the two sound alike (Double Metaphone, Lawrence Philips 2000) and the word is one the bank
 * (almost) never uses: a word of the domain ("write", "route", "set") is taken as said, never as a sound-alike of
 * another one.
 */
import doubleMetaphone from 'double-metaphone';
import type { TermOccurrence, TextAnalysis } from '../text/analyze';
import { termOf, tokenize } from '../text/analyze';
import type { Corpus } from './corpus';

/** A term's spoken form must carry at least this many sounds: shorter codes fit too many words ("K": key, cue, car). */
const MIN_CODE_LENGTH = 2;
/** Only terms this specific (IDF over the bank's questions) are listened for: "server" or "data" are not misheard. */
const MIN_IDF = 1.5;
/**
 * A heard word the bank uses this rarely (in at most two of its questions) is no word of the domain: "radius" once in
 * a geography example, never "write" or "set".
 */
const RARE_IDF = 3.4;
/**
 * A word this short is listened for only when a key term spells it ("SQL", "JWT"): short everyday words of a rubric
 * ("run", "set", "use") sound like too many others ("rain", "sat", "ooze").
 */
const SHORT_WORD = 3;
/** Words a sound-alike may be made of: one word for one, two for one ("jay son"). */
const MAX_WORDS = 2;

export interface SoundIndex {
  /** Phonetic code → the one term it stands for (codes two terms share are dropped: they cannot be told apart). */
  byCode: Map<string, string>;
  /** The written length of each code's term, to refuse a short word for a long term. */
  lengthOf: Map<string, number>;
}

function codes(word: string): string[] {
  const [primary, secondary] = doubleMetaphone(word);
  return primary === secondary ? [primary] : [primary, secondary];
}

/**
 * The sounds of a question's specific terms, from the words the question, its rubric and its key terms spell them with
 * (`keyTerms` also says which short words are names worth listening for).
 */
export function buildSoundIndex(
  texts: readonly string[],
  vocabulary: ReadonlySet<string>,
  corpus: Corpus,
  keyTerms: readonly string[] = [],
): SoundIndex {
  const byCode = new Map<string, string | null>();
  const lengthOf = new Map<string, number>();
  const named = new Set(keyTerms.flatMap((k) => tokenize(k).map((t) => t.lower)));
  for (const text of texts) {
    for (const token of tokenize(text)) {
      const term = termOf(token.lower);
      if (!term || !vocabulary.has(term) || token.lower.length < 3 || corpus.idf(term) < MIN_IDF) continue;
      if (token.lower.length <= SHORT_WORD && !named.has(token.lower)) continue;
      if (!/^[a-z]+$/.test(token.lower)) continue;
      for (const code of codes(token.lower)) {
        if (code.length < MIN_CODE_LENGTH) continue;
        const known = byCode.get(code);
        if (known === undefined) {
          byCode.set(code, term);
          lengthOf.set(code, token.lower.length);
        } else if (known !== term) {
          byCode.set(code, null);
        }
      }
    }
  }
  const clear = new Map<string, string>();
  for (const [code, term] of byCode) if (term !== null) clear.set(code, term);
  return { byCode: clear, lengthOf };
}

/**
 * The analysis with sound-alikes read as the terms they stand for: a word (or two in a row) the bank never uses,
 * sounding like one of the question's specific terms, becomes that term. Everything else is as analysed.
 */
export function resolveSoundAlikes(
  a: TextAnalysis,
  index: SoundIndex,
  vocabulary: ReadonlySet<string>,
  corpus: Corpus,
): TextAnalysis {
  if (index.byCode.size === 0 || a.terms.length === 0) return a;
  const outsider = (occurrence: TermOccurrence) =>
    occurrence.first === occurrence.last &&
    !vocabulary.has(occurrence.term) &&
    (!corpus.knows(occurrence.term) || corpus.idf(occurrence.term) >= RARE_IDF) &&
    /^[a-z]+$/.test(a.tokens[occurrence.first].lower);
  const terms: TermOccurrence[] = [];
  let changed = false;
  for (let i = 0; i < a.terms.length; i++) {
    const occurrence = a.terms[i];
    let replaced: TermOccurrence | null = null;
    for (let n = MAX_WORDS; n >= 1 && !replaced; n--) {
      const run = a.terms.slice(i, i + n);
      if (run.length < n) continue;
      // Next to each other in the text (no word between), none of them a word of this question.
      if (run.some((o, k) => k > 0 && o.first !== run[k - 1].last + 1)) continue;
      if (run.some((o) => o.first !== o.last || vocabulary.has(o.term))) continue;
      if (!run.some(outsider) || (n === 1 && !outsider(occurrence))) continue;
      const written = run.map((o) => a.tokens[o.first].lower).join('');
      if (written.length < 3) continue;
      for (const code of codes(written)) {
        const term = index.byCode.get(code);
        const length = index.lengthOf.get(code) ?? 0;
        if (term === undefined || Math.abs(written.length - length) > Math.max(2, Math.floor(length / 2))) continue;
        replaced = { term, first: run[0].first, last: run[n - 1].last };
        i += n - 1;
        break;
      }
    }
    if (replaced) changed = true;
    terms.push(replaced ?? occurrence);
  }
  if (!changed) return a;
  const termCounts = new Map<string, number>();
  for (const t of terms) termCounts.set(t.term, (termCounts.get(t.term) ?? 0) + 1);
  return { ...a, terms, termCounts };
}
