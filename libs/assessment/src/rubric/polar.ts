/**
 * Opposites. A rubric point often turns on one word of a pair the domain knows ("send the request *asynchronously*",
 * "*pessimistic* locking locks the row on read", "exactly-once delivery is *hard*", "the server stays *stateless*") or on
 * one of the two things its question compares ("REST and GraphQL"). An answer that says the point's other words of the
 * opposite ("I would send the request synchronously", "optimistic locking locks the row as soon as you read it",
 * "exactly-once is easy", "REST returns exactly the fields the client needs") has not made the point: it has said the
 * opposite of it, as a denial does.
 *
 * Each token of an answer gets the side of the pair it is said of: the side named nearest to it in its clause (a clause
 * ends at punctuation, at a pause of a spoken answer and at a turn: "because", "so", "while", "but" …). A clause that
 * names neither side is said of neither: in speech without punctuation the subject of a sentence is no safe guess (a
 * misheard "client" left "optimistic updates on supply" after a clause about the server). A side named under a denial
 * ("rather than synchronously", "not async") or as the thing contrasted ("unlike REST", "than GraphQL") names nothing.
 */
import type { TextAnalysis } from '../text/analyze';
import { termList, tokenize } from '../text/analyze';
import { NEGATORS } from '../text/lexicon';
import { matchTokens, tokenText } from '../text/token-text';
import { polarity } from './negation';
import { matchParts, sentenceOf, type PartMatch } from './part-match';
import type { PointPart } from './point-parts';

/** Two opposite sides, each a pattern over the lower-case words of a text joined by single spaces. */
export interface PolarPair {
  sides: [RegExp, RegExp];
}

const pair = (a: string, b: string): PolarPair => ({
  sides: [new RegExp(`\\b(?:${a})\\b`), new RegExp(`\\b(?:${b})\\b`)],
});

/** Opposites of the domain: a point that says one of them is contradicted by its words said of the other. */
export const DOMAIN_OPPOSITES: readonly PolarPair[] = [
  // Not "sync" alone: "CDC sync", "keep in sync" are about copying data, not about waiting.
  pair('synchronous|synchronously', 'asynchronous|asynchronously|async|non blocking|nonblocking'),
  pair('optimistic|optimistically', 'pessimistic|pessimistically'),
  pair('stateless', 'stateful'),
  pair('encrypt|encrypts|encrypted|encrypting|encryption', 'signed(?! (?:in|up|out|off))|signing|signature|signatures'),
  pair('encrypt|encrypts|encrypted|encrypting|encryption', 'hash|hashes|hashed|hashing'),
  pair('horizontal|horizontally', 'vertical|vertically'),
  // How tasks run, not what they are: "concurrent requests" and "sequential IDs" name things.
  pair(
    'in sequence|one after (?:another|the other)|one at a time|sequentially|serially',
    'concurrently|in parallel|at the same time|simultaneously',
  ),
  pair('easy|easier|trivial|straightforward', 'hard|harder|difficult|tricky|impossible'),
  pair('strongly consistent|strong consistency|linearizable', 'eventually consistent|eventual consistency'),
  pair('monolith|monoliths|monolithic', 'microservice|microservices'),
  pair('mutable', 'immutable'),
  pair('symmetric', 'asymmetric'),
  pair('public key|public keys', 'private key|private keys'),
  pair('cpu bound|cpu heavy|cpu intensive|compute bound|compute heavy', 'i o bound|io bound|i o heavy'),
  pair('single threaded', 'multi threaded|multithreaded'),
  pair('lazy|lazily', 'eager|eagerly'),
  pair('tightly coupled|tight coupling', 'loosely coupled|loose coupling'),
];

const COMPARED =
  /\b(?:between|compare|comparing|contrast)\s+(?:the\s+)?([a-z][\w-]*)\s+(?:and|with|to|vs\.?|versus)\s+(?:the\s+)?([a-z][\w-]*)|\b([a-z][\w-]*)\s+(?:vs\.?|versus)\s+(?:the\s+)?([a-z][\w-]*)/i;

/** The two things a question compares ("the difference between REST and GraphQL", "the client vs. the server"), if any. */
export function comparedPair(questionText: string): PolarPair | null {
  const m = COMPARED.exec(questionText);
  if (!m) return null;
  const [x, y] = (m[1] ? [m[1], m[2]] : [m[3], m[4]]).map((w) => w.toLowerCase());
  // Both must be words of substance, and different ones ("synchronous and asynchronous" is a domain pair already).
  if (termList(x).length !== 1 || termList(y).length !== 1 || termList(x)[0] === termList(y)[0]) return null;
  // Opposites the domain knows already ("optimistic and pessimistic") are that pair.
  if (DOMAIN_OPPOSITES.some((p) => sideOf(x, p) !== null && sideOf(y, p) !== null)) return null;
  const forms = (w: string) => `${w.replace(/[^a-z0-9]/g, '')}(?:s|ful|ic|ally|ly)?`;
  return pair(forms(x), forms(y));
}

/** Which side of a pair a text takes (0 or 1, and the words that say it), or null when it names neither or both. */
export function sideOf(text: string, p: PolarPair): { side: 0 | 1; words: string } | null {
  const joined = tokenText(tokenize(text)).joined;
  const a = p.sides[0].exec(joined);
  const b = p.sides[1].exec(joined);
  if ((a === null) === (b === null)) return null;
  return a ? { side: 0, words: a[0] } : { side: 1, words: (b as RegExpExecArray)[0] };
}

/** Words after which a side is the thing contrasted, not the one talked about. */
const CONTRAST_BEFORE = new Set(['unlike', 'than', 'vs', 'versus', 'over', 'compared']);
/** Words that start a new clause (besides punctuation). */
const CLAUSE_STARTS = new Set([
  'while',
  'whereas',
  'but',
  'unlike',
  'although',
  'though',
  'because',
  'since',
  'so',
  'which',
  'if',
  'when',
  'unless',
  'until',
  'then',
  'yet',
]);
const CLAUSE_BREAK = /[,.;:!?()[\]—–]/;

interface Sides {
  /** The side each token is said of: 0 or 1, -1 for neither. */
  of: Int8Array;
  /** Where each side is named. */
  named: { first: number; last: number; side: 0 | 1 }[];
}

const cache = new WeakMap<TextAnalysis, Map<PolarPair, Sides>>();

/** The side each token of an answer is said of, and where the sides are named. Computed once per answer and pair. */
export function sidesOf(a: TextAnalysis, p: PolarPair): Sides {
  let perPair = cache.get(a);
  if (!perPair) {
    perPair = new Map();
    cache.set(a, perPair);
  }
  const hit = perPair.get(p);
  if (hit) return hit;
  const { tokens, text } = a;
  const n = tokens.length;
  const out = new Int8Array(n).fill(-1);
  const tt = tokenText(tokens);
  const { deniedBy } = polarity(a);
  const named: { first: number; last: number; side: 0 | 1 }[] = [];
  for (const side of [0, 1] as const) {
    for (const m of matchTokens(tt, p.sides[side])) {
      if (deniedBy[m.first] >= 0) continue;
      const before = [tokens[m.first - 1]?.lower, tokens[m.first - 2]?.lower];
      if (before.some((w) => w !== undefined && CONTRAST_BEFORE.has(w))) continue;
      named.push({ ...m, side });
    }
  }
  if (named.length === 0) {
    const none = { of: out, named };
    perPair.set(p, none);
    return none;
  }
  named.sort((x, y) => x.first - y.first);
  const sentence = sentenceOf(a);
  const clause = new Int32Array(n);
  let id = 0;
  for (let i = 1; i < n; i++) {
    const gap = text.slice(tokens[i - 1].end, tokens[i].start);
    if (
      CLAUSE_BREAK.test(gap) ||
      CLAUSE_STARTS.has(tokens[i].lower) ||
      a.pauses?.has(tokens[i].start) === true ||
      sentence[i] !== sentence[i - 1]
    )
      id++;
    clause[i] = id;
  }
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bestDistance = Infinity;
    for (const m of named) {
      if (clause[m.first] !== clause[i] && clause[m.last] !== clause[i]) continue;
      const distance = i < m.first ? m.first - i : i > m.last ? i - m.last : 0;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = m.side;
      }
    }
    out[i] = best;
  }
  const sides = { of: out, named };
  perPair.set(p, sides);
  return sides;
}

/** A side of a pair a rubric part is about, and its own terms for it ("asynchron" in "send … asynchronously"). */
export interface PartPole {
  pair: PolarPair;
  side: 0 | 1;
  terms: string[];
}

/**
 * The sides each part of a point is about: the side its own words name, or else the side the whole point names ("locks
 * the row on read" of "Pessimistic locking: …"). A point naming both sides leaves its parts to their own words.
 */
export function partPoles(
  pointText: string,
  parts: readonly PointPart[],
  pairs: readonly PolarPair[],
  given: ReadonlySet<string> = new Set(),
): PartPole[][] {
  return parts.map((part) => {
    const poles: PartPole[] = [];
    // A part that is itself a negation ("no lock on read") is not contradicted by the other side doing it.
    if (tokenize(part.text).some((t) => NEGATORS.has(t.lower))) return poles;
    for (const p of pairs) {
      const own = sideOf(part.text, p);
      const pole = own ?? sideOf(pointText, p);
      // The question's own words for a side ("microservices" of "what are microservices?") name the subject a part
      // defines, not a property it states: the other side described in the same words is a contrast, not a contradiction.
      const terms = own ? termList(own.words).filter((t) => !given.has(t)) : [];
      if (pole) poles.push({ pair: p, side: pole.side, terms });
    }
    return poles;
  });
}

/** Tokens said of the side opposite to a part's (null when none is). */
export function oppositeTokens(a: TextAnalysis, poles: readonly PartPole[]): Uint8Array | null {
  let out: Uint8Array | null = null;
  for (const pole of poles) {
    const { of } = sidesOf(a, pole.pair);
    for (let i = 0; i < of.length; i++) {
      if (of[i] !== 1 - pole.side) continue;
      out ??= new Uint8Array(of.length);
      out[i] = 1;
    }
  }
  return out;
}

/**
 * Tokens that say a part of the opposite side against what the part says: of the other side of one of its pairs, and,
 * for a part about two pairs ("synchronous: tasks run in sequence"), of its own side of the other ("synchronous code
 * runs tasks at the same time"). Said of the other side of both ("asynchronous code runs tasks at the same time"), it
 * is about the other thing, and consistent with the part.
 */
function contradictingTokens(a: TextAnalysis, poles: readonly PartPole[]): Uint8Array | null {
  const sides = poles.map((pole) => sidesOf(a, pole.pair).of);
  let out: Uint8Array | null = null;
  for (let i = 0; i < a.tokens.length; i++) {
    let opposite = false;
    let own = false;
    poles.forEach((pole, k) => {
      if (sides[k][i] === 1 - pole.side) opposite = true;
      else if (sides[k][i] === pole.side) own = true;
    });
    if (!opposite || (poles.length > 1 && !own)) continue;
    out ??= new Uint8Array(a.tokens.length);
    out[i] = 1;
  }
  return out;
}

/** A part counts as said of the opposite side when at least this much of it is… */
export const OPPOSITE_AT = 0.7;
/** …and it is said of its own side at least this much less well. */
export const OPPOSITE_MARGIN = 0.25;

/**
 * The part of a point an answer says of the opposite side ("I would send the request synchronously" for "send the
 * request to the server asynchronously"): its words in clauses about the other side, the other side's word standing in
 * for the part's own ("synchronously" for "asynchronously"), and not said of its own side as well. Labels do not count.
 */
export function oppositePart(
  a: TextAnalysis,
  parts: readonly PointPart[],
  poles: readonly PartPole[][],
): PartMatch | null {
  const { negated } = polarity(a);
  let best: PartMatch | null = null;
  parts.forEach((part, i) => {
    // What a point states is its core and the parts of equal weight: a detail or a purpose said of the other side is
    // more often a contrast drawn than a claim made.
    if ((part.role !== 'core' && part.role !== 'also') || poles[i].length === 0) return;
    const opposite = contradictingTokens(a, poles[i]);
    if (!opposite) return;
    // The other side's words read as the part's own word for its side.
    const rename = new Map<number, string>();
    for (const pole of poles[i]) {
      if (pole.terms.length === 0) continue;
      for (const m of sidesOf(a, pole.pair).named) if (m.side !== pole.side) rename.set(m.first, pole.terms[0]);
    }
    const terms = rename.size
      ? a.terms.map((t) => {
          for (let k = t.first; k <= t.last; k++) {
            const term = rename.get(k);
            if (term) return { ...t, term };
          }
          return t;
        })
      : a.terms;
    const renamed: TextAnalysis = rename.size ? { ...a, terms } : a;
    const against = matchParts(renamed, [part], (t) => opposite[terms[t].first] === 1 && negated[terms[t].first] === 0);
    const m = against?.parts[0];
    if (!m || m.coverage < OPPOSITE_AT) return;
    // Two of the part's words at least, one of them beyond the side's own: one shared word ("process") is no claim.
    const own = new Set(poles[i].flatMap((pole) => pole.terms));
    const said = new Set<string>();
    for (const t of terms)
      if (
        t.first >= m.first &&
        t.last <= m.last &&
        part.alternatives.some((alt) => alt.terms.some((x) => x.term === t.term))
      )
        said.add(t.term);
    if (said.size < 2 || [...said].every((t) => own.has(t))) return;
    const plain = matchParts(a, [part], (t) => {
      const k = a.terms[t].first;
      const sides = poles[i].map((pole) => sidesOf(a, pole.pair).of[k]);
      return (
        negated[k] === 0 &&
        poles[i].some((pole, n) => sides[n] === pole.side) &&
        !poles[i].some((pole, n) => sides[n] === 1 - pole.side)
      );
    });
    if ((plain?.parts[0]?.coverage ?? 0) > m.coverage - OPPOSITE_MARGIN) return;
    if (!best || m.coverage > best.coverage) best = m;
  });
  return best;
}
