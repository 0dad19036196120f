/**
 * Finding where an answer covers a set of weighted terms (common mistakes): the window of the transcript (measured
 * in content terms) holding the most of their weight, whether words are negated ("we don't need a cache"), and how
 * sentence-like a stretch is (a list of key terms is not an explanation). Rubric points are matched part by part
 * (part-match.ts).
 */
import type { TextAnalysis, Token } from '../text/analyze';
import { NEGATORS } from '../text/lexicon';
import type { EvidenceSpan } from '../types';
import type { WeightedTerm } from './weighted-term';

export interface WindowMatch {
  /** Matched weight / required weight, capped at 1. */
  coverage: number;
  matchedWeight: number;
  matchedTerms: string[];
  /** Token range of the matched words (inclusive). */
  firstToken: number;
  lastToken: number;
  /** Sentence-likeness of the window, 0–1. */
  prose: number;
}

/** Whether the token at `index` is negated: a negator within 3 tokens before it, with only function words or fillers between. */
export function isNegated(tokens: readonly Token[], index: number): boolean {
  for (let k = index - 1; k >= Math.max(0, index - 4); k--) {
    const t = tokens[k];
    if (NEGATORS.has(t.lower)) {
      // "not only X" is not a negation of X.
      if (tokens[k + 1]?.lower === 'only') return false;
      return true;
    }
    if (!t.isFunction && !t.isFiller) return false;
  }
  return false;
}

/** Function-word ratio of tokens a..b (inclusive), fillers excluded. */
export function functionWordRatio(tokens: readonly Token[], a: number, b: number): number {
  let fn = 0;
  let n = 0;
  for (let i = Math.max(0, a); i <= Math.min(tokens.length - 1, b); i++) {
    const t = tokens[i];
    if (t.isFiller) continue;
    n++;
    if (t.isFunction) fn++;
  }
  return n === 0 ? 0 : fn / n;
}

/**
 * Sentence-likeness from the function-word ratio: lists of key terms are at 0–5% function words,
 * terse written notes at 10–20%, ordinary speech at 35–55%. Full marks from 20%.
 */
export function proseFromRatio(ratio: number): number {
  return Math.max(0, Math.min(1, (ratio - 0.03) / 0.17));
}

function windowProse(tokens: readonly Token[], first: number, last: number): number {
  // Judge at least 24 tokens around the match, so two adjacent key words are judged with their sentence.
  const span = last - first + 1;
  const pad = Math.max(0, Math.ceil((24 - span) / 2));
  return proseFromRatio(functionWordRatio(tokens, first - pad, last + pad));
}

/**
 * The best window for `terms` among the answer's content terms: the one holding the most distinct
 * term weight within `window` consecutive content terms (ties: the earliest).
 */
export function bestWindow(
  analysis: TextAnalysis,
  terms: readonly WeightedTerm[],
  required: number,
  window: number,
  include: (termIndex: number) => boolean = () => true,
): WindowMatch | null {
  const weights = new Map<string, number>();
  for (const t of terms) weights.set(t.term, t.weight);
  const occ: number[] = [];
  const seq = analysis.terms;
  for (let i = 0; i < seq.length; i++) if (weights.has(seq[i].term) && include(i)) occ.push(i);
  if (occ.length === 0 || required <= 0) return null;

  const counts = new Map<string, number>();
  let weight = 0;
  let left = 0;
  let best = { weight: -1, left: 0, right: 0 };
  for (let right = 0; right < occ.length; right++) {
    const term = seq[occ[right]].term;
    const c = counts.get(term) ?? 0;
    if (c === 0) weight += weights.get(term) as number;
    counts.set(term, c + 1);
    while (occ[right] - occ[left] >= window) {
      const lt = seq[occ[left]].term;
      const lc = (counts.get(lt) as number) - 1;
      counts.set(lt, lc);
      if (lc === 0) weight -= weights.get(lt) as number;
      left++;
    }
    if (weight > best.weight + 1e-9) best = { weight, left, right };
  }
  // Trim the window to the occurrences that contribute (first and last use of each matched term kept).
  const matched = new Set<string>();
  for (let i = best.left; i <= best.right; i++) matched.add(seq[occ[i]].term);
  const firstToken = seq[occ[best.left]].first;
  const lastToken = seq[occ[best.right]].last;
  return {
    coverage: Math.min(1, best.weight / required),
    matchedWeight: best.weight,
    matchedTerms: [...matched].sort(),
    firstToken,
    lastToken,
    prose: windowProse(analysis.tokens, firstToken, lastToken),
  };
}

const SENTENCE_BREAK = /[.!?;\n]/;

/**
 * The quoted span for tokens first..last: widened to at least ~10 words (stopping at sentence ends)
 * so the quote reads as a phrase, and never past 60 words.
 */
export function evidenceSpan(
  analysis: TextAnalysis,
  first: number,
  last: number,
  minWords = 10,
  maxWords = 60,
): EvidenceSpan {
  const { tokens, text } = analysis;
  let a = first;
  let b = Math.min(last, first + maxWords - 1);
  while (b - a + 1 < minWords) {
    const canLeft = a > 0 && !SENTENCE_BREAK.test(text.slice(tokens[a - 1].end, tokens[a].start));
    const canRight = b < tokens.length - 1 && !SENTENCE_BREAK.test(text.slice(tokens[b].end, tokens[b + 1].start));
    if (!canLeft && !canRight) break;
    if (canRight) b++;
    if (b - a + 1 < minWords && canLeft) a--;
  }
  const start = tokens[a].start;
  const end = tokens[b].end;
  return { quote: text.slice(start, end), start, end };
}
