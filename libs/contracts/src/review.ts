import type { ReviewInterviewerView } from './human';
import type {
  AnswerScores,
  EngineNames,
  InterviewPlan,
  InterviewSummary,
  Prompt,
  ScoreDimension,
  Speaker,
} from './interview';
import type { Category, Level, Role } from './question-bank';

/** A word of a transcript line as the recogniser timed it (offsets from the interview's start). */
export interface TimedWord {
  word: string;
  startMs: number;
  endMs: number;
}

/** A stretch of a transcript line's text: `line.text.slice(start, end)`. */
export interface TextSpan {
  start: number;
  end: number;
}

/** One line of the review's transcript: a candidate segment or something the interviewer said. */
export interface ReviewLine {
  /** Position in the interview (prompts and segments share one sequence). */
  seq: number;
  speaker: Speaker;
  text: string;
  /** Offsets from the interview's start, in ms. */
  startMs: number;
  endMs: number;
  /** The plan's question this line belongs to (0-based), or null for the introduction and closing. */
  questionIndex: number | null;
  /** The answer a candidate line belongs to. */
  answerId: string | null;
  words: TimedWord[] | null;
  /** Parts of the text that cover a rubric point (covered points only). */
  highlights: (TextSpan & { pointId: string })[];
  /** What the recogniser heard, when the candidate has corrected the line since (the text is the correction). */
  heardAs?: string | null;
}

/** Where an answer's quote sits in the transcript: the line and the span of its text. */
export interface LineSpan extends TextSpan {
  seq: number;
}

export interface ReviewRubricPoint {
  pointId: string;
  text: string;
  covered: boolean;
  /** 0–1: how sure the engine is that the point is covered. */
  confidence: number;
  /** The words of the answer that cover it (covered points). */
  evidence: { quote: string; spans: LineSpan[]; startMs: number | null } | null;
}

export interface ReviewSpeechAnalytics {
  wordsPerMinute: number;
  talkTimeMs: number;
  fillerCount: number;
  fillers: { word: string; count: number }[];
  longPauses: { startMs: number; durationMs: number }[];
  hedges: { phrase: string; count: number }[];
}

export interface ReviewAnswer {
  answerId: string;
  kind: 'answer' | 'follow-up';
  /** The prompt this answers (the question or a follow-up). */
  promptSeq: number;
  startMs: number;
  endMs: number;
  transcript: string;
  wordCount: number;
  scores: AnswerScores | null;
  /** One sentence per dimension: why the engine gave that score. */
  reasons: Record<ScoreDimension, string> | null;
  rubric: ReviewRubricPoint[];
  /** Mistakes the engine found in this answer. */
  mistakes: { text: string; quote: string | null }[];
  keyTermsUsed: string[];
  analytics: ReviewSpeechAnalytics | null;
  feedback: string | null;
  engine: string | null;
  /** How the answer ended and why, in words ("ended after 1.2 s of silence: finished sentence, 4 of 5 points covered"). */
  ending?: string | null;
}

/** One question of the interview with everything said about it. */
export interface ReviewQuestion {
  index: number;
  questionId: string;
  text: string;
  category: Category | null;
  /** The question and the follow-ups asked, in order. */
  prompts: Prompt[];
  answers: ReviewAnswer[];
  /** The scores of the last assessed answer (what the question is rated on). */
  scores: AnswerScores | null;
  /** From the question bank: what people commonly get wrong, and a strong answer to compare with. */
  commonMistakes: string[];
  sampleAnswer: string | null;
  asked: boolean;
  /** A question made from a résumé claim: how well the answer backed the claim. */
  claim?: ClaimVerdict;
}

/** How well an answer backed a claim of the résumé, from the points a well-backed claim covers. */
export interface ClaimVerdict {
  /** The claim as the résumé words it. */
  claim: string;
  verdict: 'backed' | 'partly' | 'weak';
  /** The points the answer made, with the words that made them. */
  covered: { text: string; quote: string | null }[];
  /** What it left out: what to be ready to say. */
  missing: string[];
}

export interface PractiseSuggestion {
  questionId: string;
  text: string;
  reason: string;
}

export interface ReviewInsights {
  strengths: string[];
  /** The two or three most valuable things to work on. */
  workOn: string[];
  practiseNext: PractiseSuggestion[];
}

/** The whole session's audio: both voices mixed on the interview's clock. */
export interface ReviewAudio {
  /** A WAV file; supports HTTP range requests, so the player can seek without downloading it all. */
  url: string;
  durationMs: number;
  /** Peak level per bucket (0–1), one array per voice, both of the same length. */
  peaks: Record<Speaker, number[]>;
  bucketMs: number;
}

export type ReviewAccess = 'owner' | 'interviewer' | 'shared' | 'admin';

/**
 * A review shared with an e-mail address: an interviewer's account at that address can read it (now, or once one is
 * made). Nothing here says whether such an account exists.
 */
export interface ShareInfo {
  id: string;
  email: string;
  createdAt: string;
}

/** The longest corrected line, in characters. */
export const CORRECTION_MAX_CHARS = 2000;

/** A correction of a misheard line, as the candidate asked for it. */
export interface CorrectTranscriptRequest {
  /** The whole line as it should read. */
  text: string;
}

/** How one score of a question moved when the answer was assessed again after a correction. */
export interface ScoreChange {
  questionIndex: number;
  dimension: ScoreDimension | 'overall';
  before: number;
  after: number;
}

/** A correction of a transcript line by the candidate: the text before and after, and what it did to the scores. */
export interface TranscriptCorrection {
  id: string;
  seq: number;
  before: string;
  after: string;
  createdAt: string;
  /** The scores that moved (empty when none did); null while the answer is still being assessed again. */
  changes: ScoreChange[] | null;
}

export interface CorrectionResult {
  correction: TranscriptCorrection;
  /** The review as it is now, with the corrected line and the new scores. */
  review: Review;
}

export interface Review {
  interview: InterviewSummary;
  plan: InterviewPlan;
  engines: EngineNames;
  /** How the viewer may see it: the owner may share, export and delete; others only read and export. */
  access: ReviewAccess;
  transcript: ReviewLine[];
  questions: ReviewQuestion[];
  /** Mean of the questions' scores. */
  scores: AnswerScores | null;
  insights: ReviewInsights;
  /** Null when nothing was recorded. */
  audio: ReviewAudio | null;
  /** Who it is shared with (the owner only; empty for others). */
  shares: ShareInfo[];
  /** A human interviewer's scores and notes, beside the engine's (human sessions). */
  interviewer: ReviewInterviewerView | null;
  /** The candidate's corrections of misheard lines, oldest first (everyone who reads the review sees them). */
  corrections: TranscriptCorrection[];
  /** Tailored interviews: the résumé's claims that came out weak or partly backed ("be ready to back this up"). */
  weakClaims?: { questionIndex: number; claim: string; verdict: 'partly' | 'weak'; missing: string[] }[];
}

export interface ShareRequest {
  /** The e-mail address of an interviewer's account (or of one to be made). */
  email: string;
}

export interface InterviewListQuery {
  trackId?: string;
  /** ISO dates (inclusive), on the session's start (or creation) date. */
  from?: string;
  to?: string;
}

/** A point of the progress charts: one finished, scored session. */
export interface ProgressSession {
  id: string;
  title: string;
  trackId: string | null;
  role: Role;
  level: Level;
  at: string;
  scores: AnswerScores;
  answers: number;
}

export interface CategoryProgress {
  category: Category;
  answers: number;
  scores: AnswerScores;
  /** Mean overall of the first and the last session that had answers in this category. */
  first: number;
  last: number;
}

export interface Progress {
  sessions: ProgressSession[];
  categories: CategoryProgress[];
}
