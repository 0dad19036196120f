/**
 * The offline rubric engine: deterministic, transparent, no network. See README.md for the formulas
 * in words; the constants below are the whole calibration.
 */
import type { Level, Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { speechAnalytics } from '../analytics/speech-analytics';
import { analyze, stemSet, type TextAnalysis } from '../text/analyze';
import {
  CONNECTIVES,
  EXAMPLE_PHRASES,
  GENERIC_PHRASES,
  NEGATORS,
  NUMBER_WORDS,
  ORDERING_WORDS,
  TRADEOFF_WORDS,
  WARNING_WORDS,
} from '../text/lexicon';
import { matchTokens, tokenText } from '../text/token-text';
import type {
  Assessment,
  AssessmentEngine,
  AssessmentInput,
  AssessOptions,
  EvidenceSpan,
  FollowUp,
  RubricPointJudgement,
  Scores,
  SpeechAnalytics,
  StarAnalysis,
  TimedSegment,
} from '../types';
import { Corpus } from './corpus';
import { bestWindow, evidenceSpan, functionWordRatio, proseFromRatio } from './coverage';
import {
  deniedPart,
  matchParts,
  sentenceOf,
  matchPointParts,
  partsEvidence,
  type PartMatch,
  type PointPartsMatch,
} from './part-match';
import { polarity } from './negation';
import { oppositePart, oppositeTokens, sidesOf, type PartPole } from './polar';
import {
  completionSentence,
  followUpForPartOfPoint,
  followUpForPoint,
  gapSentence,
  joinList,
  partialGapSentence,
  partPhrase,
  shortQuote,
  startHint,
  strengthSentence,
  tidy,
} from './phrasing';
import { buildQuestionModel, type MistakeModel, type PointModel, type QuestionModel } from './question-model';
import { analyzeStar, starCount } from './star';
import { resolveSoundAlikes } from './sound-alike';
import { dismissedConcerns } from './dismissals';
import { storyRedFlags } from './red-flags';
import { analyzeStory } from './story';

/** Weights of the overall score (a weighted mean of the four). */
export const OVERALL_WEIGHTS = { relevance: 0.2, depth: 0.3, clarity: 0.2, correctness: 0.3 } as const;

/** The calibration, in one place (README.md explains each). */
export const CALIBRATION = {
  /** A point is covered at this confidence. */
  coveredAt: 0.5,
  /** Confidence at which a point earns full credit in depth and correctness. */
  fullCreditAt: 0.85,
  /** A point's confidence is coverage × (listFloor + (1 − listFloor) × prose): named in a list of terms it gets at most this much. */
  listFloor: 0.2,
  /** Cosine similarity with the question's profile that counts as fully on topic. */
  fullRelevanceSimilarity: 0.3,
  /** Words for full marks on length in clarity. */
  fullLengthWords: 60,
  /** Filler share of words tolerated before clarity drops, and how steeply it drops. */
  fillerTolerance: 0.02,
  fillerSlope: 3,
  fillerMaxPenalty: 0.6,
  /** Comfortable speaking pace, words per minute. */
  paceRange: [100, 185] as const,
  /** Penalties on correctness per detected mistake. */
  commissionPenalty: 1.5,
  omissionPenalty: 0.5,
  contradictionPenalty: 1.0,
  maxMistakePenalty: 4,
  /** The overall is the weighted mean × (coverageFloor + (1 − coverageFloor) × min(1, coverage credit / coverageFull)). */
  coverageFloor: 0.35,
  coverageFull: 0.6,
  /**
   * Vagueness = generic phrases / (generic phrases + vagueSpecificWeight × specifics); from vagueFrom it takes the overall
   * down, by up to vagueMaxCut at vagueFrom + vagueSpan.
   */
  vagueSpecificWeight: 0.5,
  vagueFrom: 0.3,
  vagueSpan: 0.3,
  vagueMaxCut: 0.6,
  /** A term the bank knows with at least this IDF is a specific (a name, a mechanism), not an everyday word. */
  specificIdf: 2.5,
  /** What the first, second and third error the answer makes (a mistake or a denied point, quoted) take off the overall. */
  overallErrorPenalty: [2.5, 2, 1.5] as readonly number[],
};

const TRADEOFF_STEMS = stemSet(TRADEOFF_WORDS);
const ORDERING_STEMS = new Set(ORDERING_WORDS);
const CONNECTIVE_SET = new Set(CONNECTIVES);
const EXAMPLE_RE = new RegExp(
  `\\b(?:${EXAMPLE_PHRASES.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`,
  'g',
);
const GENERIC_RE = new RegExp(
  `\\b(?:${GENERIC_PHRASES.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/-/g, ' ')).join('|')})\\b`,
  'g',
);
const NON_ANSWER_RE =
  /^(?:(?:um|uh|er|hmm|so|well|sorry|honestly|i'm|im|i am|yeah|okay|ok)\s+)*(?:i\s+(?:really\s+)?(?:do not|don't|dont)\s+know|no idea|not sure|i have no idea|i can't remember|i cant remember|pass|i'm not sure|im not sure)\b/;

export interface RubricEngineOptions {
  /** The questions relevance is judged against (default: the whole bank). */
  questions?: readonly Question[];
  /** Read a recogniser's sound-alikes ("cash" for cache) as the question's terms (default true; off to compare). */
  soundAlikes?: boolean;
}

interface CachedModel {
  model: QuestionModel;
  corpus: Corpus;
}

/** Rounds to one decimal, clamped to 0–10. */
export function score10(x: number): number {
  if (!Number.isFinite(x)) return 0;
  return Math.round(Math.max(0, Math.min(10, x)) * 10) / 10;
}

export function overallOf(s: Omit<Scores, 'overall'>): number {
  return score10(
    OVERALL_WEIGHTS.relevance * s.relevance +
      OVERALL_WEIGHTS.depth * s.depth +
      OVERALL_WEIGHTS.clarity * s.clarity +
      OVERALL_WEIGHTS.correctness * s.correctness,
  );
}

function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x));
}

function allBankQuestions(): Question[] {
  const bank = QuestionBank.load();
  const out: Question[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = bank.list({ limit: 100, offset });
    for (const s of page.items) {
      const q = bank.get(s.id);
      if (q) out.push(q);
    }
    if (offset + page.items.length >= page.total || page.items.length === 0) break;
  }
  return out;
}

function fingerprint(q: Question): string {
  return JSON.stringify([
    q.text,
    q.context,
    q.rubric,
    q.commonMistakes,
    q.keyTerms,
    q.followUps,
    q.category,
    q.sampleAnswer?.length,
    q.answerFramework?.length,
  ]);
}

/** Sentence-likeness of the whole answer: function-word ratio overall and the share of 12-word windows that read as sentences. */
export function discourse(a: TextAnalysis): number {
  const n = a.tokens.length;
  if (n === 0) return 0;
  const overall = proseFromRatio(functionWordRatio(a.tokens, 0, n - 1));
  if (n < 12) return overall;
  let windows = 0;
  let sentenceLike = 0;
  for (let i = 0; i + 12 <= n; i += 6) {
    windows++;
    if (functionWordRatio(a.tokens, i, i + 11) >= 0.12) sentenceLike++;
  }
  return 0.5 * overall + 0.5 * (sentenceLike / windows);
}

export interface Elaboration {
  numbers: number;
  tradeoffs: number;
  examples: number;
  causal: number;
  specifics: number;
  ordering: number;
  /** 0–1. */
  score: number;
}

function elaboration(a: TextAnalysis, corpusKnows: (term: string) => boolean, vocabulary: Set<string>): Elaboration {
  let numbers = 0;
  let tradeoffs = 0;
  let causal = 0;
  let ordering = 0;
  for (const t of a.tokens) {
    if (t.isFiller) continue;
    if (/^\d/.test(t.lower) || (NUMBER_WORDS.has(t.lower) && t.lower !== 'one')) numbers++;
    if (TRADEOFF_STEMS.has(t.stem)) tradeoffs++;
    if (CONNECTIVE_SET.has(t.lower)) causal++;
    if (ORDERING_STEMS.has(t.lower)) ordering++;
  }
  const examples = matchTokens(tokenText(a.tokens), EXAMPLE_RE).length;
  // Specifics: distinct technical terms the bank knows beyond this question's own vocabulary words.
  const specificTerms = new Set<string>();
  for (const t of a.terms)
    if (corpusKnows(t.term) && (vocabulary.has(t.term) || t.term.length > 3)) specificTerms.add(t.term);
  const specifics = specificTerms.size;
  const score =
    0.2 * Math.min(1, numbers / 3) +
    0.25 * Math.min(1, tradeoffs / 3) +
    0.15 * Math.min(1, examples / 1) +
    0.2 * Math.min(1, causal / 4) +
    0.2 * Math.min(1, specifics / 25);
  return { numbers, tradeoffs, examples, causal, specifics, ordering, score };
}

export class RubricEngine implements AssessmentEngine {
  readonly name = 'rubric';
  readonly kind = 'rubric' as const;
  private corpusValue: Corpus | undefined;
  private readonly questionsOption: readonly Question[] | undefined;
  private readonly models = new Map<string, { fingerprint: string; cached: CachedModel }>();
  private readonly byObject = new WeakMap<Question, CachedModel>();

  private readonly soundAlikes: boolean;

  constructor(options: RubricEngineOptions = {}) {
    this.questionsOption = options.questions;
    this.soundAlikes = options.soundAlikes ?? true;
  }

  private get corpus(): Corpus {
    this.corpusValue ??= new Corpus(this.questionsOption ?? allBankQuestions());
    return this.corpusValue;
  }

  /** The precomputed model of a question (built once per question and cached). */
  model(question: Question): CachedModel {
    const byObject = this.byObject.get(question);
    if (byObject) return byObject;
    const fp = fingerprint(question);
    const hit = this.models.get(question.id);
    if (hit && hit.fingerprint === fp) {
      this.byObject.set(question, hit.cached);
      return hit.cached;
    }
    const base = this.corpus;
    const corpus = base.has(question.id) && (!hit || hit.fingerprint === fp) ? base : base.with(question);
    const cached = { model: buildQuestionModel(question, corpus), corpus };
    this.models.set(question.id, { fingerprint: fp, cached });
    this.byObject.set(question, cached);
    return cached;
  }

  assess(input: AssessmentInput, options: AssessOptions = {}): Promise<Assessment> {
    if (options.signal?.aborted) return Promise.reject(abortError(options.signal));
    try {
      return Promise.resolve(this.assessSync(input));
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  /** The same, synchronously (the engine does no I/O). */
  assessSync(input: AssessmentInput): Assessment {
    const { question } = input;
    const level: Level = input.level ?? question.levels[0] ?? 'mid';
    const transcript = input.transcript ?? '';
    const { model, corpus } = this.model(question);
    const a = this.heard(model, corpus, transcript, input.segments);
    const analytics = speechAnalytics(transcript, input.segments, a);
    const words = a.wordCount;
    const d = discourse(a);
    const star = model.behavioral ? analyzeStar(a) : null;
    const story = star ? analyzeStory(a, star) : null;
    // What an interviewer notes against a story however well told: blame, going around the team, no lesson.
    const redFlags = story ? storyRedFlags(a) : [];

    // Rubric points.
    const contradictions: { point: PointModel; evidence: EvidenceSpan }[] = [];
    // The words that met each point's parts, where the point's credit comes from them (see `sharedWordsDiscount`).
    const metWords: (Set<number> | null)[] = [];
    // Concerns waved away without a scope ("JWTs are not needed", "no need for Redis or locks").
    const asked = new Set(model.questionTerms.map((t) => t.term));
    const dismissed = new Map(dismissedConcerns(a, model.points, asked).map((d) => [d.point, d]));
    const drafts = model.points.map((p, pointIndex) => {
      const opposite = p.poles.map((poles) => (poles.length ? oppositeTokens(a, poles) : null));
      const m = matchPointParts(a, p.parts, p.negative, opposite);
      let confidence = m.positive
        ? m.positive.coverage * (CALIBRATION.listFloor + (1 - CALIBRATION.listFloor) * m.positive.prose)
        : 0;
      let evidenceMatch: PointPartsMatch | null = m.positive;
      const denied = deniedPart(a, m);
      const reversed = denied || !opposite.some(Boolean) ? null : oppositePart(a, p.parts, p.poles);
      if (denied && !warned(a, polarityCue(a, denied), polarityCue(a, denied), true)) {
        // The answer says the opposite of the point ("no need for idempotency", "sorting is not necessary"): no credit,
        // and flagged with the words that deny it.
        contradictions.push({ point: p, evidence: denialEvidence(a, denied) });
        confidence = Math.min(confidence, 0.2);
        evidenceMatch = null;
      } else if (reversed) {
        // …or says its words of the opposite ("I would send the request synchronously", "optimistic locking locks the row
        // as soon as you read it"): flagged with the clause that says so.
        contradictions.push({
          point: p,
          evidence: oppositeEvidence(a, reversed, p.poles[p.parts.indexOf(reversed.part)] ?? []),
        });
        confidence = Math.min(confidence, 0.2);
        evidenceMatch = null;
      } else if (
        dismissed.has(pointIndex) &&
        !warned(a, dismissed.get(pointIndex)!.at, dismissed.get(pointIndex)!.at, true)
      ) {
        contradictions.push({ point: p, evidence: dismissed.get(pointIndex)!.evidence });
        confidence = Math.min(confidence, 0.2);
        evidenceMatch = null;
      }
      // A quote only where some part of the point was met: one of its words nearby ("Redis" for "what happens when Redis
      // is down") is not evidence of the point, and a quote there would stand for something the answer did not say.
      // A point met by several parts each said in part is quoted where they were.
      const partMet =
        evidenceMatch?.parts.some((m) => m !== null && m.part.role !== 'label' && m.coverage >= 0.5) ?? false;
      let evidence =
        evidenceMatch && (partMet || confidence >= CALIBRATION.coveredAt) && confidence > 0.15
          ? partsEvidence(a, evidenceMatch)
          : null;
      const parts = p.parts
        .map((part, i) => ({ part, covered: evidenceMatch !== null && (evidenceMatch.parts[i]?.coverage ?? 0) >= 0.5 }))
        .filter(({ part }) => part.role !== 'label')
        .map(({ part, covered }) => ({ text: part.text, covered }));
      let fromStory = false;
      if (star && p.starPart && star[p.starPart as keyof StarAnalysis] === true) {
        const starConfidence = 0.85;
        if (starConfidence > confidence) {
          fromStory = true;
          confidence = starConfidence;
          evidence = star.evidence[p.starPart as keyof StarAnalysis['evidence']] ?? evidence;
        }
      }
      // A behavioural point is met by the story's own facet it asks for, whatever words the story uses.
      if (story && p.facet && confidence > STORY_WORDS_MAX) {
        // The rubric's abstract words ("describes the mistake", "the impact") said without a story behind them.
        confidence = STORY_WORDS_MAX + (confidence - STORY_WORDS_MAX) * story.concreteness;
      }
      const facetEvidence = story && p.facet ? story.facets[p.facet] : null;
      if (facetEvidence && story) {
        const facetConfidence =
          (p.facet === 'role' ? 0.55 + 0.35 * story.ownShare : STORY_FACET_CONFIDENCE) *
          (0.55 + 0.45 * story.concreteness);
        if (facetConfidence > confidence) {
          fromStory = true;
          confidence = facetConfidence;
          evidence = facetEvidence;
        }
      }
      metWords.push(evidenceMatch && evidence !== null && !fromStory ? metTokens(a, evidenceMatch) : null);
      return { p, confidence, evidence, parts };
    });
    sharedWordsDiscount(drafts, metWords);
    const rubric: RubricPointJudgement[] = drafts.map(({ p, confidence: raw, evidence, parts }) => {
      const confidence = Math.round(clamp01(raw) * 100) / 100;
      const covered = confidence >= CALIBRATION.coveredAt;
      return {
        pointId: p.id,
        text: p.text,
        covered,
        evidence: covered || confidence > 0.15 ? evidence : null,
        confidence,
        parts,
      };
    });
    const credits = rubric.map((r) => Math.min(1, r.confidence / CALIBRATION.fullCreditAt));
    const coverage = credits.length ? credits.reduce((s, c) => s + c, 0) / credits.length : 0;
    const coveredCount = rubric.filter((r) => r.covered).length;

    // Relevance.
    const answerVector = corpus.vector(a.termCounts);
    // A story given to a behavioural question is compared with the other behavioural questions only: a story about a
    // database migration talks like the migration question, and is still an answer to "tell me about a mistake".
    const aStory = story !== null && story.shape >= 0.5;
    const sims = (answerVector.norm > 0 ? corpus.similarities(answerVector) : []).filter(
      (s) => !aStory || corpus.categoryOf(s.id) === 'behavioral' || s.id === question.id,
    );
    const target = sims.find((s) => s.id === question.id)?.similarity ?? 0;
    const bestOther = sims.find((s) => s.id !== question.id);
    const otherSim = bestOther?.similarity ?? 0;
    let focus = target >= otherSim ? 1 : target / Math.max(otherSim, 1e-9);
    let strength = clamp01(target / CALIBRATION.fullRelevanceSimilarity);
    if (story) {
      // Its shape (a situation, the candidate's part, actions, reasons, a result, a lesson) and the situation the question
      // asks about (its own words: "disagreed", "mistake", "deadline") say it answers the question, not the sample's words.
      const asked = askedShare(model, a);
      const storyStrength = clamp01(story.shape / 0.67) * (0.2 + 0.8 * asked);
      strength = Math.max(strength, storyStrength * (0.5 + 0.5 * story.concreteness));
      // A story about another kind of situation (another question's) stays unfocused.
      focus = Math.max(focus, clamp01(story.shape / 0.67) * asked);
    }
    const topical = strength * focus ** 2;
    const relevanceRaw = 10 * Math.sqrt(topical) * (0.3 + 0.7 * d) * Math.min(1, words / 15);
    const relevance = score10(relevanceRaw);
    const onTopic = relevance / 10;

    // Elaboration and depth.
    const el = elaboration(a, (t) => corpus.knows(t), model.vocabulary);
    const depth = score10(10 * (0.7 * coverage + 0.3 * el.score * d * onTopic));

    // Clarity.
    const fillerRatio = a.tokens.length ? a.fillerCount / a.tokens.length : 0;
    const fillerPenalty = Math.min(
      CALIBRATION.fillerMaxPenalty,
      Math.max(0, fillerRatio - CALIBRATION.fillerTolerance) * CALIBRATION.fillerSlope,
    );
    const lengthFactor = Math.min(1, words / CALIBRATION.fullLengthWords);
    const per100 = words > 0 ? 100 / words : 0;
    const orderingScore = Math.min(1, el.ordering / 2);
    const connectiveScore = Math.min(1, (el.causal * per100) / 4);
    const starScore = star ? starCount(star) / 5 : null;
    const structure =
      starScore === null
        ? 0.6 * d + 0.2 * orderingScore + 0.2 * connectiveScore
        : 0.5 * d + 0.1 * orderingScore + 0.15 * connectiveScore + 0.25 * starScore;
    let pacePenalty = 0;
    if (analytics && analytics.wordsPerMinute > 0) {
      const [lo, hi] = CALIBRATION.paceRange;
      if (analytics.wordsPerMinute > hi) pacePenalty = Math.min(0.2, (analytics.wordsPerMinute - hi) / 200);
      else if (analytics.wordsPerMinute < lo) pacePenalty = Math.min(0.2, (lo - analytics.wordsPerMinute) / 200);
    }
    const clarity = score10(
      10 * lengthFactor * Math.min(1, structure * 1.15) * (1 - fillerPenalty) * (1 - pacePenalty),
    );

    // Mistakes and correctness.
    const mistakes = this.detectMistakes(model, a, rubric, onTopic, words);
    const commonMistakes = [
      ...mistakes.map((m) => ({ text: m.mistake.text, evidence: m.evidence })),
      ...redFlags.map((f) => ({ text: f.text, evidence: f.evidence })),
      ...contradictions.map((c) => ({
        text: `Says the opposite of a key point: ${tidy(c.point.text)}`,
        evidence: c.evidence,
      })),
    ];
    let penalty = 0;
    for (const m of mistakes)
      penalty += m.mistake.kind === 'commission' ? CALIBRATION.commissionPenalty : CALIBRATION.omissionPenalty;
    penalty += contradictions.length * CALIBRATION.contradictionPenalty;
    penalty += redFlags.length * CALIBRATION.commissionPenalty;
    penalty = Math.min(CALIBRATION.maxMistakePenalty, penalty);
    const correctness = score10(10 * (0.2 * onTopic * Math.min(1, coverage * 3) + 0.8 * coverage) - penalty);

    const isNonAnswer = words === 0 || (words <= 12 && NON_ANSWER_RE.test(tokenText(a.tokens).joined));
    const scores: Scores = isNonAnswer
      ? { relevance: 0, depth: 0, clarity: score10(Math.min(clarity, 0.5)), correctness: 0, overall: 0 }
      : { relevance, depth, clarity, correctness, overall: 0 };
    // What the overall means (strong 7.5–10, partial 3.5–6.5, vague under 3.5): a fluent, on-topic answer that makes few
    // of the points is not a strong one, so the mean of the four is weighed by how much of the rubric was covered.
    // A confidently wrong answer uses the right words: what it says that is wrong (a common mistake made, a key point
    // denied, each with its quote) costs the overall too, not only correctness.
    const vague = vagueness(a, corpus);
    const errors = distinctErrors(commonMistakes);
    const errorPenalty = CALIBRATION.overallErrorPenalty.slice(0, errors).reduce((s, x) => s + x, 0);
    scores.overall = isNonAnswer
      ? 0
      : score10(
          overallOf(scores) *
            (CALIBRATION.coverageFloor +
              (1 - CALIBRATION.coverageFloor) * Math.min(1, coverage / CALIBRATION.coverageFull)) *
            (1 - vague.cut) -
            errorPenalty,
        );

    const keyTermsUsed = this.keyTermsUsed(model, a);
    const followUp = this.followUp(model, rubric, level, input.followUpsAsked ?? [], new Set(a.termCounts.keys()));
    const bestOtherQuestion = bestOther && focus < 0.75 ? (this.questionText(bestOther.id) ?? null) : null;

    const reasons = {
      relevance: relevanceReason(scores.relevance, target, otherSim, bestOtherQuestion, rubric, words),
      depth: depthReason(rubric, coveredCount, el, d, words, vague),
      clarity: clarityReason(a, d, el, fillerRatio, analytics, words),
      correctness: correctnessReason(rubric, coveredCount, commonMistakes, words),
    };
    const feedback = this.feedback({
      model,
      rubric,
      level,
      scores,
      d,
      words,
      analytics,
      mistakes: commonMistakes,
      star,
      el,
      keyTermsUsed,
      fillerRatio,
      bestOtherQuestion,
      isNonAnswer,
    });

    return {
      questionId: question.id,
      engine: { name: this.name, kind: this.kind },
      scores,
      reasons,
      rubric,
      commonMistakes,
      keyTermsUsed,
      star,
      analytics,
      feedback,
      followUp,
    };
  }

  /** The parts every engine computes locally: speech analytics, key terms used and (behavioral questions) STAR. */
  localParts(input: AssessmentInput): {
    analytics: SpeechAnalytics | null;
    keyTermsUsed: string[];
    star: StarAnalysis | null;
    words: number;
  } {
    const { model, corpus } = this.model(input.question);
    const a = this.heard(model, corpus, input.transcript ?? '', input.segments);
    return {
      analytics: speechAnalytics(input.transcript ?? '', input.segments, a),
      keyTermsUsed: this.keyTermsUsed(model, a),
      star: model.behavioral ? analyzeStar(a) : null,
      words: a.wordCount,
    };
  }

  /**
   * The answer's words as the engine reads them: analysed, with a recogniser's sound-alikes read as the question's
   * terms, and, for a spoken answer, the pauses between its segments as the sentence breaks the transcript lacks.
   */
  private heard(
    model: QuestionModel,
    corpus: Corpus,
    transcript: string,
    segments?: readonly TimedSegment[],
  ): TextAnalysis {
    const analysed = analyze(transcript);
    const pauses = segmentStarts(transcript, segments);
    const a = pauses ? { ...analysed, pauses } : analysed;
    return this.soundAlikes ? resolveSoundAlikes(a, model.sounds, model.vocabulary, corpus) : a;
  }

  /** The follow-up the rubric engine would choose given these judgements (used by the LLM engine when the model repeats one). */
  followUpFor(
    question: Question,
    rubric: readonly RubricPointJudgement[],
    level: Level,
    asked: readonly string[],
    transcript?: string,
  ): FollowUp | null {
    const terms = transcript === undefined ? undefined : new Set(analyze(transcript).termCounts.keys());
    return this.followUp(this.model(question).model, rubric, level, asked, terms);
  }

  /** Whether a quote holds words of a rubric point (its parts' terms or their examples): a quote must stand for its point. */
  quoteSupports(question: Question, pointId: string, quote: string): boolean {
    const point = this.model(question).model.points.find((p) => p.id === pointId);
    if (!point) return false;
    // The quote alone must meet at least one of the point's parts (its words close together, or an example of it):
    // a single shared word ("open" for "fail open") is not the point.
    const m = matchParts(analyze(quote), point.parts);
    return m !== null && m.parts.some((part) => part !== null && part.part.role !== 'label' && part.coverage >= 0.5);
  }

  private questionText(id: string): string | undefined {
    return this.questionsOption?.find((q) => q.id === id)?.text ?? QuestionBank.load().get(id)?.text;
  }

  private detectMistakes(
    model: QuestionModel,
    a: TextAnalysis,
    rubric: RubricPointJudgement[],
    onTopic: number,
    words: number,
  ) {
    const out: { mistake: MistakeModel; evidence: EvidenceSpan | null }[] = [];
    if (words < 8) return out;
    const warnedAt = (first: number, last: number, denial = false) => warned(a, first, last, denial);
    // Saying the mistake's words is no mistake where they are what a covered rubric point asks for ("security
    // misconfiguration such as default credentials" named as a vulnerability to look out for).
    const namedAsPoint = (m: MistakeModel) =>
      m.relatedPoints.some((i) => rubric[i].covered && sharedShare(m, model.points[i]) >= 0.5);
    for (const m of model.mistakes) {
      if (m.terms.length === 0) continue;
      if (m.kind === 'commission') {
        if (m.terms.length < 2) continue;
        const w = bestWindow(a, m.terms, m.required, Math.max(12, m.terms.length * 2 + 4));
        if (!w || w.matchedWeight < 0.8 * m.total || w.matchedTerms.length < 2 || w.prose < 0.3) continue;
        if (warnedAt(w.firstToken, w.lastToken) || namedAsPoint(m)) continue;
        out.push({ mistake: m, evidence: evidenceSpan(a, w.firstToken, w.lastToken) });
      } else {
        // Leaving something out, said outright: "I did not follow up afterwards" for "Failing to follow up" (unless it is
        // the warning: "a common pitfall is not handling concurrent updates").
        const denied = m.statement ? deniedPart(a, matchPointParts(a, m.statement, false)) : null;
        if (denied && !warned(a, polarityCue(a, denied), polarityCue(a, denied), true)) {
          out.push({ mistake: m, evidence: denialEvidence(a, denied) });
          continue;
        }
        // "Promising exactly-once delivery without explaining why it is hard": the promise made, the explanation missing.
        if (
          m.doing &&
          m.unlessPoints.length > 0 &&
          m.unlessPoints.every((i) => !rubric[i].covered && rubric[i].confidence < 0.35)
        ) {
          const w = bestWindow(
            a,
            m.doing.terms,
            m.doing.total,
            Math.max(12, m.doing.terms.length * 2 + 4),
            (i) => polarity(a).negated[a.terms[i].first] === 0,
          );
          if (
            w &&
            w.matchedWeight >= 0.8 * m.doing.total &&
            w.matchedTerms.length >= 2 &&
            w.prose >= 0.3 &&
            !warnedAt(w.firstToken, w.lastToken)
          ) {
            out.push({ mistake: m, evidence: evidenceSpan(a, w.firstToken, w.lastToken) });
            continue;
          }
        }
        // Leaving something out: flagged for substantive, on-topic answers when the related rubric points are all missed.
        if (words < 40 || onTopic < 0.5) continue;
        // Only when it can be judged: rubric points about the same thing exist, all are missed, and the mistake's own words are absent.
        const related = m.relatedPoints.map((i) => rubric[i]);
        if (related.length === 0 || related.some((r) => r.covered || r.confidence >= 0.35)) continue;
        const w = bestWindow(a, m.terms, m.required, 20);
        if (!w || w.coverage < 0.4) out.push({ mistake: m, evidence: null });
      }
    }
    return out;
  }

  private keyTermsUsed(model: QuestionModel, a: TextAnalysis): string[] {
    const positions = new Map<string, number[]>();
    a.terms.forEach((t, i) => {
      const list = positions.get(t.term);
      if (list) list.push(i);
      else positions.set(t.term, [i]);
    });
    const used: string[] = [];
    for (const k of model.keyTerms) {
      const hit = k.alternatives.some((alt) => {
        const firsts = positions.get(alt[0]);
        if (!firsts) return false;
        return firsts.some((p) =>
          alt.every((term) => (positions.get(term) ?? []).some((q) => Math.abs(q - p) <= alt.length + 2)),
        );
      });
      if (hit) used.push(k.text);
    }
    return used;
  }

  /**
   * The seeds' own follow-ups first where they fit: one that targets a missed point (shared words), or,
   * when the answer covered at least half the rubric, one about something the answer did not touch.
   * Else one generated from the biggest missed point. Never one already asked; null when nothing is missed.
   */
  followUp(
    model: QuestionModel,
    rubric: readonly RubricPointJudgement[],
    level: Level,
    asked: readonly string[],
    answerTerms?: ReadonlySet<string>,
  ): FollowUp | null {
    const askedSet = new Set(asked.map(normalizeQuestion));
    const missed = gapsInOrder(model, rubric);
    if (missed.length === 0) return null;

    let bestSeed: { text: string; target: string; score: number } | null = null;
    for (const seed of model.seeds) {
      if (askedSet.has(normalizeQuestion(seed.text))) continue;
      for (const { p } of missed) {
        let score = 0;
        for (const t of p.terms) if (seed.terms.has(t.term)) score += t.weight;
        if (score > 0 && (!bestSeed || score > bestSeed.score)) bestSeed = { text: seed.text, target: p.id, score };
      }
    }
    if (bestSeed && bestSeed.score >= 1) return { text: bestSeed.text, source: 'seed', targetPointId: bestSeed.target };
    const coveredShare = rubric.filter((r) => r.covered).length / Math.max(1, rubric.length);
    // A story missing its result or lesson: ask about that before anything else.
    const starGap = missed.some(({ p }) => p.starPart !== null);
    if (answerTerms && coveredShare >= 0.5 && !starGap) {
      const untouched = model.seeds.find((seed) => {
        if (askedSet.has(normalizeQuestion(seed.text)) || seed.terms.size === 0) return false;
        let present = 0;
        for (const t of seed.terms) if (answerTerms.has(t)) present++;
        return present / seed.terms.size < 0.5;
      });
      if (untouched) return { text: untouched.text, source: 'seed', targetPointId: null };
    }

    for (const { p, r } of missed) {
      // A point the answer made in part: start from the part that was said, in the rubric's words (never the raw
      // transcript, which may be misheard), and ask about the part that was not.
      const { said, missing } = partsOf(r);
      const partly = said.length > 0 && missing.length > 0 && !p.starPart;
      const question = followUpForPoint(p.text, p.starPart, level, model.behavioral);
      const text = partly
        ? followUpForPartOfPoint(joinList(said.map(partPhrase)), p.text, level, model.behavioral)
        : question;
      if (!askedSet.has(normalizeQuestion(text)) && !askedSet.has(normalizeQuestion(question)))
        return { text, source: 'generated', targetPointId: p.id };
    }
    return null;
  }

  private feedback(ctx: {
    model: QuestionModel;
    rubric: RubricPointJudgement[];
    level: Level;
    scores: Scores;
    d: number;
    words: number;
    analytics: SpeechAnalytics | null;
    mistakes: { text: string; evidence: EvidenceSpan | null }[];
    star: StarAnalysis | null;
    el: Elaboration;
    keyTermsUsed: string[];
    fillerRatio: number;
    bestOtherQuestion: string | null;
    isNonAnswer: boolean;
  }): string {
    const { model, rubric, level } = ctx;
    const points = model.points;
    const missed = gapsInOrder(model, rubric);
    const firstPoint = points[0];
    const startWith = firstPoint
      ? startHint(firstPoint.text, firstPoint.starPart)
      : 'Start from the core of the question.';
    if (ctx.words === 0) return `No answer was recorded for this question. ${startWith}`;
    if (ctx.isNonAnswer || ctx.words < 10) {
      return `The answer was too short to assess — even a partial answer shows how you think. ${startWith}`;
    }
    if (ctx.d < 0.35 && ctx.words >= 8) {
      const terms = ctx.keyTermsUsed.slice(0, 3).join(', ');
      return [
        `You named ${terms ? `the right terms (${terms})` : 'several terms'}, but as a list rather than an explanation.`,
        'Explain in full sentences how they fit together, why you would choose them and what they cost.',
      ].join(' ');
    }
    if (ctx.scores.relevance <= 3) {
      const other = ctx.bestOtherQuestion
        ? ` — it reads more like an answer to “${tidy(ctx.bestOtherQuestion, 90)}”`
        : '';
      return `This answer doesn't address the question that was asked${other}. Re-anchor on what was asked — ${lowerFirstSentence(startWith)}`;
    }
    const sentences: string[] = [];
    const strongest = rubric
      .map((r, i) => ({ r, p: points[i] }))
      .filter(({ r }) => r.covered && r.evidence)
      .sort((x, y) => y.r.confidence - x.r.confidence || points.indexOf(x.p) - points.indexOf(y.p))[0];
    if (strongest?.r.evidence) {
      // Praise only what was said: a point made in part is named by its parts that were made.
      const { said, missing } = partsOf(strongest.r);
      const text = missing.length && said.length ? joinList(said.map(partPhrase)) : strongest.p.text;
      sentences.push(strengthSentence(text, missing.length ? null : strongest.p.starPart, strongest.r.evidence.quote));
    } else sentences.push('You engaged with the topic, but none of the key points came through clearly yet.');

    const gap = missed[0] ? this.gapFeedback(missed[0].p, missed[0].r, level, model.behavioral) : null;
    const completion = rubric
      .map((r, i) => ({ r, p: points[i], ...partsOf(r) }))
      .find(({ r, said, missing }) => r.covered && said.length > 0 && missing.length > 0 && r !== strongest?.r);
    const commission = ctx.mistakes.find((m) => m.evidence);
    if (commission?.evidence)
      sentences.push(
        `Watch out for a common mistake: ${lowerFirstSentence(tidy(commission.text, 120))} (${shortQuote(commission.evidence.quote, 10)}).`,
      );
    else if (gap) sentences.push(gap);
    else if (completion) sentences.push(completionSentence(completion.missing, completion.p.text));
    else if ((level === 'senior' || level === 'staff') && ctx.el.tradeoffs < 2)
      sentences.push('At this level, also name the trade-offs and failure modes of your choices.');
    else sentences.push('To make it even stronger, add one concrete example with numbers from your own experience.');

    const delivery = deliveryNote(ctx.analytics, ctx.fillerRatio, ctx.words);
    if (delivery) sentences.push(delivery);
    else if (commission?.evidence && gap) sentences.push(gap);
    return sentences.slice(0, 3).join(' ');
  }

  /** The gap of a missed point: what is missing of it, never what the answer said. */
  private gapFeedback(point: PointModel, judgement: RubricPointJudgement, level: Level, behavioral: boolean): string {
    const { said, missing } = partsOf(judgement);
    if (said.length && missing.length && !point.starPart) return partialGapSentence(said, missing);
    return gapSentence(point.text, point.starPart, level, behavioral);
  }
}

/** The parts of a judged point that were said and those that were not (labels aside). */
function partsOf(judgement: RubricPointJudgement): { said: string[]; missing: string[] } {
  const parts = judgement.parts ?? [];
  return {
    said: parts.filter((p) => p.covered).map((p) => p.text),
    missing: parts.filter((p) => !p.covered).map((p) => p.text),
  };
}

/**
 * Warned against rather than done ("avoid a big-bang rewrite", "a common pitfall is not handling concurrent updates"):
 * a warning word in the same sentence before the words, or just before them. A denial's own negation is no warning.
 */
function warned(a: TextAnalysis, first: number, last: number, denial: boolean): boolean {
  const sentence = sentenceOf(a);
  // A denial is warned against before its denying word ("a common pitfall is not …"), not by the words it denies.
  const end = denial ? first - 1 : last;
  for (let i = Math.max(0, first - 30); i <= end; i++) {
    // Within its sentence; in speech without punctuation, within a few words before it.
    if (sentence[i] !== sentence[first] && (denial || i < first - 8)) continue;
    const w = a.tokens[i].lower;
    if (WARNING_WORDS.has(w) && !(denial && NEGATORS.has(w))) return true;
  }
  return false;
}

export interface Vagueness {
  generic: number;
  specifics: number;
  /** The generic phrases, as said. */
  phrases: string[];
  /** 0–1: how much it takes off the overall. */
  cut: number;
}

/**
 * How much of the answer is general statement rather than specifics: generic phrases ("it depends", "best practices",
 * "the right balance", "scalable and maintainable") against specific terms (words the bank knows and that are not
 * everyday words, and numbers). "It depends on the requirements; follow best practices" says nothing to score.
 */
export function vagueness(a: TextAnalysis, corpus: Corpus): Vagueness {
  const tt = tokenText(a.tokens);
  const phrases = matchTokens(tt, GENERIC_RE).map((m) => m.text);
  const specific = new Set<string>();
  for (const t of a.terms)
    if (corpus.knows(t.term) && corpus.idf(t.term) >= CALIBRATION.specificIdf) specific.add(t.term);
  let numbers = 0;
  for (const t of a.tokens) if (/\d/.test(t.lower)) numbers++;
  const specifics = specific.size + numbers;
  const generic = phrases.length;
  const share = generic === 0 ? 0 : generic / (generic + CALIBRATION.vagueSpecificWeight * specifics);
  const cut = CALIBRATION.vagueMaxCut * clamp01((share - CALIBRATION.vagueFrom) / CALIBRATION.vagueSpan);
  return { generic, specifics, phrases, cut };
}

/** Errors with their quotes, counted once where two findings quote the same words (a mistake that is also a denied point). */
export function distinctErrors(mistakes: readonly { evidence: EvidenceSpan | null }[]): number {
  const spans: EvidenceSpan[] = [];
  for (const m of mistakes) {
    const e = m.evidence;
    if (!e || spans.some((x) => x.start < e.end && e.start < x.end)) continue;
    spans.push(e);
  }
  return spans.length;
}

/** The share of a mistake's term weight that a rubric point has too. */
function sharedShare(m: MistakeModel, p: PointModel): number {
  let shared = 0;
  for (const t of m.terms) if (p.termSet.has(t.term)) shared += t.weight;
  return m.total > 0 ? shared / m.total : 0;
}

/** The first word denying a denied part ("no" in "there is no need for a session store"). */
function polarityCue(a: TextAnalysis, m: PartMatch): number {
  const { deniedBy } = polarity(a);
  let cue = m.first;
  for (let i = m.first; i <= m.last; i++) if (deniedBy[i] >= 0) cue = Math.min(cue, deniedBy[i]);
  return cue;
}

/** The quote of a denied part: its words and the words that deny them ("there is no need for a session store"). */
function denialEvidence(a: TextAnalysis, m: PartMatch): EvidenceSpan {
  const { deniedBy } = polarity(a);
  let first = m.first;
  let last = m.last;
  for (let i = m.first; i <= m.last; i++) {
    const cue = deniedBy[i];
    if (cue < 0) continue;
    first = Math.min(first, cue);
    // A dismissing predicate after its subject ("… is not necessary"): quote it to its end.
    if (cue > last) last = Math.min(a.tokens.length - 1, cue + 3);
  }
  return partsEvidence(a, { coverage: m.coverage, parts: [m], first, last, prose: 1 });
}

/** A point whose words are mostly words that met a stronger point keeps this share of its confidence. */
const SHARED_WORDS_FACTOR = 0.5;
/** …mostly: at least this share of them. */
const SHARED_WORDS_SHARE = 0.5;

/**
 * The words that met a point: in each part met at least half, the first mention within its quote of each of the part's
 * own terms. Other words inside the quote, or a term said again further on, met nothing: a garbled "every red gets the
 * most recent right" may stretch a quote of consistency into the next sentence's "every request receives a response",
 * which still defines availability.
 */
function metTokens(a: TextAnalysis, m: PointPartsMatch): Set<number> | null {
  const out = new Set<number>();
  for (const part of m.parts) {
    if (!part || part.part.role === 'label' || part.coverage < 0.5) continue;
    const own = new Set(
      [...part.part.alternatives, ...part.part.examples].flatMap((alt) => alt.terms.map((t) => t.term)),
    );
    const seen = new Set<string>();
    for (const t of a.terms) {
      if (t.first < part.first || t.last > part.last || !own.has(t.term) || seen.has(t.term)) continue;
      seen.add(t.term);
      out.add(t.first);
    }
  }
  return out.size ? out : null;
}

/**
 * One statement makes one point: where the words that met a point are mostly the words that met a stronger one ("CAP
 * says you get two of consistency, availability and partition tolerance" for the CAP theorem and, again, for defining
 * partition tolerance), the weaker point keeps `SHARED_WORDS_FACTOR` of its confidence. Points met by a story's facets
 * are judged on the story, not on words.
 */
function sharedWordsDiscount(drafts: { confidence: number }[], met: readonly (Set<number> | null)[]): void {
  const order = drafts.map((_, i) => i).sort((x, y) => drafts[y].confidence - drafts[x].confidence || x - y);
  const claimed = new Set<number>();
  for (const i of order) {
    const words = met[i];
    if (!words) continue;
    let shared = 0;
    for (const t of words) if (claimed.has(t)) shared++;
    if (shared / words.size >= SHARED_WORDS_SHARE) drafts[i].confidence *= SHARED_WORDS_FACTOR;
    for (const t of words) claimed.add(t);
  }
}

/** The quote of a part said of the opposite side: its words and the word naming that side, within their clause. */
function oppositeEvidence(a: TextAnalysis, m: PartMatch, poles: readonly PartPole[]): EvidenceSpan {
  let first = m.first;
  let last = m.last;
  const sentence = sentenceOf(a);
  for (const pole of poles) {
    // The nearest naming of the other side in the same sentence.
    let best: { first: number; last: number } | null = null;
    for (const n of sidesOf(a, pole.pair).named) {
      if (n.side === pole.side || sentence[n.first] !== sentence[m.first]) continue;
      const d = (x: { first: number; last: number }) =>
        Math.min(Math.abs(x.first - m.first), Math.abs(x.last - m.last));
      if (!best || d(n) < d(best)) best = n;
    }
    if (best) {
      first = Math.min(first, best.first);
      last = Math.max(last, best.last);
    }
  }
  return partsEvidence(a, { coverage: m.coverage, parts: [m], first, last, prose: 1 });
}

/** A behavioural point met by the story's facet it asks for (its result, its lesson…) is this sure, in a concrete story. */
const STORY_FACET_CONFIDENCE = 0.9;
/** The rubric's own words in a behavioural answer count up to here; beyond it only as much as the story is concrete. */
const STORY_WORDS_MAX = 0.4;

/** How much of what the question asks about (its distinctive words) the answer talks about, 0–1. */
function askedShare(model: QuestionModel, a: TextAnalysis): number {
  const terms = model.questionTerms.slice(0, 6);
  const total = terms.reduce((s, t) => s + t.weight, 0);
  if (total <= 0) return 0;
  let hit = 0;
  for (const t of terms) if (a.termCounts.has(t.term)) hit += t.weight;
  return clamp01(hit / total / 0.5);
}

/** A missed point the answer touched on (confidence at least this) is probed first. */
const PARTIAL_AT = 0.2;

/**
 * Missed rubric points, the biggest gap first: points the answer touched on but did not cover (most
 * covered first: that is where a follow-up pays off), then untouched points in rubric order.
 */
export function gapsInOrder(
  model: QuestionModel,
  rubric: readonly RubricPointJudgement[],
): { r: RubricPointJudgement; p: PointModel; i: number }[] {
  return rubric
    .map((r, i) => ({ r, p: model.points[i], i }))
    .filter(({ r }) => !r.covered)
    .sort((x, y) => {
      const px = x.r.confidence >= PARTIAL_AT ? 1 : 0;
      const py = y.r.confidence >= PARTIAL_AT ? 1 : 0;
      return py - px || (px ? y.r.confidence - x.r.confidence : 0) || x.i - y.i;
    });
}

function lowerFirstSentence(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

export function normalizeQuestion(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function deliveryNote(analytics: SpeechAnalytics | null, fillerRatio: number, words: number): string | null {
  if (analytics) {
    const fillerShare = fillerRatio;
    if (analytics.fillerCount >= 5 && fillerShare >= 0.04) {
      const top = analytics.fillers[0];
      return `You used ${analytics.fillerCount} filler words${top ? ` (mostly “${top.word}”)` : ''} — a silent pause sounds more confident.`;
    }
    if (analytics.wordsPerMinute > CALIBRATION.paceRange[1])
      return `Your pace was fast (${Math.round(analytics.wordsPerMinute)} words per minute); slow down on the key points.`;
    if (analytics.wordsPerMinute > 0 && analytics.wordsPerMinute < CALIBRATION.paceRange[0] - 10) {
      return `Your pace was slow (${Math.round(analytics.wordsPerMinute)} words per minute); a short plan up front makes it easier to keep going.`;
    }
    if (analytics.longPauses.length >= 3)
      return `There were ${analytics.longPauses.length} long pauses; it's fine to say “let me think” and outline your plan first.`;
    const hedges = analytics.hedges.reduce((s, h) => s + h.count, 0);
    if (hedges >= 4 && hedges / Math.max(1, words) > 0.02)
      return `You hedged ${hedges} times (“${analytics.hedges[0].phrase}”); state your choices with more conviction.`;
    return null;
  }
  if (fillerRatio >= 0.06 && words >= 20)
    return 'The answer has a lot of filler words — a silent pause sounds more confident.';
  return null;
}

function relevanceReason(
  score: number,
  target: number,
  other: number,
  otherQuestion: string | null,
  rubric: RubricPointJudgement[],
  words: number,
): string {
  if (words === 0) return 'No answer to judge.';
  if (otherQuestion && score <= 5) {
    return `The answer's vocabulary matches another question (“${tidy(otherQuestion, 80)}”, similarity ${other.toFixed(2)}) better than this one (${target.toFixed(2)}).`;
  }
  const ev = rubric.find((r) => r.covered && r.evidence)?.evidence;
  return `The answer uses this question's vocabulary (similarity ${target.toFixed(2)}, ${other > target ? `another question ${other.toFixed(2)}` : 'higher than any other bank question'})${ev ? `, e.g. ${shortQuote(ev.quote, 10)}` : ''}.`;
}

function depthReason(
  rubric: RubricPointJudgement[],
  covered: number,
  el: Elaboration,
  d: number,
  words: number,
  vague: Vagueness,
): string {
  if (words === 0) return 'No answer to judge.';
  if (vague.cut > 0) {
    const said = vague.phrases
      .slice(0, 3)
      .map((p) => `“${p}”`)
      .join(', ');
    return `Mostly general statements (${said}; ${vague.generic} generic phrase${vague.generic === 1 ? '' : 's'} against ${vague.specifics} specific term${vague.specifics === 1 ? '' : 's'}), covering ${covered} of ${rubric.length} rubric points.`;
  }
  const ev = rubric.find((r) => r.covered && r.evidence)?.evidence;
  const details = [
    `${el.numbers} number${el.numbers === 1 ? '' : 's'}`,
    `${el.tradeoffs} trade-off word${el.tradeoffs === 1 ? '' : 's'}`,
    `${el.examples} example${el.examples === 1 ? '' : 's'}`,
  ];
  const list = d < 0.35 ? ', but mostly as a list of terms, which earns little depth' : '';
  return `Covers ${covered} of ${rubric.length} rubric points${ev ? ` (e.g. ${shortQuote(ev.quote, 10)})` : ''} with ${details.join(', ')}${list}.`;
}

function clarityReason(
  a: TextAnalysis,
  d: number,
  el: Elaboration,
  fillerRatio: number,
  analytics: SpeechAnalytics | null,
  words: number,
): string {
  if (words === 0) return 'No answer to judge.';
  const fwr = Math.round(functionWordRatio(a.tokens, 0, a.tokens.length - 1) * 100);
  const shape =
    d < 0.35
      ? `reads as a list of terms rather than sentences (${fwr}% function words)`
      : `reads as connected sentences (${fwr}% function words)`;
  const pace =
    analytics && analytics.wordsPerMinute > 0 ? `, ${Math.round(analytics.wordsPerMinute)} words per minute` : '';
  return `${words < 30 ? 'Very short; ' : ''}${shape.charAt(0).toUpperCase()}${shape.slice(1)}, ${el.ordering} ordering word${el.ordering === 1 ? '' : 's'}, ${Math.round(fillerRatio * 100)}% fillers${pace}.`;
}

function correctnessReason(
  rubric: RubricPointJudgement[],
  covered: number,
  mistakes: { text: string; evidence: EvidenceSpan | null }[],
  words: number,
): string {
  if (words === 0) return 'No answer to judge.';
  const withEvidence = mistakes.find((m) => m.evidence);
  if (withEvidence?.evidence)
    return `Covers ${covered} of ${rubric.length} points, but ${shortQuote(withEvidence.evidence.quote, 10)} shows a known mistake: ${tidy(withEvidence.text, 90)}.`;
  if (mistakes.length > 0)
    return `Covers ${covered} of ${rubric.length} points; it also shows a known gap: ${tidy(mistakes[0].text, 90)}.`;
  return `Covers ${covered} of ${rubric.length} points correctly, with no common mistakes or contradictions detected.`;
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const err = new Error('The assessment was aborted');
  err.name = 'AbortError';
  return err;
}

/**
 * Where each segment after the first starts in the transcript they were joined into (found in order, so a segment
 * that is not in it is skipped): a spoken answer's pauses. Null without segments to go by.
 */
export function segmentStarts(transcript: string, segments?: readonly TimedSegment[]): ReadonlySet<number> | null {
  if (!segments || segments.length < 2) return null;
  const starts = new Set<number>();
  let from = 0;
  for (const [i, segment] of segments.entries()) {
    const text = segment.text.trim();
    if (!text) continue;
    const at = transcript.indexOf(text, from);
    if (at < 0) continue;
    if (i > 0 && at > 0) starts.add(at);
    from = at + text.length;
  }
  return starts.size ? starts : null;
}
