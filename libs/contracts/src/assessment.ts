/**
 * One answer's assessment, as the engines make it and the jobs, the review and the web client read it: the scores, the
 * evidence behind them (spans of the transcript), the rubric points covered and missed, and the feedback.
 */
/** A quote from the transcript: `transcript.slice(start, end) === quote`. */
export interface EvidenceSpan {
  quote: string;
  start: number;
  end: number;
}

export type StarPart = 'situation' | 'task' | 'action' | 'result' | 'lesson';
export const STAR_PARTS: readonly StarPart[] = ['situation', 'task', 'action', 'result', 'lesson'];

export interface StarAnalysis {
  situation: boolean;
  task: boolean;
  action: boolean;
  result: boolean;
  lesson: boolean;
  evidence: Partial<Record<StarPart, EvidenceSpan>>;
}

export interface SpeechAnalytics {
  wordsPerMinute: number;
  talkTimeMs: number;
  fillerCount: number;
  fillers: { word: string; count: number }[];
  longPauses: { startMs: number; durationMs: number }[];
  hedges: { phrase: string; count: number }[];
  topWords: { word: string; count: number }[];
}

export type EngineKind = 'rubric' | 'llm';

/** Which engine made an assessment (and, on a fallback, which one failed and why). */
export interface AssessmentEngineInfo {
  name: string;
  kind: EngineKind;
  model?: string;
  /** Set when this result came from the rubric engine because the named engine failed. */
  fallbackFrom?: string;
  fallbackReason?: string;
}

export interface Scores {
  relevance: number;
  depth: number;
  clarity: number;
  correctness: number;
  overall: number;
}

export interface RubricPointJudgement {
  pointId: string;
  text: string;
  covered: boolean;
  evidence: EvidenceSpan | null;
  /** How sure the engine is that the point is covered, 0–1 (also > 0 for partly covered points). */
  confidence: number;
  /**
   * The point's parts as the rubric engine heard them ("HTTPS" said, "token interception" not), so feedback can name
   * what is missing without calling missing what was said. Absent from engines that do not split points.
   */
  parts?: { text: string; covered: boolean }[];
}

export interface FollowUp {
  text: string;
  source: 'seed' | 'generated';
  targetPointId: string | null;
}

export interface Assessment {
  questionId: string;
  engine: AssessmentEngineInfo;
  /** 0–10, one decimal. */
  scores: Scores;
  /** One sentence each, citing evidence. */
  reasons: { relevance: string; depth: string; clarity: string; correctness: string };
  rubric: RubricPointJudgement[];
  /** Mistakes the answer made. */
  commonMistakes: { text: string; evidence: EvidenceSpan | null }[];
  keyTermsUsed: string[];
  /** Behavioral questions only. */
  star: StarAnalysis | null;
  analytics: SpeechAnalytics | null;
  /** 2–3 sentences, specific, like a coach. */
  feedback: string;
  followUp: FollowUp | null;
  /** Coding questions: the tests' verdict on the candidate's code, which correctness weighs in. */
  code?: CodeTestEvidence | null;
}

/** How the candidate's code did against the question's tests, from the run that counts (the last submit, else the last run). */
export interface CodeTestEvidence {
  kind: 'run' | 'submit';
  passed: number;
  total: number;
  /** How the program ended ('ok' when it ran to the end). */
  verdict: string | null;
  /** 0–10 from the tests alone: all hidden and example tests passing is 10; examples alone reach 8 at most. */
  testScore: number;
  /** Correctness as the words alone had it, before the tests were weighed in. */
  spokenCorrectness: number;
}
