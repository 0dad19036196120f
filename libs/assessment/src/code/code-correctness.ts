import type { Assessment, CodeTestEvidence } from '@mockroom/contracts';
import { overallOf, score10 } from '../rubric/rubric-engine';

/** A finished run of the candidate's code, as the assessment needs it. */
export interface CodeRunOutcome {
  kind: 'run' | 'submit';
  passed: number;
  total: number;
  verdict: string | null;
}

/** Share of correctness the tests decide on a coding question; the rest is what the candidate said. */
export const TEST_WEIGHT = 0.6;
/** Examples alone do not show the edge cases: passing all of them counts for this much of a full test score. */
export const EXAMPLES_ONLY_CEILING = 0.8;

/** The run that counts: the last one that ran every test, else the last one. */
export function runThatCounts<T extends CodeRunOutcome>(runs: readonly T[]): T | null {
  return [...runs].reverse().find((r) => r.kind === 'submit') ?? runs.at(-1) ?? null;
}

/**
 * Weighs the tests into a coding answer's correctness: the code's verdict, from the run that counts, beside what the
 * candidate said about it. Complexity, quality and communication stay with the rubric (depth, clarity, relevance). An
 * answer without a finished run is left as the words have it, and says so.
 */
export function withCodeResults(assessment: Assessment, run: CodeRunOutcome | null): Assessment {
  if (!run) {
    return {
      ...assessment,
      code: null,
      reasons: {
        ...assessment.reasons,
        correctness: `${assessment.reasons.correctness} The code was not run against the tests, so correctness rests on what was said.`,
      },
    };
  }
  const ratio = run.total > 0 ? run.passed / run.total : 0;
  const testScore = score10(10 * ratio * (run.kind === 'submit' ? 1 : EXAMPLES_ONLY_CEILING));
  const spoken = assessment.scores.correctness;
  const correctness = score10(TEST_WEIGHT * testScore + (1 - TEST_WEIGHT) * spoken);
  const scores = { ...assessment.scores, correctness };
  scores.overall = overallOf(scores);
  const which = run.kind === 'submit' ? 'tests (hidden ones included)' : 'example tests (not submitted)';
  const stopped = run.verdict && run.verdict !== 'ok' ? ` The last run stopped early (${run.verdict}).` : '';
  const evidence: CodeTestEvidence = { ...run, testScore, spokenCorrectness: spoken };
  return {
    ...assessment,
    scores,
    code: evidence,
    reasons: {
      ...assessment.reasons,
      correctness: `The code passed ${run.passed} of ${run.total} ${which}.${stopped} ${assessment.reasons.correctness}`,
    },
  };
}
