/**
 * The interviewer's policy after an answer: ask a follow-up aimed at the biggest gap while follow-ups
 * remain and the answer left a meaningful gap; otherwise move on. Deterministic.
 */
import type { Level } from '@mockroom/contracts';
import { normalizeQuestion } from '../rubric/rubric-engine';
import type { Assessment } from '../types';

export type NextStep = { action: 'follow-up'; text: string; targetPointId: string | null } | { action: 'next' };

export interface DecideNextInput {
  assessment: Assessment;
  /** Follow-ups already asked for this question: their texts, or just how many. */
  followUpsAsked: number | readonly string[];
  maxFollowUps: number;
  level?: Level;
}

/** Share of rubric points covered below which a gap is worth a follow-up, by level (seniors are probed harder). */
export const GAP_THRESHOLD: Record<Level, number> = { mid: 0.8, senior: 0.9, staff: 0.9 };
/** Below this relevance the answer is off-topic or empty: probing a gap would not help. */
export const MIN_RELEVANCE_FOR_FOLLOW_UP = 3;
export const MIN_OVERALL_FOR_FOLLOW_UP = 1.5;

export function decideNext(input: DecideNextInput): NextStep {
  const { assessment, maxFollowUps } = input;
  const asked = typeof input.followUpsAsked === 'number' ? [] : input.followUpsAsked;
  const askedCount = typeof input.followUpsAsked === 'number' ? input.followUpsAsked : input.followUpsAsked.length;
  if (askedCount >= maxFollowUps) return { action: 'next' };

  const followUp = assessment.followUp;
  if (!followUp || followUp.text.trim() === '') return { action: 'next' };
  const askedSet = new Set(asked.map(normalizeQuestion));
  if (askedSet.has(normalizeQuestion(followUp.text))) return { action: 'next' };

  // Nothing to build on: an empty, "I don't know" or off-topic answer moves on.
  if (
    assessment.scores.relevance < MIN_RELEVANCE_FOR_FOLLOW_UP ||
    assessment.scores.overall < MIN_OVERALL_FOR_FOLLOW_UP
  )
    return { action: 'next' };

  const points = assessment.rubric.length;
  const covered = assessment.rubric.filter((r) => r.covered).length;
  const share = points === 0 ? 1 : covered / points;
  const level = input.level ?? 'mid';
  const target = followUp.targetPointId
    ? assessment.rubric.find((r) => r.pointId === followUp.targetPointId)
    : undefined;
  const targetMissed = target ? !target.covered : false;
  const meaningfulGap = share < GAP_THRESHOLD[level] || (targetMissed && share < 1 && points <= 3);
  if (!meaningfulGap) return { action: 'next' };
  return { action: 'follow-up', text: followUp.text, targetPointId: followUp.targetPointId };
}
