/**
 * The engine against human interviewers: per score, how far apart they are over every question both scored, and where
 * they disagree most. Pure, so the admin report (apps/api) and the scoring eval (a re-scored export) compute it alike.
 */
import {
  SCORE_DIMENSIONS,
  type AgreementReport,
  type AnswerScores,
  type ScoreDimension,
  type ScoreDisagreement,
} from '@mockroom/contracts';

/** A human interviewer's overall for a question, as the review shows it: the mean of their four scores. */
export function interviewerOverall(scores: Record<ScoreDimension, number>): number {
  return Math.round((SCORE_DIMENSIONS.reduce((sum, d) => sum + scores[d], 0) / SCORE_DIMENSIONS.length) * 10) / 10;
}

/** One question both scored: the engine's scores and the interviewer's four, with what the disagreement list shows of it. */
export type ScoredPair = Omit<ScoreDisagreement, 'human' | 'difference' | 'at'> & {
  human: Record<ScoreDimension, number>;
  at: Date;
};

const round = (value: number) => Math.round(value * 100) / 100;

/** Mean absolute and signed differences per dimension, and the pairs that differ most overall. */
export function agreementReport(pairs: readonly ScoredPair[], disagreements = 10): AgreementReport {
  const withOverall = pairs.map((p) => ({
    ...p,
    human: { ...p.human, overall: interviewerOverall(p.human) } as AnswerScores,
  }));
  const dimensions = [...SCORE_DIMENSIONS, 'overall' as const].map((dimension) => {
    const diffs = withOverall.map((p) => p.engine[dimension] - p.human[dimension]);
    const n = Math.max(1, diffs.length);
    return {
      dimension,
      meanAbsoluteDifference: round(diffs.reduce((sum, d) => sum + Math.abs(d), 0) / n),
      meanDifference: round(diffs.reduce((sum, d) => sum + d, 0) / n),
    };
  });
  const worst = withOverall
    .map((p) => ({ p, difference: round(Math.abs(p.engine.overall - p.human.overall)) }))
    .sort((a, b) => b.difference - a.difference || b.p.at.getTime() - a.p.at.getTime())
    .slice(0, disagreements)
    .map(({ p, difference }) => ({
      interviewId: p.interviewId,
      title: p.title,
      questionIndex: p.questionIndex,
      questionText: p.questionText,
      interviewer: p.interviewer,
      engine: p.engine,
      human: p.human,
      difference,
      at: p.at.toISOString(),
    }));
  return {
    pairs: pairs.length,
    sessions: new Set(pairs.map((p) => p.interviewId)).size,
    interviewers: new Set(pairs.map((p) => p.interviewer)).size,
    dimensions: pairs.length ? dimensions : [],
    disagreements: worst,
  };
}
