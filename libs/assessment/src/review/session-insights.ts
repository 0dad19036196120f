import {
  CATEGORY_LABELS,
  SCORE_DIMENSIONS,
  type Category,
  type PractiseSuggestion,
  type ReviewInsights,
  type ScoreDimension,
} from '@mockroom/contracts';
import type { Assessment } from '../types';

/** One question of a finished session as the insights see it. */
export interface QuestionOutcome {
  questionId: string;
  text: string;
  category: Category | null;
  /** Asked at all (the session may have ended before it). */
  asked: boolean;
  /** The candidate asked to skip it. */
  skipped: boolean;
  /** The assessment of each answer to it (the question's and its follow-ups'), in order. */
  assessments: Assessment[];
}

/** A bank question the session did not ask, to suggest for practice. */
export interface OtherQuestion {
  questionId: string;
  text: string;
  category: Category;
}

const DIMENSION_NAMES: Record<ScoreDimension, string> = {
  relevance: 'Relevance',
  depth: 'Depth',
  clarity: 'Clarity',
  correctness: 'Correctness',
};

/** What to do about a weak dimension, said the way a coach would. */
const DIMENSION_ADVICE: Record<ScoreDimension, string> = {
  relevance: 'answer the question that was asked first, then add context',
  depth: 'go one level deeper: name the mechanism, a trade-off and a failure case, with a concrete example',
  clarity: 'give a structure up front ("three parts: …"), then walk through it in order',
  correctness: 'check the facts you state: say what you are unsure of instead of guessing',
};

/** A dimension whose session mean is below this is named as the one to raise. */
const WEAK_DIMENSION_BELOW = 9;
/** An answer below this is practised again even when it missed nothing. */
const PRACTISE_AGAIN_BELOW = 6.5;
/** Questions to practise next, at most. */
const PRACTISE_COUNT = 3;

const FILLERS_PER_MINUTE_LIMIT = 4;
const PACE_SLOW = 100;
const PACE_FAST = 190;

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function shortQuestion(text: string): string {
  const first = text.split(/(?<=[?.])\s/)[0] ?? text;
  return first.length > 90 ? `${first.slice(0, 87).trimEnd()}…` : first;
}

/** The assessment the question is rated on: the last one (a follow-up answer refines the first). */
function rated(outcome: QuestionOutcome): Assessment | null {
  return outcome.assessments.at(-1) ?? null;
}

function dimensionMeans(outcomes: QuestionOutcome[]): { dimension: ScoreDimension; mean: number }[] {
  const scored = outcomes.map(rated).filter((a): a is Assessment => a !== null);
  if (!scored.length) return [];
  return SCORE_DIMENSIONS.map((dimension) => ({
    dimension,
    mean: scored.reduce((sum, a) => sum + a.scores[dimension], 0) / scored.length,
  }));
}

function delivery(
  outcomes: QuestionOutcome[],
): { wpm: number; fillers: number; minutes: number; topFiller: string | null } | null {
  const analytics = outcomes.flatMap((o) => o.assessments.map((a) => a.analytics)).filter((a) => a !== null);
  const talkMs = analytics.reduce((sum, a) => sum + a.talkTimeMs, 0);
  if (talkMs < 20_000) return null;
  const words = analytics.reduce((sum, a) => sum + (a.wordsPerMinute * a.talkTimeMs) / 60_000, 0);
  const fillerCounts = new Map<string, number>();
  for (const a of analytics)
    for (const f of a.fillers) fillerCounts.set(f.word, (fillerCounts.get(f.word) ?? 0) + f.count);
  const topFiller = [...fillerCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
  const minutes = talkMs / 60_000;
  return {
    wpm: Math.round(words / minutes),
    fillers: analytics.reduce((sum, a) => sum + a.fillerCount, 0),
    minutes,
    topFiller,
  };
}

/**
 * The session's strengths, the two or three most valuable things to work on, and which questions to practise next.
 * Deterministic: built only from the assessments, so the same session always reads the same.
 */
export function sessionInsights(outcomes: QuestionOutcome[], others: OtherQuestion[] = []): ReviewInsights {
  const means = dimensionMeans(outcomes);
  const answered = outcomes.filter((o) => rated(o) !== null);
  const strengths: string[] = [];
  const workOn: { priority: number; text: string }[] = [];

  // Dimensions: the best one as a strength, the weakest as the first thing to work on.
  const sorted = [...means].sort((a, b) => b.mean - a.mean || a.dimension.localeCompare(b.dimension));
  const best = sorted[0];
  const worst = sorted.at(-1);
  if (best && best.mean >= 6)
    strengths.push(
      `${DIMENSION_NAMES[best.dimension]} was your strongest dimension (${round1(best.mean)} on average).`,
    );
  // Even a good session has a lowest dimension worth raising; only one near full marks is left alone.
  if (worst && worst.mean < WEAK_DIMENSION_BELOW && worst !== best) {
    const label =
      worst.mean < 7
        ? `${DIMENSION_NAMES[worst.dimension]} (${round1(worst.mean)} on average)`
        : `${DIMENSION_NAMES[worst.dimension]}, your lowest dimension (${round1(worst.mean)})`;
    workOn.push({ priority: 10 - worst.mean, text: `${label}: ${DIMENSION_ADVICE[worst.dimension]}.` });
  }

  // The best answer, with what it covered.
  const byScore = [...answered].sort(
    (a, b) => rated(b)!.scores.overall - rated(a)!.scores.overall || a.questionId.localeCompare(b.questionId),
  );
  const top = byScore[0];
  if (top && rated(top)!.scores.overall >= 6.5) {
    const assessment = rated(top)!;
    const covered = assessment.rubric.filter((p) => p.covered);
    strengths.push(
      `Your answer to “${shortQuestion(top.text)}” scored ${round1(assessment.scores.overall)}` +
        (covered.length
          ? `: it covered ${covered.length} of ${assessment.rubric.length} key points, including ${lowerFirst(covered[0].text)}.`
          : '.'),
    );
  }

  // The most valuable gap: the least-covered point of the weakest answer that missed any (a high score with a missed
  // point still has something to work on).
  const weakest = [...byScore].reverse().find((o) => rated(o)!.rubric.some((p) => !p.covered));
  if (weakest) {
    const assessment = rated(weakest)!;
    const missed = assessment.rubric
      .filter((p) => !p.covered)
      .sort((a, b) => a.confidence - b.confidence || a.pointId.localeCompare(b.pointId));
    workOn.push({
      priority: 8 - assessment.scores.overall / 2,
      text: `On “${shortQuestion(weakest.text)}”, the answer missed “${missed[0].text.trim().replace(/[.;:]+$/, '')}”${missed.length > 1 ? ` and ${missed.length - 1} more key point${missed.length > 2 ? 's' : ''}` : ''}.`,
    });
  }

  // Mistakes said out loud weigh more than gaps.
  const mistake = answered.flatMap((o) => rated(o)!.commonMistakes)[0];
  if (mistake) {
    workOn.push({
      priority: 7,
      text: mistake.evidence
        ? `Watch for this mistake: ${lowerFirst(mistake.text)} (you said “${mistake.evidence.quote}”).`
        : `Close a gap interviewers look for: ${lowerFirst(mistake.text)}.`,
    });
  }

  // Delivery.
  const speech = delivery(outcomes);
  if (speech) {
    const perMinute = speech.fillers / speech.minutes;
    if (perMinute > FILLERS_PER_MINUTE_LIMIT) {
      workOn.push({
        priority: 4 + Math.min(3, perMinute / FILLERS_PER_MINUTE_LIMIT),
        text: `Cut filler words: ${speech.fillers} in ${round1(speech.minutes)} minutes of speaking${speech.topFiller ? `, mostly “${speech.topFiller}”` : ''}. A short pause sounds more confident.`,
      });
    } else if (speech.wpm >= PACE_SLOW && speech.wpm <= PACE_FAST) {
      strengths.push(`A steady pace (${speech.wpm} words per minute) with few filler words.`);
    }
    if (speech.wpm > PACE_FAST)
      workOn.push({
        priority: 4,
        text: `Slow down: ${speech.wpm} words per minute is hard to follow; aim for 130–170.`,
      });
    if (speech.wpm < PACE_SLOW)
      workOn.push({
        priority: 3,
        text: `Keep the answer moving: ${speech.wpm} words per minute; outline first so you know what comes next.`,
      });
  }

  const unanswered = outcomes.filter((o) => o.asked && rated(o) === null);
  if (unanswered.length) {
    workOn.push({
      priority: 5 + unanswered.length,
      text: `Answer every question you are asked: ${unanswered.length === 1 ? 'one question was' : `${unanswered.length} questions were`} skipped or left without an answer. Even a partial answer with your assumptions stated earns credit.`,
    });
  }

  return {
    strengths: strengths.slice(0, 3),
    workOn: workOn
      .sort((a, b) => b.priority - a.priority)
      .slice(0, 3)
      .map((w) => w.text),
    practiseNext: practiseNext(outcomes, others),
  };
}

function practiseNext(outcomes: QuestionOutcome[], others: OtherQuestion[]): PractiseSuggestion[] {
  const suggestions: (PractiseSuggestion & { rank: number })[] = [];
  for (const outcome of outcomes) {
    const assessment = rated(outcome);
    if (outcome.skipped || (outcome.asked && !assessment)) {
      suggestions.push({
        questionId: outcome.questionId,
        text: outcome.text,
        reason: outcome.skipped ? 'You skipped it in this session.' : 'It was left without an answer.',
        rank: 0,
      });
      continue;
    }
    if (!assessment) continue;
    const missed = assessment.rubric.filter((p) => !p.covered).length;
    if (assessment.scores.overall < PRACTISE_AGAIN_BELOW || missed > 0) {
      suggestions.push({
        questionId: outcome.questionId,
        text: outcome.text,
        reason: `Scored ${round1(assessment.scores.overall)}${missed ? `; ${missed} of ${assessment.rubric.length} key points were missed` : ''}.`,
        // Low scores first; a good answer with a missed point after every weak one.
        rank: assessment.scores.overall + (assessment.scores.overall < PRACTISE_AGAIN_BELOW ? 0 : 10),
      });
    }
  }
  suggestions.sort((a, b) => a.rank - b.rank || a.questionId.localeCompare(b.questionId));

  // Then new questions from the bank, of the weakest category first: there is always something to practise next.
  const categoryScores = new Map<Category, number[]>();
  for (const outcome of outcomes) {
    const assessment = rated(outcome);
    if (outcome.category && assessment)
      categoryScores.set(outcome.category, [
        ...(categoryScores.get(outcome.category) ?? []),
        assessment.scores.overall,
      ]);
  }
  const categories = [...categoryScores.entries()]
    .map(([category, scores]) => ({ category, mean: scores.reduce((a, b) => a + b, 0) / scores.length }))
    .sort((a, b) => a.mean - b.mean || a.category.localeCompare(b.category));
  const asked = new Set(outcomes.map((o) => o.questionId));
  const fromBank: PractiseSuggestion[] = [];
  for (const { category, mean } of categories) {
    for (const other of others.filter((q) => q.category === category && !asked.has(q.questionId))) {
      if (fromBank.length >= PRACTISE_COUNT) break;
      const reason =
        mean < 7.5
          ? `More ${CATEGORY_LABELS[category].toLowerCase()} practice: your weakest area in this session (${round1(mean)}).`
          : `Another ${CATEGORY_LABELS[category].toLowerCase()} question, the area you scored lowest in (${round1(mean)}).`;
      fromBank.push({ questionId: other.questionId, text: other.text, reason });
    }
  }
  if (fromBank.length === 0) {
    const other = others.find((q) => !asked.has(q.questionId));
    if (other)
      fromBank.push({
        questionId: other.questionId,
        text: other.text,
        reason: `A ${CATEGORY_LABELS[other.category].toLowerCase()} question you have not practised here yet.`,
      });
  }
  // This session's questions first, keeping room for one new question from the bank; then fill up from either.
  const fromSession: PractiseSuggestion[] = suggestions.map(({ rank: _rank, ...suggestion }) => suggestion);
  const picked = fromSession.slice(0, fromBank.length ? PRACTISE_COUNT - 1 : PRACTISE_COUNT);
  for (const suggestion of [...fromBank, ...fromSession.slice(picked.length)])
    if (picked.length < PRACTISE_COUNT) picked.push(suggestion);
  return picked;
}

function lowerFirst(text: string): string {
  const trimmed = text.trim().replace(/[.;:]+$/, '');
  return /^[A-Z][a-z]/.test(trimmed) ? trimmed[0].toLowerCase() + trimmed.slice(1) : trimmed;
}
