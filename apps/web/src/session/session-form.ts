import type { CreateHumanSessionRequest } from '@mockroom/contracts';
import { buildPlan, type PlanErrors, type PlanValues } from '../shared/plan/plan-form';

export interface SessionFormValues {
  plan: PlanValues;
  /** An `<input type="datetime-local">` value ("2025-03-01T14:30", the browser's time zone), or "". */
  scheduledFor: string;
}

export type SessionFormErrors = PlanErrors & { scheduledFor?: string };

/** A datetime-local value as an ISO date-time: undefined when empty, null when it isn't a date. */
export function scheduledIso(local: string): string | undefined | null {
  const value = local.trim();
  if (!value) return undefined;
  // "YYYY-MM-DDTHH:mm" without a zone is read as local time.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The request for the form as filled in, or what to fix. `trackQuestionCount`: the chosen track's size, if known. */
export function buildSessionRequest(
  values: SessionFormValues,
  trackQuestionCount: number | null,
): { request: CreateHumanSessionRequest | null; errors: SessionFormErrors } {
  const { plan, errors: planErrors } = buildPlan(values.plan, trackQuestionCount);
  const errors: SessionFormErrors = { ...planErrors };
  const scheduledAt = scheduledIso(values.scheduledFor);
  if (scheduledAt === null) errors.scheduledFor = 'Enter a date and time, or leave it empty.';
  if (!plan || scheduledAt === null) return { request: null, errors };
  return { request: { ...plan, ...(scheduledAt ? { scheduledAt } : {}) }, errors };
}

/** The invitation's absolute address: this site's origin and the path the server gave (`/join/<token>`). */
export function invitationUrl(origin: string, invitePath: string): string {
  if (/^https?:\/\//i.test(invitePath)) return invitePath;
  return origin.replace(/\/+$/, '') + (invitePath.startsWith('/') ? invitePath : `/${invitePath}`);
}
