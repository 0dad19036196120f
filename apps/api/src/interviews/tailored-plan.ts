import { BadRequestException } from '@nestjs/common';
import {
  ANSWER_SILENCE_DEFAULT_MS,
  type CreateInterviewRequest,
  type InterviewPlan,
  type JobProfile,
  type Level,
  type ResumeProfile,
  type Role,
  type TailoredClaimQuestion,
  type VoiceSource,
} from '@mockroom/contracts';
import type { QuestionBank } from '@mockroom/question-bank';
import { claimQuestions, listBankQuestions, rankBankQuestions } from '@mockroom/resume';

const DEFAULT_QUESTION_COUNT = 5;
const ROLE_NAMES: Record<Role, string> = { fullstack: 'Fullstack', backend: 'Backend' };
const LEVEL_NAMES: Record<Level, string> = { mid: 'Mid', senior: 'Senior', staff: 'Staff' };

export interface TailoringSources {
  resume: { fileName: string; profile: ResumeProfile } | null;
  job: { title: string | null; profile: JobProfile } | null;
  /** How the questions were phrased: offline templates, and why not by the language model. */
  phrasingNote: string;
}

/**
 * The plan of an interview tailored to a résumé, a job description or both: bank questions ranked for the posting (or,
 * without one, for the résumé's skills), and questions that probe the résumé's strongest claims, one every few bank
 * questions, as interviewers mix them. Each bank question keeps why it was chosen; each claim question its claim.
 */
export function tailorPlan(
  bank: QuestionBank,
  request: CreateInterviewRequest,
  sources: TailoringSources,
  defaultVoice: VoiceSource,
): InterviewPlan {
  const { resume, job } = sources;
  if (!resume && !job) throw new BadRequestException('Choose a résumé, a job description or both to tailor to.');
  const total = request.questionCount ?? DEFAULT_QUESTION_COUNT;
  const role: Role = request.role ?? job?.profile.role ?? resume?.profile.suggestedRole ?? 'backend';
  const level: Level = request.level ?? job?.profile.level ?? resume?.profile.suggestedLevel ?? 'mid';

  const claims: TailoredClaimQuestion[] = [];
  if (resume) {
    const wanted = Math.min(total, request.claimQuestionCount ?? Math.max(1, Math.round(total / 3)));
    const made = claimQuestions(resume.profile, { limit: wanted, level: level === 'mid' ? 'mid' : 'senior' });
    const byId = new Map(resume.profile.claims.map((c) => [c.id, c]));
    for (const question of made) {
      const claim = byId.get(question.claimId);
      if (!claim) continue;
      claims.push({
        questionId: claim.id,
        claim: {
          id: claim.id,
          text: claim.text,
          metric: claim.metric,
          organisation: claim.organisation,
          kind: claim.kind,
        },
        text: question.text,
        followUps: question.followUps,
        rubric: question.rubric,
        keyTerms: question.keyTerms,
      });
    }
    if (!claims.length && !job)
      throw new BadRequestException(
        'No claim on this résumé reads clearly enough to ask about (an action with a result: "cut p95 latency by 40%"). Add or correct one on the résumé page, or choose a job description.',
      );
  }

  // Bank questions for the posting, or for what the résumé says the candidate works with.
  const target: JobProfile = job?.profile ?? {
    title: null,
    role,
    level: level === 'staff' ? 'senior' : level,
    skills: (resume?.profile.skills ?? []).map((name) => ({ name, weight: 1 })),
    themes: [],
  };
  const suited = listBankQuestions(bank).filter((q) => q.role === role || q.role === 'fullstack');
  const ranked = rankBankQuestions(
    suited,
    { ...target, role, level: level === 'staff' ? 'senior' : level },
    {
      limit: Math.max(0, total - claims.length),
      profile: resume?.profile,
    },
  );
  if (!ranked.length && !claims.length) throw new BadRequestException('No question suits this résumé and posting.');

  // A claim question first (interviews often open on the résumé), then the rest spread among the bank questions.
  const order: string[] = [];
  const bankIds = ranked.map((r) => r.questionId);
  const claimIds = claims.map((c) => c.questionId);
  if (claimIds.length) order.push(claimIds.shift()!);
  const every = claimIds.length ? Math.max(1, Math.floor(bankIds.length / (claimIds.length + 1))) : Infinity;
  bankIds.forEach((id, i) => {
    order.push(id);
    if ((i + 1) % every === 0 && claimIds.length) order.push(claimIds.shift()!);
  });
  order.push(...claimIds);

  const title = job?.title
    ? `${job.title}: tailored practice`
    : `${ROLE_NAMES[role]} ${LEVEL_NAMES[level]} practice, tailored to your résumé`;
  return {
    role,
    level,
    trackId: null,
    title: title.slice(0, 200),
    questionIds: order,
    maxFollowUps: request.maxFollowUps ?? 1,
    answerSilenceMs: request.answerSilenceMs ?? ANSWER_SILENCE_DEFAULT_MS,
    voice: request.voice ?? defaultVoice,
    chosenByCandidate: false,
    tailoring: {
      claims,
      reasons: Object.fromEntries(ranked.map((r) => [r.questionId, r.reasons])),
      jobTitle: job?.title ?? null,
      resumeName: resume?.fileName ?? null,
      phrasing: { by: 'templates', note: sources.phrasingNote },
    },
  };
}
