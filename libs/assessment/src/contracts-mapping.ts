/** Mapping an assessment onto the shared contract types the live interview stores and sends (`AnswerResult`). */
import type { AnswerScores, RubricJudgement } from '@mockroom/contracts';
import type { Assessment } from './types';

export function toAnswerScores(a: Assessment): AnswerScores {
  return { ...a.scores };
}

export function toRubricJudgements(a: Assessment): RubricJudgement[] {
  return a.rubric.map((r) => ({
    pointId: r.pointId,
    text: r.text,
    covered: r.covered,
    evidence: r.evidence?.quote ?? null,
  }));
}

/** "rubric", "llm gpt-4o-mini", or "rubric (fallback from llm: timeout after 20000 ms)". */
export function engineLabel(a: Assessment): string {
  const e = a.engine;
  if (e.fallbackFrom) return `${e.name} (fallback from ${e.fallbackFrom}: ${e.fallbackReason ?? 'unknown reason'})`;
  return e.model ? `${e.name} ${e.model}` : e.name;
}
