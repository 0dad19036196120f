/**
 * The hand review, keyed by question id. `buildBank` merges it with the parser output; every parsed
 * question needs exactly one entry (the entry gives its id), and every entry must match a question.
 */
import { REVIEW_000 } from './review-000';
import { REVIEW_001 } from './review-001';
import { REVIEW_002 } from './review-002';
import { REVIEW_003 } from './review-003';
import { REVIEW_004 } from './review-004';
import type { ReviewSet } from './types';

function merge(...sets: ReviewSet[]): ReviewSet {
  const all: ReviewSet = {};
  for (const set of sets) {
    for (const [id, entry] of Object.entries(set)) {
      if (id in all) throw new Error(`Review: question id "${id}" is used twice`);
      all[id] = entry;
    }
  }
  return all;
}

export const REVIEW: ReviewSet = merge(REVIEW_000, REVIEW_001, REVIEW_002, REVIEW_003, REVIEW_004);

export type { FixableField, QuestionReview, ReviewSet, TextFix } from './types';
