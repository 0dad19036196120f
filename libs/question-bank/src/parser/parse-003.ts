/**
 * Parser for "Full Stack Developer Interview Questions & Answers" (seed 003).
 *
 * Format: "Question N: <title>", then "Difficulty:", "Role:", "Level:", "Company Examples:",
 * `Question: “…”`, the scenario (→ context), and four numbered sections: "1. What is This Question
 * Testing?" (→ interviewer signals), "2. Framework to Answer This Question" (→ answer framework),
 * "3. The Answer" (→ sample answer) and "4. Interview Score" ("9/10" and "Why this score:" bullets).
 * Lines are wrapped in odd places; `reflow` joins them back.
 */
import type { Level } from '@mockroom/contracts';
import { emptyQuestion, type ParsedDocument, type ParsedQuestion, type Seed } from './parsed-question';
import { reflow } from './reflow';
import { cleanItem, looksLikeCode, normalizeNewlines, squash } from './text-utils';

const SECTION_HEADINGS: [RegExp, 'signals' | 'framework' | 'answer' | 'score'][] = [
  [/^1\.\s*What is This Question Testing\?$/, 'signals'],
  [/^2\.\s*Framework to Answer This Question$/, 'framework'],
  [/^3\.\s*The Answer$/, 'answer'],
  [/^4\.\s*Interview Score$/, 'score'],
];
type Section = 'header' | 'context' | 'signals' | 'framework' | 'answer' | 'score';

const ORDER: Level[] = ['mid', 'senior', 'staff'];

/**
 * "Mid-to-Senior (4-7 Years of Experience)" → mid, senior; "Senior/Staff" → senior, staff;
 * "Senior/Lead" → senior (a lead is a senior engineer with a lead role); "All Levels" → every level.
 */
export function levelsFromLabel(label: string): Level[] {
  const head = label
    .replace(/\(.*?\)/g, '')
    .trim()
    .toLowerCase();
  if (/\ball levels\b/.test(head)) return [...ORDER];
  const words = head.split(/\s*(?:-to-|\/|–|,|\bto\b)\s*/).map((w) => w.trim());
  const found = new Set<Level>();
  for (const word of words) {
    if (/^(mid|mid-level|intermediate)$/.test(word)) found.add('mid');
    else if (/^(senior|lead|tech lead)$/.test(word)) found.add('senior');
    else if (/^(staff|principal|architect)$/.test(word)) found.add('staff');
  }
  const indexes = [...found].map((l) => ORDER.indexOf(l));
  if (indexes.length === 0) return [];
  // A range ("Mid-to-Staff") includes the levels in between.
  return ORDER.slice(Math.min(...indexes), Math.max(...indexes) + 1);
}

/**
 * Markdown emphasis and check-mark bullets in prose: "**Timeline:**" → "Timeline:",
 * "- ✓ Consistency: …" → "- Consistency: …", "✓ No database errors" → "- No database errors".
 * Lines of code are left alone.
 */
function tidyProseLine(line: string): string {
  if (looksLikeCode(line)) return line;
  return line
    .replace(/\*\*([^*\n]+?)\*\*/g, '$1')
    .replace(/^(\s*-)\s*[✓✗]\s*/u, '$1 ')
    .replace(/^(\s*)[✓✗]\s+/u, '$1- ');
}

function unquote(text: string): string {
  return text.replace(/^[“"]\s*/, '').replace(/\s*[”"]$/, '');
}

export function parse003(seed: Seed): ParsedDocument {
  const lines = normalizeNewlines(seed.text).split('\n');
  const title = lines[0].trim();
  const questions: ParsedQuestion[] = [];
  let q: ParsedQuestion | null = null;
  let section: Section = 'header';
  let buffer: Record<Exclude<Section, 'header'>, string[]> = {
    context: [],
    signals: [],
    framework: [],
    answer: [],
    score: [],
  };

  const finish = () => {
    if (!q) return;
    const context = reflow(buffer.context.map(tidyProseLine), { code: true });
    q.context = context.length > 0 ? context.join('\n') : null;
    q.interviewerSignals = reflow(buffer.signals)
      .filter((l) => !(l.endsWith(':') && !l.startsWith('-')))
      .map(cleanItem);
    // The framework keeps its structure: intro, "Structure:" with a numbered step a line, "Key Principles:".
    const framework = reflow(buffer.framework, { list: true });
    q.answerFramework = framework.length > 0 ? framework.join('\n') : null;
    const answer = reflow(buffer.answer.map(tidyProseLine), { code: true });
    if (/^Answer:$/.test(answer[0] ?? '')) answer.shift();
    q.sampleAnswer = answer.length > 0 ? answer.join('\n') : null;
    q.sourceScore = parseScore(buffer.score);
    questions.push(q);
    q = null;
    buffer = { context: [], signals: [], framework: [], answer: [], score: [] };
  };

  for (const rawLine of lines) {
    const line = rawLine.trim();
    if (/^End of All \d+ Questions$/.test(line)) break;
    const start = /^Question (\d+):\s*(.+)$/.exec(line);
    if (start) {
      finish();
      q = emptyQuestion({
        document: seed.document,
        title,
        position: questions.length + 1,
        role: 'fullstack',
        levels: [],
        levelLabel: '',
      });
      section = 'header';
      continue;
    }
    if (!q) continue;
    const heading = SECTION_HEADINGS.find(([re]) => re.test(line));
    if (heading) {
      section = heading[1];
      continue;
    }
    if (section === 'header') {
      const field = /^(Difficulty|Role|Level|Company Examples|Question):\s*(.*)$/.exec(line);
      if (!field) continue;
      const value = field[2].trim();
      if (field[1] === 'Difficulty') q.difficulty = value;
      else if (field[1] === 'Level') {
        q.levelLabel = value;
        q.levels = levelsFromLabel(value);
      } else if (field[1] === 'Question') {
        q.text = squash(unquote(value));
        section = 'context';
      }
      continue;
    }
    buffer[section].push(rawLine);
  }
  finish();
  return { document: seed.document, title, questions };
}

function parseScore(lines: string[]): ParsedQuestion['sourceScore'] {
  const content = lines.map((l) => l.trim()).filter((l) => l.length > 0);
  const score = content.map((l) => /^(\d+(?:\.\d+)?)\s*\/\s*(\d+)$/.exec(l)).find((m) => m !== null);
  if (!score) return null;
  const whyAt = content.findIndex((l) => /^Why this score:$/.test(l));
  const reasons = whyAt < 0 ? [] : reflow(content.slice(whyAt + 1), { list: true }).map(cleanItem);
  return { score: Number(score[1]), outOf: Number(score[2]), reasons };
}
