/**
 * Parser for "Mid-Level Backend Engineer Interview Questions" (seed 002).
 *
 * Format: each question is a numbered category line ("1. Coding – Data Structures") followed by the
 * same number with the question ("1. Given a stream of integers, …"), a "How to answer:" paragraph
 * and a "What they look for:" paragraph. There are no rubric bullets: the hand edits derive them.
 */
import { CATEGORIES, CATEGORY_LABELS, type Category } from '@mockroom/contracts';
import { emptyQuestion, type ParsedDocument, type ParsedQuestion, type Seed } from './parsed-question';
import { normalizeNewlines, splitSentences, squash } from './text-utils';

const normalizeLabel = (label: string) => label.toLowerCase().replace(/[^a-z]/g, '');

/** Maps "Coding – Algorithms", "Reliability & Operations", "Language / Runtime" onto the contract's categories. */
export function categoryFromLabel(label: string): Category | null {
  const head = label.split(/\s+[–—-]\s+/)[0];
  const wanted = normalizeLabel(head);
  return CATEGORIES.find((c) => normalizeLabel(CATEGORY_LABELS[c]) === wanted) ?? null;
}

/** Sentences that describe what not to do, or what interviewers penalise. */
export function mistakeSentences(text: string): string[] {
  return splitSentences(text).filter((s) =>
    /^(Avoid\b|Don['’]t\b|Do not\b|Never\b)|penali[sz]ed|distrust|red flag/i.test(s),
  );
}

export function parse002(seed: Seed): ParsedDocument {
  const lines = normalizeNewlines(seed.text)
    .split('\n')
    .map((l) => l.trim());
  const title = (lines.find((l) => /Interview Questions$/.test(l) && l !== 'Interview questions') ?? '').trim();
  const start = lines.findIndex((l) => /^\d+ questions, with how to answer them$/.test(l));
  const end = lines.findIndex((l, i) => i > start && l === 'Study tips');
  const body = lines.slice(start + 1, end < 0 ? undefined : end).filter((l) => l.length > 0);

  const questions: ParsedQuestion[] = [];
  for (let i = 0; i < body.length; i++) {
    const label = /^(\d+)\.\s+(.+)$/.exec(body[i]);
    const question = label ? new RegExp(`^${label[1]}\\.\\s+(.+)$`).exec(body[i + 1] ?? '') : null;
    if (!label || !question) continue;
    const q = emptyQuestion({
      document: seed.document,
      title,
      position: questions.length + 1,
      role: 'backend',
      levels: ['mid'],
      levelLabel: 'Mid-Level',
    });
    q.categoryLabel = label[2];
    q.category = categoryFromLabel(label[2]);
    q.text = squash(question[1]);
    let j = i + 2;
    for (; j < body.length; j++) {
      const how = /^How to answer:\s*(.+)$/.exec(body[j]);
      const look = /^What they look for:\s*(.+)$/.exec(body[j]);
      if (how) q.answerFramework = squash(how[1]);
      else if (look) q.interviewerSignals = splitSentences(look[1]);
      else break;
    }
    q.commonMistakes = [
      ...mistakeSentences(q.answerFramework ?? ''),
      ...q.interviewerSignals.filter((s) => mistakeSentences(s).length > 0),
    ];
    questions.push(q);
    i = j - 1;
  }
  return { document: seed.document, title, questions };
}
