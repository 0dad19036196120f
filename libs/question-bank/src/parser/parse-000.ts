/**
 * Parser for the "Mid Fullstack Engineer Interview Questions" page (seed 000).
 *
 * Format: each question is one line "- <Category><Question?>What a strong answer covers" (the label
 * is glued to the question), then "- " rubric bullets, "View a sample answer", the sample answer on
 * one line, and optionally "Reference solution<language> <code…>" with the whole program on one line.
 * The next question's "- <Category>…" can be glued to the end of that code line.
 */
import type { Category } from '@mockroom/contracts';
import { extractFollowUps, extractPitfalls } from './extract';
import { emptyQuestion, type ParsedDocument, type ParsedQuestion, type Seed } from './parsed-question';
import { cleanItem, normalizeNewlines, squash } from './text-utils';

const LABELS: Record<string, Category> = {
  Technical: 'technical',
  Coding: 'coding',
  'System Design': 'system-design',
  Behavioral: 'behavioral',
  Architecture: 'architecture',
  Databases: 'databases',
  'API Design': 'api-design',
  Security: 'security',
  Performance: 'performance',
  Frontend: 'frontend',
};

const QUESTION_END = 'What a strong answer covers';
const END_OF_QUESTIONS = /^What interviewers assess$/;

export function parse000(seed: Seed): ParsedDocument {
  const labelAlternation = Object.keys(LABELS)
    .sort((a, b) => b.length - a.length)
    .map((l) => l.replace(/ /g, '\\s'))
    .join('|');
  // Put a question that was glued onto the end of a reference-solution line back on its own line.
  const text = normalizeNewlines(seed.text).replace(
    new RegExp(`\\s+-\\s(?=(?:${labelAlternation})[A-Z][^\\n]*${QUESTION_END}$)`, 'gm'),
    '\n- ',
  );
  const lines = text.split('\n');
  const title = lines[0].trim();
  const questionLine = new RegExp(`^-\\s(${labelAlternation})(?=[A-Z])(.+?)${QUESTION_END}\\s*$`);

  const questions: ParsedQuestion[] = [];
  let current: ParsedQuestion | null = null;
  let state: 'rubric' | 'answer' | 'none' = 'none';
  const answerLines: string[] = [];

  const finish = () => {
    if (!current) return;
    const answer = squash(answerLines.join(' '));
    current.sampleAnswer = answer.length > 0 ? answer : null;
    current.followUps = extractFollowUps(current.sampleAnswer);
    current.commonMistakes = extractPitfalls(current.sampleAnswer);
    questions.push(current);
    answerLines.length = 0;
    current = null;
  };

  for (const rawLine of lines) {
    const line = rawLine.trim();
    if (END_OF_QUESTIONS.test(line)) break;
    const q = questionLine.exec(line);
    if (q) {
      finish();
      const question: ParsedQuestion = emptyQuestion({
        document: seed.document,
        title,
        position: questions.length + 1,
        role: 'fullstack',
        levels: ['mid'],
        levelLabel: 'Mid',
      });
      question.categoryLabel = q[1];
      question.category = LABELS[q[1]];
      question.text = squash(q[2]);
      current = question;
      state = 'rubric';
      continue;
    }
    if (!current) continue;
    const question: ParsedQuestion = current;
    if (line === 'View a sample answer') {
      state = 'answer';
      continue;
    }
    const solution = /^Reference solution([a-z0-9+#-]+)\s+([\s\S]*)$/i.exec(line);
    if (solution) {
      question.referenceSolution = { language: solution[1].toLowerCase(), code: solution[2].trim() };
      state = 'none';
      continue;
    }
    if (state === 'rubric' && line.startsWith('- ')) question.rubric.push(cleanItem(line));
    else if (state === 'answer' && line.length > 0) answerLines.push(line);
  }
  finish();
  return { document: seed.document, title, questions };
}
