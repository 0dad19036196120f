import type { Category, Question } from '@mockroom/contracts';

/**
 * When the interviewer cuts in, as interviewers do: an answer that has run past its question's time budget is stopped
 * at the next pause ("Let me stop you there, in the interest of time. How would you…"), and an answer that has gone
 * off the question is brought back to it once. Pure and deterministic, like the reading of a pause.
 */

/**
 * How long a first answer to a question of each category may run, in seconds, before the interviewer cuts in. About
 * what interviewers allow: a design question gets room to sketch, a concept question a couple of minutes.
 */
export const DEFAULT_ANSWER_BUDGET_SECONDS: Readonly<Record<Category, number>> = {
  technical: 150,
  coding: 300,
  'system-design': 300,
  architecture: 240,
  databases: 180,
  'api-design': 180,
  security: 180,
  performance: 180,
  'reliability-operations': 180,
  frontend: 150,
  'language-runtime': 150,
  behavioral: 180,
};

/** A follow-up asks for one thing: half its question's budget, at least this long. */
const FOLLOW_UP_MIN_SECONDS = 60;

/** The time an answer may run (ms): the category's budget (or its override), halved for a follow-up. */
export function answerBudgetMs(
  category: Category,
  kind: 'answer' | 'follow-up',
  overrides: Partial<Record<Category, number>> = {},
): number {
  const seconds = overrides[category] ?? DEFAULT_ANSWER_BUDGET_SECONDS[category];
  return Math.round(
    (kind === 'follow-up' ? Math.max(Math.min(seconds, FOLLOW_UP_MIN_SECONDS), seconds / 2) : seconds) * 1000,
  );
}

/**
 * Off the question: enough said to judge (a stray sentence is not a drift), yet nothing of the rubric covered, none of
 * the question's terms said, and the words far from the question's. A transcript the recogniser garbled keeps some of
 * the question's terms (they are its hints), so a misheard answer on topic is not taken for one off it.
 */
export const OFF_TOPIC_MIN_WORDS = 40;
export const OFF_TOPIC_MAX_RELEVANCE = 1.5;

/** What the answer so far looks like, at a pause. */
export interface InterjectionInput {
  /** How long the candidate has had the floor (from the end of the prompt to this pause), ms. */
  answerMs: number;
  /** The time budget of this answer (`answerBudgetMs`), ms. */
  budgetMs: number;
  /** Words said so far. */
  words: number;
  /** The quick reading of the answer so far, when one was made. */
  reading: { relevance: number; pointsCovered: number; keyTermsSaid: number } | null;
  /** The interviewer already brought this answer back to the question once. */
  redirected: boolean;
}

export type Interjection =
  /** The answer ends here; the interviewer's next prompt (a follow-up or the next question) is led by `lead`. */
  | { reason: 'over-time'; lead: string; detail: string }
  /** The answer stays open: the interviewer says `text` and listens again. */
  | { reason: 'off-topic'; detail: string };

/** "45 s", "3 minutes", "2:30". */
function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  if (seconds % 60 === 0) return seconds === 60 ? '1 minute' : `${seconds / 60} minutes`;
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

const OVER_TIME_LEADS = [
  'Let me stop you there, in the interest of time.',
  "Sorry to cut in — let's keep an eye on the time.",
  "I'll stop you there so we have time for the rest.",
];

/** Whether to cut in at this pause, and why; null to keep listening. */
export function decideInterjection(input: InterjectionInput, variant = 0): Interjection | null {
  if (input.answerMs >= input.budgetMs && input.words > 0) {
    return {
      reason: 'over-time',
      lead: OVER_TIME_LEADS[Math.abs(Math.floor(variant)) % OVER_TIME_LEADS.length],
      detail: `ran ${duration(input.answerMs)}, past the ${duration(input.budgetMs)} for this question`,
    };
  }
  const r = input.reading;
  if (
    !input.redirected &&
    r &&
    input.words >= OFF_TOPIC_MIN_WORDS &&
    r.pointsCovered === 0 &&
    r.keyTermsSaid === 0 &&
    r.relevance <= OFF_TOPIC_MAX_RELEVANCE
  ) {
    return { reason: 'off-topic', detail: `off the question after ${input.words} words` };
  }
  return null;
}

/** The question's ask in one sentence: its first that asks something, else its last (the scene is set first). */
function coreOfQuestion(question: Question): string {
  const sentences = question.text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.?!])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return sentences.find((s) => s.endsWith('?')) ?? sentences[sentences.length - 1] ?? question.text;
}

/** What the interviewer says to bring an answer back to the question (the answer stays open). */
export function redirectText(question: Question, askedText: string | null = null): string {
  const ask = askedText && askedText !== question.text ? askedText.trim() : coreOfQuestion(question);
  return `Let me stop you there — I'd like to bring us back to the question. ${ask}`;
}
