import type { Category, StarExample } from '@mockroom/contracts';

/** Parsed fields a targeted correction can apply to. List fields are corrected item by item. */
export type FixableField =
  | 'text'
  | 'context'
  | 'sampleAnswer'
  | 'answerFramework'
  | 'howToAnswer'
  | 'rubric'
  | 'keyTerms'
  | 'interviewerSignals'
  | 'commonMistakes'
  | 'followUps'
  | 'scoreReasons';

/**
 * Replaces `from` with `to` in one field. `from` must occur (the build fails otherwise), so a fix
 * that no longer applies after a seed change is noticed instead of silently ignored.
 */
export interface TextFix {
  field: FixableField;
  from: string;
  to: string;
}

/**
 * The hand edits of one question: what the parser cannot know (the id, categories where the source
 * gives none, derived question texts, rubric points and key terms written by hand) and corrections
 * of what it gets wrong. Every field except `at` and `anchor` is optional; a list given here replaces
 * the parsed list.
 */
export interface QuestionEdit {
  /** Where the question is: the seed's three-digit prefix and the 1-based position, e.g. "002#4". */
  at: string;
  /**
   * A phrase the parsed question must contain (its text, or for 001 its answer framework): guards
   * against an edit entry landing on another question if a seed document changes.
   */
  anchor: string;
  /** The question as an interviewer asks it (001: written by hand; 003: the source's title-cased question in sentence case). */
  text?: string;
  /** Required where the source gives no category label; overrides the label's mapping otherwise. */
  category?: Category;
  rubric?: string[];
  keyTerms?: string[];
  commonMistakes?: string[];
  followUps?: string[];
  interviewerSignals?: string[];
  starExample?: StarExample;
  fixes?: TextFix[];
}

/** Edit entries keyed by question id. */
export type EditSet = Record<string, QuestionEdit>;
