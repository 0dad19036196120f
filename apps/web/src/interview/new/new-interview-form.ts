import { FOLLOW_UPS_MAX, type CreateInterviewRequest, type VoiceSource } from '@mockroom/contracts';
import { buildPlan, parseWhole, type PlanErrors, type PlanValues } from '../../shared/plan/plan-form';

export const SILENCE_MIN_S = 2;
export const SILENCE_MAX_S = 15;

/** How an AI interview runs, as the form holds it. */
export interface InterviewSettings {
  maxFollowUps: string;
  /** Seconds of silence that end an answer. */
  silence: string;
  voice: VoiceSource;
}

export type InterviewFormErrors = PlanErrors & { maxFollowUps?: string; silence?: string };

/** Seconds within the allowed silence, or null. */
export function parseSeconds(value: string): number | null {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) return null;
  return n >= SILENCE_MIN_S && n <= SILENCE_MAX_S ? n : null;
}

/** The request for the form as filled in, or what to fix. `trackQuestionCount`: the chosen track's size, if known. */
export function buildInterviewRequest(
  plan: PlanValues,
  trackQuestionCount: number | null,
  settings: InterviewSettings,
): { request: CreateInterviewRequest | null; errors: InterviewFormErrors } {
  const built = buildPlan(plan, trackQuestionCount);
  const errors: InterviewFormErrors = { ...built.errors };
  const maxFollowUps = parseWhole(settings.maxFollowUps, 0, FOLLOW_UPS_MAX);
  if (maxFollowUps === null) errors.maxFollowUps = `Enter a whole number from 0 to ${FOLLOW_UPS_MAX}.`;
  const seconds = parseSeconds(settings.silence);
  if (seconds === null) errors.silence = `Enter a number of seconds from ${SILENCE_MIN_S} to ${SILENCE_MAX_S}.`;
  if (!built.plan || maxFollowUps === null || seconds === null) return { request: null, errors };
  return {
    request: { ...built.plan, maxFollowUps, answerSilenceMs: Math.round(seconds * 1000), voice: settings.voice },
    errors,
  };
}
