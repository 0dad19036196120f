/**
 * What the rubric engine precomputes once per question: each rubric point's distinctive terms and
 * their weights, the common mistakes as detectable patterns, the key terms, the seed follow-ups'
 * vocabularies and the question's own vocabulary.
 */
import type { Question } from '@mockroom/contracts';
import { termList, termSet, tokenize } from '../text/analyze';
import { NEGATORS, RUBRIC_META_STEMS } from '../text/lexicon';
import type { Corpus } from './corpus';
import { buildSoundIndex, type SoundIndex } from './sound-alike';
import { discountGiven, pointParts, type PointPart } from './point-parts';
import { pointFacet, type StoryFacet } from './story';
import { comparedPair, DOMAIN_OPPOSITES, partPoles, type PartPole } from './polar';
import type { WeightedTerm } from './weighted-term';

export type { WeightedTerm } from './weighted-term';

export interface PointModel {
  id: string;
  text: string;
  /** "Security" in "Security: sensitive operations must stay server-side". */
  label: string | null;
  terms: WeightedTerm[];
  /** Sum of all term weights. */
  total: number;
  /** The weight a window needs for full coverage (the top few terms' weight; see `requiredWeight`). */
  required: number;
  /** The point itself is phrased negatively ("without", "zero downtime"), so negations in the answer are no contradiction. */
  negative: boolean;
  termSet: Set<string>;
  /** A STAR part the point asks for, for behavioral rubrics ("Situation: ..."). */
  starPart: string | null;
  /** What a listener ticks off one by one: core, details, purpose, label (see point-parts.ts). */
  parts: PointPart[];
  /** For behavioural questions: the facet of a story the point asks for (see story.ts). */
  facet: StoryFacet | null;
  /** Per part: the sides of opposite pairs it is about ("asynchronously", "pessimistic", see polar.ts). */
  poles: PartPole[][];
}

export interface MistakeModel {
  text: string;
  /** `omission`: the mistake is leaving something out ("Not quantifying the impact"); `commission`: saying/doing something wrong. */
  kind: 'omission' | 'commission';
  terms: WeightedTerm[];
  total: number;
  required: number;
  termSet: Set<string>;
  /** Indexes of rubric points about the same thing (for omissions: missed points mean the mistake was made). */
  relatedPoints: number[];
  /**
   * What an answer making the mistake says, as parts (point-parts.ts): for a commission its core ("Duplicating validation
   * logic"); for an omission, what is left out, which an answer states by denying it ("Failing to follow up" is made by
   * "I did not follow up afterwards"; "Not grouping by user_id first" by "no need to group by user").
   */
  statement: PointPart[] | null;
  /** "Promising exactly-once delivery without explaining why it is hard": what is done ("promising exactly-once delivery")… */
  doing: { terms: WeightedTerm[]; total: number } | null;
  /** …and the rubric points about what is left out ("explaining why it is hard"): the mistake only while they are all missed. */
  unlessPoints: number[];
}

export interface KeyTermModel {
  text: string;
  /** Each alternative is a term sequence that must all occur close together ("change data capture" or "cdc"). */
  alternatives: string[][];
}

export interface SeedFollowUp {
  text: string;
  terms: Set<string>;
}

export interface QuestionModel {
  question: Question;
  points: PointModel[];
  mistakes: MistakeModel[];
  keyTerms: KeyTermModel[];
  seeds: SeedFollowUp[];
  /** Weighted terms of the question text (and context). */
  questionTerms: WeightedTerm[];
  /** Every term of the question, rubric and key terms: the on-topic vocabulary. */
  vocabulary: Set<string>;
  /** How the question's specific terms sound, to read a recogniser's sound-alikes as them. */
  sounds: SoundIndex;
  behavioral: boolean;
}

const OMISSION_START =
  /^(not|no|never|lack|lacking|ignoring|ignore|failing|fail|omitting|omit|forgetting|neglecting|overlooking|underestimating|missing|without|skipping|only|knowing only|being vague|vague|focusing solely|focusing only|providing a vague|designing only|using .* exclusively|treating|assuming|relying)\b/i;

/**
 * Full coverage needs the weight of the point's top terms: all of them for short points, about half
 * for long ones (a point listing six examples is covered by an answer that uses a few of them).
 */
export function requiredWeight(terms: readonly WeightedTerm[]): number {
  const sorted = terms.map((t) => t.weight).sort((a, b) => b - a);
  const n = sorted.length;
  const k = n <= 2 ? n : Math.min(n, 2 + Math.floor((n - 2) / 3));
  let sum = 0;
  for (let i = 0; i < k; i++) sum += sorted[i];
  return sum;
}

/** Terms of a rubric text with weights: IDF, halved for terms inside examples ("(e.g., ...)"). */
export function weightedTerms(text: string, corpus: Corpus, options: { dropMeta?: boolean } = {}): WeightedTerm[] {
  const { main, examples } = splitExamples(text);
  const out = new Map<string, number>();
  // Words written in capitals are names, not rubric wording ("EXPLAIN ANALYZE", "INCR"): never dropped.
  const named = new Set(termList((text.match(/\b[A-Z]{2,}\b/g) ?? []).join(' ')));
  const add = (part: string, factor: number) => {
    for (const term of termList(part)) {
      if (options.dropMeta && RUBRIC_META_STEMS.has(term) && !named.has(term)) continue;
      const w = corpus.idf(term) * factor;
      if ((out.get(term) ?? 0) < w) out.set(term, w);
    }
  };
  add(main, 1);
  add(examples, 0.5);
  // A point made only of meta words keeps them rather than becoming empty.
  if (out.size === 0 && options.dropMeta) return weightedTerms(text, corpus, { dropMeta: false });
  return [...out]
    .map(([term, weight]) => ({ term, weight }))
    .sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term));
}

/** Splits "Observability (logging, monitoring, tracing)" into its head and its examples. */
export function splitExamples(text: string): { main: string; examples: string } {
  const examples: string[] = [];
  let main = text.replace(/\(([^()]*)\)/g, (_, inner: string) => {
    examples.push(inner);
    return ' ';
  });
  const eg = main.match(/\b(?:e\.g\.?|for example|such as|including)[,:]?\s+(.*)$/i);
  if (eg && eg.index !== undefined) {
    examples.push(eg[1]);
    main = main.slice(0, eg.index);
  }
  return { main, examples: examples.join(', ') };
}

const STAR_LABELS = new Map([
  ['situation', 'situation'],
  ['context', 'situation'],
  ['task', 'task'],
  ['action', 'action'],
  ['actions', 'action'],
  ['result', 'result'],
  ['results', 'result'],
  ['outcome', 'result'],
  ['lesson', 'lesson'],
  ['lessons', 'lesson'],
  ['learning', 'lesson'],
  ['reflection', 'lesson'],
]);

function pointModel(id: string, text: string, corpus: Corpus): PointModel {
  const labelMatch = text.match(/^([^:]{2,40}):\s+(.+)$/);
  const label = labelMatch && labelMatch[1].trim().split(/\s+/).length <= 4 ? labelMatch[1].trim() : null;
  const terms = weightedTerms(text, corpus, { dropMeta: true });
  const total = terms.reduce((s, t) => s + t.weight, 0);
  const negative = tokenize(splitExamples(text).main).some((t) => NEGATORS.has(t.lower));
  const starPart = label ? (STAR_LABELS.get(label.toLowerCase()) ?? null) : null;
  return {
    id,
    text,
    label,
    terms,
    total,
    required: requiredWeight(terms),
    negative,
    termSet: new Set(terms.map((t) => t.term)),
    starPart,
    parts: pointParts(text, corpus),
    facet: null,
    poles: [],
  };
}

/** The words that make a mistake an omission ("Not …", "Failing to …"): what follows is what is left out. */
const OMISSION_LEAD =
  /^(?:not being able to|being unable to|not|never|no|failing to|failure to|forgetting(?: to| about)?|neglecting(?: to)?|ignoring|omitting|overlooking|skipping|missing|lacking|lack of|without|underestimating)\s+/i;

/** The rubric points sharing a quarter of a text's term weight. */
function relatedTo(terms: readonly WeightedTerm[], points: readonly PointModel[]): number[] {
  const total = terms.reduce((s, t) => s + t.weight, 0);
  const out: number[] = [];
  points.forEach((p, i) => {
    let shared = 0;
    for (const t of terms) if (p.termSet.has(t.term)) shared += t.weight;
    if (total > 0 && p.total > 0 && shared / Math.min(total, p.total) >= 0.25) out.push(i);
  });
  return out;
}

function mistakeModel(
  text: string,
  points: readonly PointModel[],
  corpus: Corpus,
  given: ReadonlySet<string>,
): MistakeModel {
  // The mistake itself, without its advice: "Duplicating validation logic; always validate on the server" -> the first part.
  const core = text.split(
    /;|\s[—–-]\s|,? leading to|,? which|,? resulting in|,? causing|\binstead of\b|\brather than\b|\bwhere\b|\bwhen\b|\bbecause\b/i,
  )[0];
  // "Moving to the next stage without monitoring long enough" is about leaving something out, too.
  const kind =
    OMISSION_START.test(core.trim()) || /\b(?:without|not|no|never|too little|enough)\b/i.test(core)
      ? 'omission'
      : 'commission';
  const terms = weightedTerms(core, corpus, { dropMeta: true });
  const total = terms.reduce((s, t) => s + t.weight, 0);
  const termSetOf = new Set(terms.map((t) => t.term));
  const relatedPoints = relatedTo(terms, points);
  const lead = OMISSION_LEAD.exec(core.trim());
  const statement = lead ? discountGiven(pointParts(core.trim().slice(lead[0].length), corpus), given) : null;
  // "Doing X without Y": X said while every point about Y is missed.
  const without = /^(.*?\S)\s+without\s+(.+)$/i.exec(core.trim());
  const doingTerms = without && !lead ? weightedTerms(without[1], corpus, { dropMeta: true }) : [];
  const doing =
    doingTerms.length >= 2 ? { terms: doingTerms, total: doingTerms.reduce((s, t) => s + t.weight, 0) } : null;
  const unlessPoints = without ? relatedTo(weightedTerms(without[2], corpus, { dropMeta: true }), points) : [];
  return {
    text,
    kind,
    terms,
    total,
    required: requiredWeight(terms),
    termSet: termSetOf,
    relatedPoints,
    statement,
    doing,
    unlessPoints,
  };
}

function keyTermModel(text: string): KeyTermModel {
  // "Change Data Capture (CDC)": the long form or the abbreviation.
  const alternatives: string[][] = [];
  const inner = [...text.matchAll(/\(([^()]+)\)/g)].map((m) => m[1]);
  const outer = text.replace(/\([^()]*\)/g, ' ');
  for (const part of [outer, ...inner]) {
    for (const piece of part.split(/\s*\/\s*|\s+or\s+/)) {
      const terms = termList(piece);
      if (terms.length > 0) alternatives.push(terms);
    }
  }
  return { text, alternatives };
}

export function buildQuestionModel(question: Question, corpus: Corpus): QuestionModel {
  const behavioral = question.category === 'behavioral';
  const given = termSet(question.text);
  const compared = comparedPair(question.text);
  const pairs = compared ? [...DOMAIN_OPPOSITES, compared] : DOMAIN_OPPOSITES;
  const points = question.rubric.map((p) => {
    const point = pointModel(p.id, p.text, corpus);
    const parts = discountGiven(point.parts, given);
    return {
      ...point,
      parts,
      facet: behavioral ? pointFacet(p.text) : null,
      poles: partPoles(p.text, parts, pairs, given),
    };
  });
  const mistakes = question.commonMistakes.map((m) => mistakeModel(m, points, corpus, given));
  const keyTerms = question.keyTerms.map(keyTermModel).filter((k) => k.alternatives.length > 0);
  const seeds = question.followUps.map((text) => ({ text, terms: termSet(text) }));
  const questionTerms = weightedTerms(`${question.text}\n${question.context ?? ''}`, corpus, { dropMeta: false });
  const vocabulary = new Set<string>();
  for (const t of questionTerms) vocabulary.add(t.term);
  for (const p of points) for (const t of p.terms) vocabulary.add(t.term);
  for (const k of keyTerms) for (const alt of k.alternatives) for (const t of alt) vocabulary.add(t);
  const sounds = buildSoundIndex(
    [question.text, ...question.rubric.map((p) => p.text), ...question.keyTerms],
    vocabulary,
    corpus,
    question.keyTerms,
  );
  return { question, points, mistakes, keyTerms, seeds, questionTerms, vocabulary, sounds, behavioral };
}
