import { capitalizeFirst, splitSentences, squash } from './text-utils';

function asQuestion(text: string): string {
  const t = capitalizeFirst(squash(text)).replace(/[.\s]+$/, '');
  return t.endsWith('?') ? t : `${t}?`;
}

/**
 * Follow-up questions a sample answer anticipates: "Follow-up: what about CSRF? Use …" gives
 * "What about CSRF?"; "A follow-up question might be how I ensured idempotency." gives the phrase
 * as a question (the hand edits reword the ones that read badly out of context).
 */
export function extractFollowUps(answer: string | null): string[] {
  if (!answer) return [];
  const found: string[] = [];
  for (const m of answer.matchAll(/Follow-up:\s*([^?]+\?)/g)) found.push(asQuestion(m[1]));
  for (const m of answer.matchAll(/A follow-up question might be\s+([^.?]+)[.?]/g)) found.push(asQuestion(m[1]));
  return found;
}

/** "A common pitfall is not rotating tokens; …" → "Not rotating tokens; …". */
export function extractPitfalls(answer: string | null): string[] {
  if (!answer) return [];
  const found: string[] = [];
  for (const sentence of splitSentences(answer)) {
    const m = /^A common pitfall is\s+(.+)$/i.exec(sentence);
    if (m) found.push(capitalizeFirst(m[1]));
  }
  return found;
}
