/**
 * Parser for "Back-end Engineer Interview Questions" (seed 004).
 *
 * Format: blank-line separated paragraphs. Each question is a line ending in "?", then a paragraph on
 * why it is asked ("This question is important because …"), then `Answer example: “…“`. The document
 * is written for every level.
 */
import { emptyQuestion, type ParsedDocument, type ParsedQuestion, type Seed } from './parsed-question';
import { normalizeNewlines, squash, stripEmphasis } from './text-utils';

export function parse004(seed: Seed): ParsedDocument {
  const paragraphs = normalizeNewlines(seed.text)
    .split(/\n\s*\n/)
    .map((p) => squash(p))
    .filter((p) => p.length > 0);
  // The first "… Interview Questions" paragraph is the "Back to Interview Questions" link.
  const title = paragraphs.find((p) => /Interview Questions$/.test(p) && !/^Back to\b/.test(p)) ?? '';
  const questions: ParsedQuestion[] = [];
  for (let i = 0; i + 2 < paragraphs.length; i++) {
    const [question, why, answer] = paragraphs.slice(i, i + 3);
    const example = /^Answer example:\s*(.+)$/.exec(answer);
    if (!question.endsWith('?') || !example) continue;
    const q = emptyQuestion({
      document: seed.document,
      title,
      position: questions.length + 1,
      role: 'backend',
      levels: ['mid', 'senior', 'staff'],
      levelLabel: 'All levels',
    });
    q.text = question;
    q.whyAsked = why;
    // The source opens the quote with “ and closes it with “ as well.
    q.sampleAnswer = stripEmphasis(example[1])
      .replace(/^[“"]\s*/, '')
      .replace(/\s*[“”"]$/, '');
    questions.push(q);
    i += 2;
  }
  return { document: seed.document, title, questions };
}
