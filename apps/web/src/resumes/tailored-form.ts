import type { CreateInterviewRequest, Level, Role, VoiceSource } from '@mockroom/contracts';
import { parseWhole } from '../shared/plan/plan-form';

export const TAILORED_QUESTIONS = { min: 3, max: 8, default: 5 } as const;
export const CLAIM_QUESTIONS = { min: 1, max: 3, default: 2 } as const;

/** A tailored interview as its form holds it. Role and level are null until the owner picks them. */
export interface TailoredValues {
  resumeId: string;
  jobDescriptionId: string;
  questionCount: string;
  claimQuestionCount: string;
  role: Role | null;
  level: Level | null;
  voice: VoiceSource;
}

export type TailoredErrors = Partial<Record<'source' | 'questionCount' | 'claimQuestionCount', string>>;

/** What the role and level start as: the posting's, else what the résumé suggests, else a mid fullstack role. */
export function suggestedRoleLevel(
  job: { role: Role | null; level: Level | null } | null,
  resume: { suggestedRole: Role | null; suggestedLevel: Level | null } | null,
): { role: Role; level: Level } {
  return {
    role: job?.role ?? resume?.suggestedRole ?? 'fullstack',
    level: job?.level ?? resume?.suggestedLevel ?? 'mid',
  };
}

export function initialTailoredValues(
  start: { resumeId?: string; jobDescriptionId?: string },
  voice: VoiceSource,
): TailoredValues {
  return {
    resumeId: start.resumeId ?? '',
    jobDescriptionId: start.jobDescriptionId ?? '',
    questionCount: String(TAILORED_QUESTIONS.default),
    claimQuestionCount: String(CLAIM_QUESTIONS.default),
    role: null,
    level: null,
    voice,
  };
}

/** The request for the form as filled in, or what to fix. `suggested`: the role and level the form shows unpicked. */
export function buildTailoredRequest(
  values: TailoredValues,
  suggested: { role: Role; level: Level },
): { request: CreateInterviewRequest | null; errors: TailoredErrors } {
  const errors: TailoredErrors = {};
  if (!values.resumeId && !values.jobDescriptionId) errors.source = 'Choose a résumé or a job description.';
  const questionCount = parseWhole(values.questionCount, TAILORED_QUESTIONS.min, TAILORED_QUESTIONS.max);
  if (questionCount === null)
    errors.questionCount = `Enter a whole number from ${TAILORED_QUESTIONS.min} to ${TAILORED_QUESTIONS.max}.`;
  // Claim questions come from a résumé: without one the field is not shown, and not checked.
  const claimQuestionCount = values.resumeId
    ? parseWhole(values.claimQuestionCount, CLAIM_QUESTIONS.min, CLAIM_QUESTIONS.max)
    : null;
  if (values.resumeId && claimQuestionCount === null)
    errors.claimQuestionCount = `Enter a whole number from ${CLAIM_QUESTIONS.min} to ${CLAIM_QUESTIONS.max}.`;
  if (Object.keys(errors).length > 0 || questionCount === null) return { request: null, errors };

  const request: CreateInterviewRequest = {
    role: values.role ?? suggested.role,
    level: values.level ?? suggested.level,
    questionCount,
    voice: values.voice,
  };
  if (values.resumeId) request.resumeId = values.resumeId;
  if (values.jobDescriptionId) request.jobDescriptionId = values.jobDescriptionId;
  if (values.resumeId && claimQuestionCount !== null)
    request.claimQuestionCount = Math.min(claimQuestionCount, questionCount);
  return { request, errors };
}
