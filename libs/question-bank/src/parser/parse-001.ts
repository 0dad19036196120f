/**
 * Parser for "Senior Fullstack Developer Interview Questions" (seed 001).
 *
 * Format: the text is mojibake (UTF-8 read as Windows-874) and is repaired first. Each question is a
 * bare number line followed by the sections "Answer Framework", "STAR Example" (S/T/A blocks; the
 * source labels the Result block "Task" a second time), "How to Answer" (bullets), "Key Points to
 * Mention" and "Key Terminology" (each item run into the next without a separator), "What Interviewers
 * Look For" and "Common Mistakes to Avoid". The question sentence itself is missing: the hand edits write it.
 */
import type { StarExample } from '@mockroom/contracts';
import { emptyQuestion, type ParsedDocument, type ParsedQuestion, type Seed } from './parsed-question';
import { repairMojibake } from './repair-mojibake';
import { cleanItem, normalizeNewlines, splitConcatenatedList, squash, stripEmphasis } from './text-utils';

const SECTIONS = {
  'Answer Framework': 'framework',
  'STAR Example': 'star',
  'How to Answer': 'how',
  'Key Points to Mention': 'keyPoints',
  'Key Terminology': 'keyTerms',
  'What Interviewers Look For': 'signals',
  'Common Mistakes to Avoid': 'mistakes',
} as const;
type Section = (typeof SECTIONS)[keyof typeof SECTIONS];

const END_OF_QUESTIONS = /^Ready to Practice\?$/;
const STAR_LETTERS = new Set(['S', 'T', 'A', 'R']);
const STAR_LABELS = new Set(['Situation', 'Task', 'Action', 'Result']);

/** Reads the STAR blocks. Returns null when the source does not give all four parts. */
export function parseStar(lines: string[]): StarExample | null {
  const content = lines.map((l) => l.trim()).filter((l) => l.length > 0 && l !== '★');
  const parts: { label: string; text: string[] }[] = [];
  for (let i = 0; i < content.length; i++) {
    if (STAR_LETTERS.has(content[i]) && STAR_LABELS.has(content[i + 1] ?? '')) {
      parts.push({ label: content[i + 1], text: [] });
      i++;
      continue;
    }
    parts.at(-1)?.text.push(content[i]);
  }
  const star: Partial<StarExample> = {};
  for (const part of parts) {
    const text = squash(part.text.join(' '));
    if (part.label === 'Situation') star.situation = text;
    else if (part.label === 'Action') star.action = text;
    else if (part.label === 'Result') star.result = text;
    // The source labels the fourth block "Task" again: a Task that follows the Action is the Result.
    else if (part.label === 'Task') {
      if (star.action !== undefined) star.result = text;
      else star.task = text;
    }
  }
  // Some stories put the result inside the Action block as "Outcome: …".
  if (star.action && star.result === undefined) {
    const m = /^(.*?)\s*\bOutcome:\s*(.+)$/.exec(star.action);
    if (m) {
      star.action = m[1];
      star.result = m[2];
    }
  }
  const { situation, task, action, result } = star;
  if (!situation || !task || !action || !result) return null;
  return { situation, task, action, result };
}

function listItem(text: string): string {
  return cleanItem(text).replace(/\.$/, '');
}

export function parse001(seed: Seed): ParsedDocument {
  const lines = normalizeNewlines(repairMojibake(seed.text)).split('\n');
  const title = (lines.find((l) => /Interview Questions\s*$/.test(l)) ?? '').trim();

  const questions: ParsedQuestion[] = [];
  let sections: Partial<Record<Section, string[]>> = {};
  let section: Section | null = null;

  const finish = () => {
    if (!sections.framework) return;
    const q = emptyQuestion({
      document: seed.document,
      title,
      position: questions.length + 1,
      role: 'fullstack',
      levels: ['senior'],
      levelLabel: 'Senior',
    });
    const nonEmpty = (key: Section) =>
      (sections[key] ?? []).map((l) => l.trim()).filter((l) => l.length > 0 && l !== '★');
    q.answerFramework = squash(stripEmphasis(nonEmpty('framework').join(' ')));
    q.starExample = parseStar(sections.star ?? []);
    q.howToAnswer = nonEmpty('how').map(cleanItem);
    q.rubric = splitConcatenatedList(nonEmpty('keyPoints').join(' ')).map(listItem);
    q.keyTerms = splitConcatenatedList(nonEmpty('keyTerms').join(' ')).map(listItem);
    q.interviewerSignals = nonEmpty('signals').map(cleanItem);
    q.commonMistakes = nonEmpty('mistakes').map(cleanItem);
    questions.push(q);
    sections = {};
    section = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (END_OF_QUESTIONS.test(line)) break;
    // A question starts with a bare number whose next non-empty line is "Answer Framework".
    if (/^\d+$/.test(line)) {
      const next = lines
        .slice(i + 1)
        .find((l) => l.trim().length > 0)
        ?.trim();
      if (next === 'Answer Framework') {
        finish();
        continue;
      }
    }
    if (line in SECTIONS) {
      section = SECTIONS[line as keyof typeof SECTIONS];
      sections[section] = [];
      continue;
    }
    if (section) sections[section]?.push(lines[i]);
  }
  finish();
  return { document: seed.document, title, questions };
}
