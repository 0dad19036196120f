/**
 * Builds the question bank: parses every seed document, applies the hand edits (src/edits) and
 * validates the result. Pure: the same seeds always give the same bank, byte for byte once serialized.
 */
import { createHash } from 'node:crypto';
import { CATEGORIES, LEVELS, ROLES, type Question } from '@mockroom/contracts';
import { EDITS } from '../edits';
import type { FixableField, QuestionEdit, EditSet } from '../edits/types';
import type { BankFile } from '../types';
import { parse000 } from './parse-000';
import { parse001 } from './parse-001';
import { parse002 } from './parse-002';
import { parse003 } from './parse-003';
import { parse004 } from './parse-004';
import type { ParsedDocument, ParsedQuestion, Seed } from './parsed-question';
import { hasMojibake } from './repair-mojibake';

/** Bumped by hand when the bank's content or shape changes; the content hash is appended to it. */
export const BANK_SEMVER = '1.0.0';

/** One parser per document format, keyed by the seed file's three-digit prefix. */
export const PARSERS: Record<string, (seed: Seed) => ParsedDocument> = {
  '000': parse000,
  '001': parse001,
  '002': parse002,
  '003': parse003,
  '004': parse004,
};

export function documentPrefix(document: string): string {
  return document.slice(0, 3);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Parses the seeds without the hand edits (what `build-bank.cli.ts --raw` prints). */
export function parseSeeds(seeds: readonly Seed[]): ParsedDocument[] {
  return [...seeds]
    .sort((a, b) => a.document.localeCompare(b.document))
    .map((seed) => {
      const parser = PARSERS[documentPrefix(seed.document)];
      if (!parser) throw new Error(`No parser for seed ${seed.document}`);
      return parser(seed);
    });
}

function applyFix(parsed: ParsedQuestion, field: FixableField, from: string, to: string, where: string): void {
  const replaceIn = (value: string | null): string | null => (value === null ? null : value.split(from).join(to));
  let hit = false;
  const one = (value: string | null): string | null => {
    if (value !== null && value.includes(from)) hit = true;
    return replaceIn(value);
  };
  const many = (values: string[]): string[] => values.map((v) => one(v) ?? v);
  switch (field) {
    case 'text':
      parsed.text = one(parsed.text) ?? '';
      break;
    case 'context':
      parsed.context = one(parsed.context);
      break;
    case 'sampleAnswer':
      parsed.sampleAnswer = one(parsed.sampleAnswer);
      break;
    case 'answerFramework':
      parsed.answerFramework = one(parsed.answerFramework);
      break;
    case 'howToAnswer':
      parsed.howToAnswer = many(parsed.howToAnswer);
      break;
    case 'rubric':
      parsed.rubric = many(parsed.rubric);
      break;
    case 'keyTerms':
      parsed.keyTerms = many(parsed.keyTerms);
      break;
    case 'interviewerSignals':
      parsed.interviewerSignals = many(parsed.interviewerSignals);
      break;
    case 'commonMistakes':
      parsed.commonMistakes = many(parsed.commonMistakes);
      break;
    case 'followUps':
      parsed.followUps = many(parsed.followUps);
      break;
    case 'scoreReasons':
      if (parsed.sourceScore) parsed.sourceScore = { ...parsed.sourceScore, reasons: many(parsed.sourceScore.reasons) };
      break;
  }
  if (!hit) throw new Error(`${where}: fix on ${field} does not apply (no "${from.slice(0, 60)}")`);
}

/** Merges one parsed question with its edits into the final question. */
export function applyEdit(id: string, parsed: ParsedQuestion, edit: QuestionEdit): Question {
  const where = `${id} (${edit.at})`;
  const haystack = `${parsed.text}\n${parsed.answerFramework ?? ''}`;
  if (!haystack.includes(edit.anchor))
    throw new Error(`${where}: anchor "${edit.anchor}" not found; do the edits still match the seed?`);
  const q: ParsedQuestion = structuredClone(parsed);
  for (const fix of edit.fixes ?? []) applyFix(q, fix.field, fix.from, fix.to, where);

  const category = edit.category ?? q.category;
  if (!category) throw new Error(`${where}: the source gives no category and the edits assign none`);
  const textDerived = parsed.text.trim().length === 0;
  const text = edit.text ?? q.text;
  const rubric = edit.rubric ?? q.rubric;
  const star = edit.starExample ?? q.starExample;
  const score = q.sourceScore;
  const solution = q.referenceSolution;
  return {
    id,
    source: { document: q.document, title: q.title, position: q.position },
    role: q.role,
    levels: [...q.levels],
    levelLabel: q.levelLabel,
    category,
    difficulty: q.difficulty,
    text,
    textDerived,
    context: q.context,
    rubric: rubric.map((t, i) => ({ id: `${id}#${i + 1}`, text: t })),
    interviewerSignals: edit.interviewerSignals ?? q.interviewerSignals,
    whyAsked: q.whyAsked,
    sampleAnswer: q.sampleAnswer,
    answerFramework: q.answerFramework,
    howToAnswer: q.howToAnswer,
    starExample: star ? { situation: star.situation, task: star.task, action: star.action, result: star.result } : null,
    followUps: edit.followUps ?? q.followUps,
    commonMistakes: edit.commonMistakes ?? q.commonMistakes,
    keyTerms: edit.keyTerms ?? q.keyTerms,
    sourceScore: score ? { score: score.score, outOf: score.outOf, reasons: score.reasons } : null,
    referenceSolution: solution ? { language: solution.language, code: solution.code } : null,
  };
}

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LEADING_GLYPH = /^\s*[-•✓✗★*]/u;

/** Every problem with one question, as messages (empty when the question is fine). */
export function questionProblems(q: Question): string[] {
  const problems: string[] = [];
  const must = (ok: boolean, message: string) => {
    if (!ok) problems.push(`${q.id}: ${message}`);
  };
  must(ID_PATTERN.test(q.id) && q.id.length <= 60, 'id must be a kebab-case slug of at most 60 characters');
  must(q.text.trim().length > 0, 'text is empty');
  must(ROLES.includes(q.role), `unknown role ${q.role}`);
  must(q.levels.length > 0 && q.levels.every((l) => LEVELS.includes(l)), 'levels must be non-empty and known');
  must(q.levelLabel.trim().length > 0, 'levelLabel is empty');
  must(CATEGORIES.includes(q.category), `unknown category ${q.category}`);
  must(q.rubric.length >= 3, 'rubric needs at least 3 points');
  must(
    q.rubric.every((p, i) => p.id === `${q.id}#${i + 1}` && p.text.trim().length > 0),
    'rubric points need ids <question-id>#<n> and text',
  );
  must(Boolean(q.sampleAnswer?.trim() || q.answerFramework?.trim()), 'needs a sample answer or an answer framework');
  must(q.keyTerms.length >= 1, 'needs at least one key term');
  must(new Set(q.keyTerms.map((t) => t.toLowerCase())).size === q.keyTerms.length, 'duplicate key terms');
  if (q.starExample) {
    const s = q.starExample;
    must(
      [s.situation, s.task, s.action, s.result].every((p) => p.trim().length > 0),
      'STAR example has an empty part',
    );
  }
  if (q.sourceScore)
    must(q.sourceScore.score > 0 && q.sourceScore.score <= q.sourceScore.outOf, 'source score out of range');
  const lists = [
    q.rubric.map((p) => p.text),
    q.interviewerSignals,
    q.howToAnswer,
    q.followUps,
    q.commonMistakes,
    q.keyTerms,
    q.sourceScore?.reasons ?? [],
  ];
  must(
    lists.every((list) => list.every((item) => item.trim().length > 0 && !LEADING_GLYPH.test(item))),
    'a list item is empty or starts with a bullet glyph',
  );
  const json = JSON.stringify(q);
  must(!hasMojibake(json), 'mojibake left in the text');
  must(
    !json.includes('View a sample answer') && !json.includes('What a strong answer covers'),
    'page furniture left in the text',
  );
  return problems;
}

/** The parsed questions merged with the edits, validated. Throws listing every problem found. */
export function buildBank(seeds: readonly Seed[], edits: EditSet = EDITS): BankFile {
  const documents = parseSeeds(seeds);
  const byLocation = new Map<string, [string, QuestionEdit]>();
  for (const [id, entry] of Object.entries(edits)) {
    if (byLocation.has(entry.at)) throw new Error(`Edits: two entries for ${entry.at}`);
    byLocation.set(entry.at, [id, entry]);
  }
  const used = new Set<string>();
  const problems: string[] = [];
  const questions: Question[] = [];
  for (const doc of documents) {
    for (const parsed of doc.questions) {
      const at = `${documentPrefix(doc.document)}#${parsed.position}`;
      const entry = byLocation.get(at);
      if (!entry) {
        problems.push(`${at}: no edit entry (every question needs one: it gives the id)`);
        continue;
      }
      used.add(at);
      try {
        questions.push(applyEdit(entry[0], parsed, entry[1]));
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
  }
  for (const at of byLocation.keys()) if (!used.has(at)) problems.push(`${at}: edit entry matches no parsed question`);
  const ids = new Set<string>();
  for (const q of questions) {
    if (ids.has(q.id)) problems.push(`${q.id}: duplicate id`);
    ids.add(q.id);
    problems.push(...questionProblems(q));
  }
  if (problems.length > 0) throw new Error(`The question bank has problems:\n- ${problems.join('\n- ')}`);

  const hash = sha256(JSON.stringify(questions)).slice(0, 12);
  const seedInfo = [...seeds]
    .sort((a, b) => a.document.localeCompare(b.document))
    .map((seed, i) => ({
      document: seed.document,
      sha256: sha256(seed.text),
      title: documents[i].title,
      questionCount: documents[i].questions.length,
    }));
  return { version: `${BANK_SEMVER}+${hash}`, seeds: seedInfo, questions };
}

/** The bank as written to bank.json: two-space indentation, keys in contract order, trailing newline. */
export function serializeBank(bank: BankFile): string {
  return `${JSON.stringify(bank, null, 2)}\n`;
}
