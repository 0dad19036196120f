import type { PlanValues } from './plan-form';

/** For tests: a plan as the form holds it, five questions of the full-stack mid-level track. */
export const TRACK_PLAN: PlanValues = {
  source: 'track',
  trackId: 'fullstack-mid',
  role: 'fullstack',
  level: 'mid',
  questionCount: '5',
  categories: [],
  questionIds: [],
};
