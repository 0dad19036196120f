import { QUESTION_COUNT_MAX, type Category, type CreateHumanSessionRequest, type Level, type Role } from '@mockroom/contracts';

/** Where a session's questions come from: a track, picked by role and level, or chosen one by one from the bank. */
export type QuestionSource = 'track' | 'picked' | 'chosen';

export interface SessionFormValues {
  source: QuestionSource;
  trackId: string;
  role: Role;
  level: Level;
  questionCount: string;
  categories: Category[];
  questionIds: string[];
  /** An `<input type="datetime-local">` value ("2025-03-01T14:30", the browser's time zone), or "". */
  scheduledFor: string;
}

export type SessionFormField = 'trackId' | 'questionCount' | 'questionIds' | 'scheduledFor';
export type SessionFormErrors = Partial<Record<SessionFormField, string>>;

function parseWhole(value: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(value.trim())) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

/** A datetime-local value as an ISO date-time: undefined when empty, null when it isn't a date. */
export function scheduledIso(local: string): string | undefined | null {
  const value = local.trim();
  if (!value) return undefined;
  // "YYYY-MM-DDTHH:mm" without a zone is read as local time.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The most questions a session may have from this source (a track has only so many). */
export function maxQuestions(trackQuestionCount: number | null): number {
  return trackQuestionCount === null ? QUESTION_COUNT_MAX : Math.min(QUESTION_COUNT_MAX, Math.max(1, trackQuestionCount));
}

/** The request for the form as filled in, or what to fix. `trackQuestionCount`: the chosen track's size, if known. */
export function buildSessionRequest(
  values: SessionFormValues,
  trackQuestionCount: number | null,
): { request: CreateHumanSessionRequest | null; errors: SessionFormErrors } {
  const errors: SessionFormErrors = {};
  const scheduledAt = scheduledIso(values.scheduledFor);
  if (scheduledAt === null) errors.scheduledFor = 'Enter a date and time, or leave it empty.';
  const schedule = scheduledAt ? { scheduledAt } : {};

  if (values.source === 'chosen') {
    if (values.questionIds.length === 0) errors.questionIds = 'Add at least one question.';
    else if (values.questionIds.length > QUESTION_COUNT_MAX) errors.questionIds = `A session has at most ${QUESTION_COUNT_MAX} questions.`;
    if (Object.keys(errors).length) return { request: null, errors };
    return { request: { role: values.role, level: values.level, questionIds: [...values.questionIds], ...schedule }, errors };
  }

  const max = values.source === 'track' ? maxQuestions(trackQuestionCount) : QUESTION_COUNT_MAX;
  const count = parseWhole(values.questionCount, 1, max);
  if (count === null) errors.questionCount = `Enter a whole number from 1 to ${max}.`;
  if (values.source === 'track' && !values.trackId) errors.trackId = 'Choose a track.';
  if (count === null || Object.keys(errors).length) return { request: null, errors };

  if (values.source === 'track') return { request: { trackId: values.trackId, questionCount: count, ...schedule }, errors };
  return {
    request: { role: values.role, level: values.level, questionCount: count, ...(values.categories.length ? { categories: [...values.categories] } : {}), ...schedule },
    errors,
  };
}

/** The invitation's absolute address: this site's origin and the path the server gave (`/join/<token>`). */
export function invitationUrl(origin: string, invitePath: string): string {
  if (/^https?:\/\//i.test(invitePath)) return invitePath;
  return origin.replace(/\/+$/, '') + (invitePath.startsWith('/') ? invitePath : `/${invitePath}`);
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
