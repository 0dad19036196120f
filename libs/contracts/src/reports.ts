import type { AnswerScores, ScoreDimension } from './interview';
import type { Level } from './question-bank';

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

/** A piece of a rated answer as the recogniser timed it (ms on the interview's clock). */
export interface AgreementAnswerSegment {
  text: string;
  startMs: number;
  endMs: number;
}

/**
 * One question of a finished human session that both the interviewer and the engine scored, with what the engine
 * read, so the answer can be scored again offline by another version of the engine (`npm run eval:scoring --
 * --agreement FILE`).
 */
export interface AgreementAnswer {
  interviewId: string;
  title: string;
  questionIndex: number;
  questionId: string;
  questionText: string;
  level: Level;
  interviewer: string;
  /** The rated answer's text as its assessment read it (a follow-up's answer with the earlier ones to the question). */
  transcript: string;
  /** The same words with their times; null for a typed answer (no pace or pauses to measure). */
  segments: AgreementAnswerSegment[] | null;
  /** The interviewer's four scores. */
  human: Record<ScoreDimension, number>;
  /** The engine's scores as stored, for reference. */
  engine: AnswerScores;
  /** Which engine produced them ("rubric", "llm", or the engine it fell back from). */
  engineName: string;
  /** When the interviewer last scored the question. */
  at: string;
}

/** The scored answers of finished human sessions (GET /api/reports/agreement/answers, admins). */
export interface AgreementAnswers {
  exportedAt: string;
  answers: AgreementAnswer[];
}
