/**
 * Finding a rubric point's parts in an answer. A part's words must stand close together (a few words apart, in any
 * order: "token interception" and "intercept the token"); a part is also met by one of its examples ("Redis" for a
 * session store), fully when said next to the part's own words. The point's confidence is the weighted coverage of
 * its parts; its evidence is the words that met them, so a quote never stands for a point it does not support.
 */
import type { TextAnalysis } from '../text/analyze';
import { termOf } from '../text/analyze';
import { NEGATORS, PROBLEM_WORDS } from '../text/lexicon';
import type { EvidenceSpan } from '../types';
import { functionWordRatio, proseFromRatio } from './coverage';
import { polarity } from './negation';
import type { PartAlternative, PointPart } from './point-parts';

/** Where one part was met: its coverage (0–1) and the tokens that met it. */
export interface PartMatch {
  part: PointPart;
  coverage: number;
  first: number;
  last: number;
}

export interface PointPartsMatch {
  /** 0–1, before the prose factor. */
  coverage: number;
  parts: (PartMatch | null)[];
  /** Token range of the evidence (the best-met parts, next to each other), or null when nothing was met. */
  first: number;
  last: number;
  /** Sentence-likeness around the evidence, 0–1. */
  prose: number;
}

/** How many tokens a part of n terms may spread over. */
function maxSpan(n: number): number {
  return n <= 1 ? 1 : n === 2 ? 5 : 2 * n + 3;
}

/** The share of a part's weight that meets it fully: all of a short part, most of a long one. */
function fullAt(n: number): number {
  return n <= 2 ? 1 : n === 3 ? 0.7 : 0.6;
}

/** Tokens within which an example counts as said about the part (fully), rather than only named (partly). */
const EXAMPLE_NEAR_TOKENS = 10;
/** An example named away from the part's own words: it shows the idea, not yet the point. */
const EXAMPLE_ALONE = 0.6;
/** Parts of the point's evidence further apart than this are quoted on their own. */
const EVIDENCE_JOIN_TOKENS = 30;

/** Other content words a part's words may have between them: none for a two-word part ("fail open", not "fails, the user can open"). */
function foreignAllowed(n: number): number {
  return n <= 2 ? 0 : n - 1;
}

const SENTENCE_END = /[.!?;]/;
/** Abbreviations whose full stop does not end a sentence. */
const NOT_AN_END = new Set(['e.g', 'i.e', 'eg', 'ie', 'vs', 'etc', 'approx', 'mr', 'ms', 'dr', 'no']);
const sentenceCache = new WeakMap<TextAnalysis, Int32Array>();

/**
 * The sentence each token is in (0, 1, …), from the written punctuation: a part is said within one sentence, not by
 * the last word of one and the first of the next. Speech recognised without punctuation is one sentence.
 */
export function sentenceOf(a: TextAnalysis): Int32Array {
  const cached = sentenceCache.get(a);
  if (cached) return cached;
  const { tokens, text } = a;
  const gapBefore = (i: number) => (i === 0 ? '\n' : text.slice(tokens[i - 1].end, tokens[i].start));
  // "1. Can't hire…" on a line of its own numbers an item: its full stop does not end it, the item starts a sentence.
  const listMarker = (i: number) =>
    i < tokens.length - 1 &&
    /^\d{1,2}$/.test(tokens[i].lower) &&
    gapBefore(i).includes('\n') &&
    /^[.)]/.test(gapBefore(i + 1));
  const ids = new Int32Array(tokens.length);
  let id = 0;
  for (let i = 1; i < tokens.length; i++) {
    const gap = gapBefore(i);
    if (listMarker(i) || (SENTENCE_END.test(gap) && !NOT_AN_END.has(tokens[i - 1].lower) && !listMarker(i - 1))) id++;
    ids[i] = id;
  }
  sentenceCache.set(a, ids);
  return ids;
}

/** The best span of one alternative: most distinct weight within its span limit (ties: the tighter, then the earlier). */
function matchAlternative(
  a: TextAnalysis,
  alt: PartAlternative,
  include: (termIndex: number) => boolean,
): { coverage: number; first: number; last: number } | null {
  const weights = new Map(alt.terms.map((t) => [t.term, t.weight]));
  const sentence = sentenceOf(a);
  const occ: number[] = [];
  for (let i = 0; i < a.terms.length; i++) if (weights.has(a.terms[i].term) && include(i)) occ.push(i);
  if (occ.length === 0 || alt.total <= 0) return null;
  const limit = maxSpan(alt.terms.length);
  const foreignLimit = foreignAllowed(alt.terms.length);
  let best = { weight: -1, span: Infinity, first: 0, last: 0 };
  for (let l = 0; l < occ.length; l++) {
    const seen = new Set<string>();
    let weight = 0;
    const first = a.terms[occ[l]].first;
    for (let r = l; r < occ.length; r++) {
      const occurrence = a.terms[occ[r]];
      const span = occurrence.last - first + 1;
      if (span > limit && r > l) break;
      if (sentence[occurrence.first] !== sentence[first]) break;
      // Content words between that are not the part's: past the limit, these are two separate mentions.
      if (r > l && occ[r] - occ[l] - (r - l) > foreignLimit) break;
      if (!seen.has(occurrence.term)) {
        seen.add(occurrence.term);
        weight += weights.get(occurrence.term) as number;
      }
      if (weight > best.weight + 1e-9 || (Math.abs(weight - best.weight) <= 1e-9 && span < best.span))
        best = { weight, span, first, last: occurrence.last };
    }
  }
  const share = best.weight / alt.total;
  // One word of a two-word part ("open" of "fail open") is a word that happens to be there, not the part.
  const lone = alt.terms.length === 2 && share < 1 - 1e-9;
  return {
    coverage: lone ? share / 2 : Math.min(1, share / fullAt(alt.terms.length)),
    first: best.first,
    last: best.last,
  };
}

function matchPart(a: TextAnalysis, part: PointPart, include: (termIndex: number) => boolean): PartMatch | null {
  let best: PartMatch | null = null;
  for (const alt of part.alternatives) {
    const m = matchAlternative(a, alt, include);
    if (m && (!best || m.coverage > best.coverage + 1e-9)) best = { part, ...m };
  }
  if (best && best.coverage >= 1) return best;
  const ownTerms = new Set(part.alternatives.flatMap((alt) => alt.terms.map((t) => t.term)));
  for (const example of part.examples) {
    const m = matchAlternative(a, example, include);
    if (!m || m.coverage < 1) continue;
    // Said next to the part's own words ("sessions live in Redis"), or named on its own.
    let near = false;
    for (const t of a.terms) {
      if (
        ownTerms.has(t.term) &&
        Math.min(Math.abs(t.first - m.last), Math.abs(m.first - t.last)) <= EXAMPLE_NEAR_TOKENS
      ) {
        near = true;
        break;
      }
    }
    const coverage = near ? 1 : EXAMPLE_ALONE;
    if (!best || coverage > best.coverage + 1e-9) best = { part, coverage, first: m.first, last: m.last };
  }
  return best;
}

/**
 * The point's coverage from its parts. Its core and the parts of equal weight after it form one list, met when about
 * half of it is ("fail open vs. fail closed": either one; a list of four: two); details, purposes and the label add
 * their share on top.
 */
function combine(parts: readonly PointPart[], matches: readonly (PartMatch | null)[]): number {
  let listCovered = 0;
  let listSize = 0;
  let extraWeight = 0;
  let extraCovered = 0;
  parts.forEach((part, i) => {
    const coverage = matches[i]?.coverage ?? 0;
    if (part.role === 'core' || part.role === 'also') {
      listSize++;
      listCovered += coverage;
    } else {
      extraWeight += part.weight;
      extraCovered += part.weight * coverage;
    }
  });
  const need = listSize <= 2 ? 1 : Math.ceil(listSize / 2);
  const list = listSize ? Math.min(1, listCovered / need) : 0;
  return (list + extraCovered) / (1 + extraWeight);
}

function windowProse(a: TextAnalysis, first: number, last: number): number {
  const pad = Math.max(0, Math.ceil((24 - (last - first + 1)) / 2));
  return proseFromRatio(functionWordRatio(a.tokens, first - pad, last + pad));
}

export function matchParts(
  a: TextAnalysis,
  parts: readonly PointPart[],
  include: (termIndex: number, partIndex: number) => boolean = () => true,
): PointPartsMatch | null {
  const matches = parts.map((part, p) => matchPart(a, part, (t) => include(t, p)));
  const coverage = combine(parts, matches);
  const met = matches.filter((m): m is PartMatch => m !== null && m.coverage >= 0.5);
  const candidates = met.length ? met : matches.filter((m): m is PartMatch => m !== null);
  if (candidates.length === 0) return null;
  // The evidence is anchored on the best-met part of the point's list, and takes in the other met parts next to it.
  const anchor = [...candidates].sort((x, y) => anchorRank(y) - anchorRank(x) || x.first - y.first)[0];
  let first = anchor.first;
  let last = anchor.last;
  for (const m of candidates) {
    if (m === anchor) continue;
    if (m.first - last <= EVIDENCE_JOIN_TOKENS && first - m.last <= EVIDENCE_JOIN_TOKENS) {
      first = Math.min(first, m.first);
      last = Math.max(last, m.last);
    }
  }
  return { coverage, parts: matches, first, last, prose: windowProse(a, first, last) };
}

function anchorRank(m: PartMatch): number {
  const roleRank =
    m.part.role === 'core'
      ? 3
      : m.part.role === 'also'
        ? 2.5
        : m.part.role === 'detail'
          ? 1
          : m.part.role === 'purpose'
            ? 0.5
            : 0;
  return m.coverage * 10 + roleRank;
}

/**
 * The positive match of a point's parts, and the denied one ("there is no need for a session store", "sorting is not
 * necessary": see negation.ts). Words after any negator are kept out of the positive match.
 */
export function matchPointParts(
  a: TextAnalysis,
  parts: readonly PointPart[],
  pointIsNegative: boolean,
  opposite: readonly (Uint8Array | null)[] = [],
): { positive: PointPartsMatch | null; negative: PointPartsMatch | null } {
  // Words said of the opposite of what a part is about (polar.ts) are not that part said.
  const ownSide = (t: number, p: number) => opposite[p]?.[a.terms[t].first] !== 1;
  if (pointIsNegative) return { positive: matchParts(a, parts, ownSide), negative: null };
  const { negated, deniedBy } = polarity(a);
  const denied = a.terms.map((t) => deniedBy[t.first] >= 0);
  return {
    positive: matchParts(a, parts, (i, p) => negated[a.terms[i].first] === 0 && ownSide(i, p)),
    negative: denied.some(Boolean) ? matchParts(a, parts, (i) => denied[i]) : null,
  };
}

/**
 * The part of a point the answer denies: said under a denial (at least `DENIED_AT` of it) and not said plainly (its
 * plain coverage at least `DENIAL_MARGIN` lower). Labels do not count: "Security" denied is not the point denied. A part
 * about a problem counts only when the problem is dismissed, not when it is said not to happen.
 */
export function deniedPart(
  a: TextAnalysis,
  match: { positive: PointPartsMatch | null; negative: PointPartsMatch | null },
): PartMatch | null {
  const { positive, negative } = match;
  if (!negative) return null;
  const { dismissed } = polarity(a);
  let best: PartMatch | null = null;
  negative.parts.forEach((m, i) => {
    // A label is not the point ("Security" denied), unless it names what the question asks for: "there are no real
    // downsides" to "what are the downsides?".
    if (!m || (m.part.role === 'label' && !m.part.given) || m.coverage < DENIED_AT) return;
    // "There is no race condition" agrees with a point about preventing it; "stampedes are not a concern" does not.
    if (namesAProblem(m.part) && !dismissed[m.first] && !dismissed[m.last]) return;
    const plain = positive?.parts[i]?.coverage ?? 0;
    if (plain > m.coverage - DENIAL_MARGIN) return;
    if (!best || m.coverage > best.coverage) best = m;
  });
  return best;
}

const PROBLEM_TERMS = new Set(PROBLEM_WORDS.map((w) => termOf(w)).filter((t): t is string => t !== null));

/** A part about a problem ("the race condition", "to prevent token interception"): denying the problem agrees with it. */
function namesAProblem(part: PointPart): boolean {
  return part.alternatives.some((alt) => {
    const problem = alt.terms.filter((t) => PROBLEM_TERMS.has(t.term)).reduce((s, t) => s + t.weight, 0);
    return problem >= 0.4 * alt.total;
  });
}

/** A part counts as denied when its words are said under a denial at least this well… */
export const DENIED_AT = 0.7;
/** …and said plainly at least this much less well. */
export const DENIAL_MARGIN = 0.25;

const CLAUSE_BREAK = /[.!?;:,\n]/;
/** At most this many words are added on either side to reach the clause's edges. */
const WIDEN_LEFT = 6;
const WIDEN_RIGHT = 8;

/**
 * The quote for a match: the met words, widened to the clause they stand in (to its commas and full stops, a few
 * words each way at most), without a dangling "and" or "the" at its ends.
 */
export function partsEvidence(a: TextAnalysis, match: PointPartsMatch): EvidenceSpan {
  const { tokens, text } = a;
  const breakBefore = (i: number) => i <= 0 || CLAUSE_BREAK.test(text.slice(tokens[i - 1].end, tokens[i].start));
  const breakAfter = (i: number) =>
    i >= tokens.length - 1 || CLAUSE_BREAK.test(text.slice(tokens[i].end, tokens[i + 1].start));
  let first = match.first;
  let last = Math.min(match.last, first + 44);
  for (let k = 0; k < WIDEN_LEFT && !breakBefore(first); k++) first--;
  for (let k = 0; k < WIDEN_RIGHT && !breakAfter(last); k++) last++;
  // No clause edge within reach (speech has no punctuation, so the next sentence may be a word away): the small words
  // leading in ("we do not need …") and a couple of words after, without ending on a small word.
  if (!breakBefore(first)) {
    first = match.first;
    while (
      first > 0 &&
      match.first - first < 4 &&
      (tokens[first - 1].isFunction || tokens[first - 1].isFiller || NEGATORS.has(tokens[first - 1].lower))
    )
      first--;
  }
  if (!breakAfter(last)) {
    last = Math.min(tokens.length - 1, match.last + 2);
    while (last > match.last && (tokens[last].isFunction || tokens[last].isFiller)) last--;
  }
  while (
    first < match.first &&
    (tokens[first].isFiller || ['and', 'but', 'or', 'so', 'then'].includes(tokens[first].lower))
  )
    first++;
  return {
    quote: text.slice(tokens[first].start, tokens[last].end),
    start: tokens[first].start,
    end: tokens[last].end,
  };
}
