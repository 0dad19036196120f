import {
  LEVELS,
  QUESTION_COUNT_MAX,
  ROLES,
  type Category,
  type Level,
  type Question,
  type QuestionSummary,
  type Role,
} from '@mockroom/contracts';

/** Where an interview's questions come from: a track, picked by role and level, or chosen one by one from the bank. */
export type QuestionSource = 'track' | 'picked' | 'chosen';

/** How many questions are picked when nobody says otherwise. */
export const DEFAULT_QUESTION_COUNT = 5;

/** The questions part of a new interview or session, as the form holds it. */
export interface PlanValues {
  source: QuestionSource;
  trackId: string;
  role: Role;
  level: Level;
  questionCount: string;
  categories: Category[];
  questionIds: string[];
}

export type PlanField = 'trackId' | 'questionCount' | 'questionIds';
export type PlanErrors = Partial<Record<PlanField, string>>;

/** The part of a create request that says which questions are asked (both request types accept each shape). */
export type PlanRequest =
  | { trackId: string; questionCount: number }
  | { role: Role; level: Level; questionCount: number; categories?: Category[] }
  | { role: Role; level: Level; questionIds: string[] };

/** The form's starting point, read from the address: `?track=`, `?role=`, `?level=` and `?question=`. */
export interface PlanStart {
  source: QuestionSource;
  trackId: string;
  role: Role;
  level: Level;
  /** A question to start the chosen list with (fetched by the form). */
  questionId: string | null;
}

// The ids the API accepts; anything else in the address is ignored rather than sent.
const QUESTION_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** A whole number within the bounds, or null. */
export function parseWhole(value: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(value.trim())) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

/** The most questions there may be from this source (a track has only so many). */
export function maxQuestions(trackQuestionCount: number | null): number {
  return trackQuestionCount === null
    ? QUESTION_COUNT_MAX
    : Math.min(QUESTION_COUNT_MAX, Math.max(1, trackQuestionCount));
}

/** The count the form shows until the user types one: all of a track's questions, else the default. */
export function defaultQuestionCount(trackQuestionCount: number | null): number {
  return trackQuestionCount === null ? DEFAULT_QUESTION_COUNT : maxQuestions(trackQuestionCount);
}

/** Where the form starts: a linked question means it is chosen from the bank, a track means that track. */
export function planFromUrl(params: URLSearchParams, defaultSource: QuestionSource): PlanStart {
  const question = params.get('question');
  const questionId = question !== null && QUESTION_ID.test(question) ? question : null;
  const trackId = params.get('track') ?? '';
  const role = oneOf(ROLES, params.get('role'));
  const level = oneOf(LEVELS, params.get('level'));
  const source: QuestionSource = questionId ? 'chosen' : trackId ? 'track' : role || level ? 'picked' : defaultSource;
  return { source, trackId, role: role ?? 'fullstack', level: level ?? 'mid', questionId };
}

/** A question from the bank as a list shows it. */
export function questionSummary(question: Question): QuestionSummary {
  const { id, role, levels, category, difficulty, text, textDerived, source } = question;
  return { id, role, levels, category, difficulty, text, textDerived, source, rubricSize: question.rubric.length };
}

/** What a linked question sets: the chosen list starts with it, and role and level are its own (its first level). */
export function linkedPlan(question: Question): { role: Role; level: Level; question: QuestionSummary } {
  return { role: question.role, level: question.levels[0] ?? 'mid', question: questionSummary(question) };
}

/**
 * The plan part of the request for the form as filled in, or what to fix.
 * `trackQuestionCount`: the chosen track's size, if known.
 */
export function buildPlan(
  values: PlanValues,
  trackQuestionCount: number | null,
): { plan: PlanRequest | null; errors: PlanErrors } {
  if (values.source === 'chosen') {
    if (values.questionIds.length === 0) return { plan: null, errors: { questionIds: 'Add at least one question.' } };
    if (values.questionIds.length > QUESTION_COUNT_MAX)
      return { plan: null, errors: { questionIds: `Choose at most ${QUESTION_COUNT_MAX} questions.` } };
    return { plan: { role: values.role, level: values.level, questionIds: [...values.questionIds] }, errors: {} };
  }

  const errors: PlanErrors = {};
  const max = values.source === 'track' ? maxQuestions(trackQuestionCount) : QUESTION_COUNT_MAX;
  const count = parseWhole(values.questionCount, 1, max);
  if (count === null) errors.questionCount = `Enter a whole number from 1 to ${max}.`;
  if (values.source === 'track' && !values.trackId) errors.trackId = 'Choose a track.';
  if (count === null || errors.trackId) return { plan: null, errors };

  if (values.source === 'track') return { plan: { trackId: values.trackId, questionCount: count }, errors };
  return {
    plan: {
      role: values.role,
      level: values.level,
      questionCount: count,
      ...(values.categories.length ? { categories: [...values.categories] } : {}),
    },
    errors,
  };
}

/** The list with one item moved by `delta` places (clamped to the ends). */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const next = items.slice();
  if (index < 0 || index >= next.length) return next;
  const target = Math.min(next.length - 1, Math.max(0, index + delta));
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item);
  return next;
}
