import type { AnswerScores, ScoreDimension } from './interview';

/** How far the engine's scores are from a human interviewer's, on one dimension, over every question both scored. */
export interface DimensionAgreement {
  dimension: ScoreDimension | 'overall';
  /** Mean of |engine − interviewer|, 0–10. */
  meanAbsoluteDifference: number;
  /** Mean of engine − interviewer: above 0 the engine is the more generous. */
  meanDifference: number;
}

/** One question scored by both, where they disagree. */
export interface ScoreDisagreement {
  interviewId: string;
  title: string;
  questionIndex: number;
  questionText: string;
  interviewer: string;
  engine: AnswerScores;
  human: AnswerScores;
  /** |engine overall − interviewer overall|. */
  difference: number;
  at: string;
}

/**
 * The engine against human interviewers (GET /api/reports/agreement, admins): every finished human session's questions
 * that both the interviewer and the engine scored.
 */
export interface AgreementReport {
  pairs: number;
  sessions: number;
  interviewers: number;
  dimensions: DimensionAgreement[];
  /** The questions where they disagree most, largest first. */
  disagreements: ScoreDisagreement[];
}
