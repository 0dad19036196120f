/**
 * Concerns waved away. A confidently wrong answer rarely denies a rubric point in the point's own words; it dismisses
 * the thing the point is about: "JWTs are not needed", "there is no need for Redis or locks", "partitions are so rare
 * that you can safely ignore them", "rate limiting is only for big companies", "rotation does not add much security".
 * Each such claim, made of one of the main terms of a rubric point and said without a scope, is read as saying the
 * opposite of that point. The question's own terms are left out: in "how do you version an API", "adding a field
 * doesn't need a new version" dismisses no concern of the rubric.
 *
 * A dismissal with a scope is a trade-off, not an error: "at this scale you don't need Kafka", "no need for a cache
 * until reads dominate", "for an internal prototype, HTTPS termination at the proxy is enough" — a condition, a stage
 * or a size in its sentence keeps it from counting. So does a warning ("a common mistake is thinking you don't need
 * …"), which the engine reads before this.
 */
import type { TextAnalysis } from '../text/analyze';
import { matchTokens, tokenText } from '../text/token-text';
import type { EvidenceSpan } from '../types';
import { evidenceSpan } from './coverage';
import { sentenceOf } from './part-match';
import type { PointModel } from './question-model';

export interface Dismissal {
  /** Index of the rubric point whose concern is waved away. */
  point: number;
  /** The term of the point that was dismissed. */
  term: string;
  /** The first word of the dismissing cue ("no" in "no need for Redis"). */
  at: number;
  evidence: EvidenceSpan;
}

const BE_NOT = "(?:is|are|was|were|be) not|isn't|aren't|wasn't|weren't";
const DO_NOT = "(?:do|does|did) not|don't|doesn't|didn't";

/** Cues whose object comes before them: "JWTs are not needed". */
const AFTER_OBJECT = new RegExp(
  [
    `\\b(?:${BE_NOT}) (?:really |even |strictly |actually )?(?:needed|necessary|required|important|a (?:real |big |major )?(?:concern|problem|issue|thing|risk)|worth (?:it|the (?:effort|cost|overhead|complexity)))\\b`,
    '\\b(?:is|are) not really a thing\\b',
    '\\b(?:is|are) (?:only|just|mainly|mostly) (?:for|needed (?:by|for)|relevant (?:for|to)|something for) (?:big|large|huge|enterprise|very large) (?:companies|teams|systems|apps|applications|organisations|organizations|sites|scale)\\b',
    '\\b(?:is|are) (?:totally |completely |just |simply )?(?:unnecessary|pointless|optional|overrated|a waste of time|nice to have|(?:mostly |largely )?(?:a )?(?:historical|theoretical|academic) (?:concern|thing|problem|issue))\\b',
    `\\b(?:${DO_NOT}) (?:really )?(?:add|matter|help|buy (?:you|us)) (?:much|anything|a lot)\\b`,
    '\\b(?:can|could) (?:safely |just )?be (?:ignored|skipped|dropped|left out)\\b',
    '\\b(?:are|is) so rare (?:that|in)\\b',
  ].join('|'),
);

/** Cues whose object comes after them: "no need for Redis", "you can safely ignore partitions". */
const BEFORE_OBJECT = new RegExp(
  [
    '\\bno (?:real )?need (?:for|to (?:use|add|worry about|think about|handle|bother with))\\b',
    `\\b(?:${DO_NOT}) (?:really |even )?need (?:to (?:use|add|worry about|think about|handle|bother with) )?\\b`,
    '\\b(?:can|could) (?:safely |simply |just )?(?:ignore|skip|drop)\\b',
    "\\b(?:not|never|don't|do not) (?:worry|bother) (?:about|with)\\b",
    '\\bforget about\\b',
  ].join('|'),
);

/** A scope in the sentence makes a dismissal a judgement of trade-offs, not a confident error. */
const SCOPED =
  /\b(?:at (?:this|our|that|a small|small|low|the current|current|an early) (?:scale|size|stage|volume|load|point)|for now|at first|initially|early on|yet|until|unless|if|when|whenever|as long as|in (?:this|that|our|most) cases?|for (?:this|a small|small|an internal|internal|a prototype|the mvp|an mvp|a simple|simple|most)|mvp|prototype|here|by itself|on its own|alone|only when|only if|depends|depending|trade ?off|instead|rather than|because (?:we|the|it) (?:already|use|have))\b/;

const CLAUSE_BREAK = new Set([
  'because',
  'since',
  'so',
  'but',
  'while',
  'which',
  'although',
  'whereas',
  'and',
  'then',
  'as',
]);

/** Tokens of a dismissal's object: this many words before or after its cue, within its sentence. */
const OBJECT_WINDOW = 6;

export function dismissedConcerns(
  a: TextAnalysis,
  points: readonly PointModel[],
  questionTerms: ReadonlySet<string> = new Set(),
): Dismissal[] {
  if (a.tokens.length === 0) return [];
  const tt = tokenText(a.tokens);
  const sentence = sentenceOf(a);
  const termsAt = new Map<number, string[]>();
  for (const occ of a.terms) {
    const list = termsAt.get(occ.first) ?? [];
    list.push(occ.term);
    termsAt.set(occ.first, list);
  }
  const sentenceText = (id: number) =>
    a.tokens
      .filter((_, i) => sentence[i] === id)
      .map((t) => t.lower)
      .join(' ');
  const out: Dismissal[] = [];
  const seen = new Set<number>();
  const consider = (first: number, last: number, step: 1 | -1) => {
    const id = sentence[first];
    if (SCOPED.test(sentenceText(id))) return;
    const start = step === 1 ? last + 1 : first - 1;
    for (let k = 0, i = start; k < OBJECT_WINDOW && i >= 0 && i < a.tokens.length; k++, i += step) {
      // The object ends where its clause does: "no need for a new version, because old clients…" is about versions.
      if (sentence[i] !== id || CLAUSE_BREAK.has(a.tokens[i].lower)) break;
      for (const term of termsAt.get(i) ?? []) {
        // The question's own subject is not a concern of one point ("a new field doesn't need a new version").
        if (questionTerms.has(term) || topical(points, term)) continue;
        const hit = mainPointOf(points, term);
        if (hit === null || seen.has(hit)) continue;
        seen.add(hit);
        out.push({
          point: hit,
          term,
          at: first,
          evidence: evidenceSpan(a, Math.min(first, i), Math.max(last, i), 6, 24),
        });
      }
    }
  };
  for (const m of matchTokens(tt, AFTER_OBJECT)) consider(m.first, m.last, -1);
  for (const m of matchTokens(tt, BEFORE_OBJECT)) consider(m.first, m.last, 1);
  return out;
}

/** A term of several of the rubric's points ("version" in a rubric on versioning) is its topic, not one concern. */
function topical(points: readonly PointModel[], term: string): boolean {
  const n = points.filter((p) => p.termSet.has(term)).length;
  return n >= 2 && n >= points.length * 0.4;
}

/** The rubric point a term is one of the main terms of (the best share of its weight), or null. */
function mainPointOf(points: readonly PointModel[], term: string): number | null {
  let best: number | null = null;
  let bestShare = 0;
  points.forEach((p, i) => {
    if (p.negative || !p.termSet.has(term)) return;
    const top = Math.max(...p.terms.map((t) => t.weight));
    const weight = p.terms.find((t) => t.term === term)?.weight ?? 0;
    const share = weight / top;
    if (share >= 0.6 && share > bestShare) {
      best = i;
      bestShare = share;
    }
  });
  return best;
}
