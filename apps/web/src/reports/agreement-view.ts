import type { AgreementReport, DimensionAgreement } from '@mockroom/contracts';

export const DIMENSION_NAMES: Record<DimensionAgreement['dimension'], string> = {
  relevance: 'Relevance',
  depth: 'Depth',
  clarity: 'Clarity',
  correctness: 'Correctness',
  overall: 'Overall',
};

/** Within this of the interviewers on average, a dimension agrees well; beyond twice it, poorly. */
export const CLOSE_MAD = 1;

export function agreementTone(mad: number): 'success' | 'warning' | 'danger' {
  return mad <= CLOSE_MAD ? 'success' : mad <= 2 * CLOSE_MAD ? 'warning' : 'danger';
}

/** "The engine scores 0.4 higher on average", "0.6 lower", "the same on average". */
export function biasText(meanDifference: number): string {
  if (Math.abs(meanDifference) < 0.05) return 'the same on average';
  return `${Math.abs(meanDifference).toFixed(1)} ${meanDifference > 0 ? 'higher' : 'lower'} on average`;
}

/** The headline: how many questions of how many sessions and interviewers the figures come from. */
export function basisText(report: Pick<AgreementReport, 'pairs' | 'sessions' | 'interviewers'>): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(report.pairs, 'question')} scored by both, in ${plural(report.sessions, 'session')} with ${plural(report.interviewers, 'interviewer')}`;
}
