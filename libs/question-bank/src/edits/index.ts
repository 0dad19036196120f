/**
 * The hand edits, keyed by question id. `buildBank` merges it with the parser output; every parsed
 * question needs exactly one entry (the entry gives its id), and every entry must match a question.
 */
import { EDITS_000 } from './edits-000';
import { EDITS_001 } from './edits-001';
import { EDITS_002 } from './edits-002';
import { EDITS_003 } from './edits-003';
import { EDITS_004 } from './edits-004';
import type { EditSet } from './types';

function merge(...sets: EditSet[]): EditSet {
  const all: EditSet = {};
  for (const set of sets) {
    for (const [id, entry] of Object.entries(set)) {
      if (id in all) throw new Error(`Edits: question id "${id}" is used twice`);
      all[id] = entry;
    }
  }
  return all;
}

export const EDITS: EditSet = merge(EDITS_000, EDITS_001, EDITS_002, EDITS_003, EDITS_004);

export type { FixableField, QuestionEdit, EditSet, TextFix } from './types';
