import type { InterviewPlan, Question, TailoredClaimQuestion } from '@mockroom/contracts';
import type { QuestionBank } from '@mockroom/question-bank';

/** Ids of the questions a tailored interview makes from the résumé's claims. */
export const CLAIM_QUESTION_PREFIX = 'claim-';

/**
 * A claim question as the interview, the scoring and the review read any question: a behavioural question about the
 * candidate's own experience, whose rubric says what a well-backed claim covers (the candidate's own part, how the
 * result was measured, trade-offs, what went wrong).
 */
export function claimAsQuestion(claim: TailoredClaimQuestion, plan: InterviewPlan, position: number): Question {
  return {
    id: claim.questionId,
    source: { document: 'resume', title: plan.tailoring?.resumeName ?? 'Your résumé', position },
    role: plan.role,
    levels: [plan.level],
    levelLabel: plan.level,
    category: 'behavioral',
    difficulty: null,
    text: claim.text,
    textDerived: false,
    context: `From your résumé: “${claim.claim.text}”`,
    rubric: claim.rubric,
    interviewerSignals: [
      'Whether the claim holds up: specific actions, the candidate’s own part, a result and how it was measured.',
    ],
    whyAsked: 'It probes a claim on your résumé, as interviewers do: be ready to back it up.',
    sampleAnswer: null,
    answerFramework:
      'The situation in a sentence; what you did yourself (not only the team); how you measured the result; the trade-off you made; what went wrong or what you would change.',
    howToAnswer: [],
    starExample: null,
    followUps: claim.followUps,
    commonMistakes: [
      'Describing what the team did without saying what you did yourself.',
      'Giving the number without saying how it was measured or what it was before.',
    ],
    keyTerms: claim.keyTerms,
    sourceScore: null,
    referenceSolution: null,
  };
}

/** A question of an interview's plan: from the bank, or made from the résumé for this interview. */
export function resolvePlanQuestion(bank: QuestionBank, plan: InterviewPlan, questionId: string): Question | undefined {
  if (questionId.startsWith(CLAIM_QUESTION_PREFIX)) {
    const claims = plan.tailoring?.claims ?? [];
    const at = claims.findIndex((c) => c.questionId === questionId);
    return at === -1 ? undefined : claimAsQuestion(claims[at], plan, at);
  }
  return bank.get(questionId);
}
