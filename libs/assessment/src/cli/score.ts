/**
 * `npm run score`: assess one answer, or a JSONL batch. The logic lives here (testable); `score.cli.ts`
 * only wires it to the process.
 *
 *   npm run score -- --question "<question text or id>" --answer-file <file> [--level mid|senior|staff] [--json]
 *   npm run score -- --batch <in.jsonl> > out.jsonl
 */
import { LEVELS, type Level, type Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { readFile } from 'node:fs/promises';
import { assessmentOptionsFromEnv, createAssessmentEngine, type AssessmentEngineOptions } from '../engine-factory';
import type { Assessment, AssessmentEngine } from '../types';

export interface ScoreIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<string>;
  env: Readonly<Record<string, string | undefined>>;
  /** Make the engine (tests pass a fake); default: from the environment. */
  makeEngine?: (options: AssessmentEngineOptions) => AssessmentEngine;
}

export const USAGE = `Usage:
  npm run score -- --question "<question text or id>" --answer-file <file> [--level mid|senior|staff] [--json]
  npm run score -- --batch <in.jsonl> [--level ...] > out.jsonl      (lines: {"question": "...", "answer": "...", "id"?: "...", "level"?: "..."})
Options: --answer-file - reads stdin. The engine comes from OPENAI_API_KEY / ASSESSMENT_ENGINE (see libs/assessment/README.md).`;

interface Args {
  question?: string;
  answerFile?: string;
  batch?: string;
  level?: string;
  json: boolean;
  help: boolean;
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const next = () => {
      if (inline !== undefined) return inline;
      const v = argv[i + 1];
      if (v === undefined || (v.startsWith('--') && v !== '-')) throw new UsageError(`${flag} needs a value`);
      i++;
      return v;
    };
    switch (flag) {
      case '--question':
      case '-q':
        args.question = next();
        break;
      case '--answer-file':
      case '-f':
        args.answerFile = next();
        break;
      case '--batch':
        args.batch = next();
        break;
      case '--level':
        args.level = next();
        break;
      case '--json':
        args.json = true;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new UsageError(`unknown option ${a}`);
    }
  }
  return args;
}

class UsageError extends Error {}

export class QuestionNotFoundError extends Error {
  constructor(
    readonly query: string,
    readonly closest: { id: string; text: string }[],
  ) {
    super(`No bank question matches "${query}".`);
  }
}

/** A bank question by id, or by text matched even when worded differently. */
export function resolveQuestion(
  bank: QuestionBank,
  query: string,
): { question: Question; how: 'id' | 'match'; score?: number } {
  const trimmed = query.trim();
  const byId = bank.get(trimmed);
  if (byId) return { question: byId, how: 'id' };
  const matched = bank.match(trimmed);
  if (matched) return { question: matched.question, how: 'match', score: matched.score };
  const closest = bank.list({ q: trimmed, limit: 3 }).items.map((q) => ({ id: q.id, text: q.text }));
  throw new QuestionNotFoundError(trimmed, closest);
}

function parseLevel(value: string | undefined): Level | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (!(LEVELS as readonly string[]).includes(v)) throw new UsageError(`--level must be one of ${LEVELS.join(', ')}`);
  return v as Level;
}

/** The one-line JSON result of a batch line. */
export function batchRecord(id: string | undefined, a: Assessment): Record<string, unknown> {
  return {
    ...(id !== undefined ? { id } : {}),
    questionId: a.questionId,
    engine: a.engine.name,
    ...(a.engine.fallbackFrom ? { fallbackFrom: a.engine.fallbackFrom, fallbackReason: a.engine.fallbackReason } : {}),
    relevance: a.scores.relevance,
    depth: a.scores.depth,
    clarity: a.scores.clarity,
    correctness: a.scores.correctness,
    overall: a.scores.overall,
    covered: a.rubric.filter((r) => r.covered).map((r) => r.pointId),
    missed: a.rubric.filter((r) => !r.covered).map((r) => r.pointId),
    feedback: a.feedback,
    followUp: a.followUp?.text ?? null,
  };
}

/** The human-readable report of one assessment. */
export function formatAssessment(question: Question, a: Assessment): string {
  const s = a.scores;
  const engine = a.engine.fallbackFrom
    ? `${a.engine.name} (fell back from ${a.engine.fallbackFrom}: ${a.engine.fallbackReason})`
    : `${a.engine.name}${a.engine.model ? ` ${a.engine.model}` : ''}`;
  const lines = [
    `Question: ${question.text} [${question.id}]`,
    `Engine:   ${engine}`,
    '',
    `Overall ${s.overall.toFixed(1)}   relevance ${s.relevance.toFixed(1)}   depth ${s.depth.toFixed(1)}   clarity ${s.clarity.toFixed(1)}   correctness ${s.correctness.toFixed(1)}`,
    `  relevance:   ${a.reasons.relevance}`,
    `  depth:       ${a.reasons.depth}`,
    `  clarity:     ${a.reasons.clarity}`,
    `  correctness: ${a.reasons.correctness}`,
    '',
    'Rubric:',
    ...a.rubric.map(
      (r) =>
        `  [${r.covered ? 'x' : ' '}] ${r.text}${r.evidence ? `\n        “${r.evidence.quote.replace(/\s+/g, ' ').slice(0, 160)}” (chars ${r.evidence.start}–${r.evidence.end})` : ''}`,
    ),
  ];
  if (a.commonMistakes.length)
    lines.push(
      '',
      'Common mistakes:',
      ...a.commonMistakes.map(
        (m) => `  - ${m.text}${m.evidence ? ` (“${m.evidence.quote.replace(/\s+/g, ' ').slice(0, 100)}”)` : ''}`,
      ),
    );
  if (a.keyTermsUsed.length) lines.push('', `Key terms used: ${a.keyTermsUsed.join(', ')}`);
  if (a.star)
    lines.push(
      '',
      `STAR: ${(['situation', 'task', 'action', 'result', 'lesson'] as const).map((p) => `${p} ${a.star?.[p] ? '✓' : '✗'}`).join('  ')}`,
    );
  if (a.analytics) {
    const an = a.analytics;
    lines.push(
      '',
      `Speech: ${an.wordsPerMinute} wpm, talk time ${(an.talkTimeMs / 1000).toFixed(1)} s, ${an.fillerCount} fillers, ${an.longPauses.length} long pauses, hedges: ${an.hedges.map((h) => `${h.phrase}×${h.count}`).join(', ') || 'none'}`,
    );
  }
  lines.push(
    '',
    `Feedback: ${a.feedback}`,
    `Follow-up: ${a.followUp ? `${a.followUp.text} (${a.followUp.source})` : '—'}`,
  );
  return lines.join('\n');
}

async function runSingle(args: Args, io: ScoreIo, engine: AssessmentEngine, bank: QuestionBank): Promise<number> {
  if (!args.question || !args.answerFile) {
    io.stderr(`score: --question and --answer-file are both needed (or --batch)\n\n${USAGE}\n`);
    return 2;
  }
  let resolved;
  try {
    resolved = resolveQuestion(bank, args.question);
  } catch (err) {
    if (err instanceof QuestionNotFoundError) {
      io.stderr(`score: no bank question matches "${err.query}".\n`);
      if (err.closest.length)
        io.stderr(`Closest questions:\n${err.closest.map((c) => `  ${c.id}: ${c.text}`).join('\n')}\n`);
      io.stderr('Pass a question id or its text (rewording is fine).\n');
      return 2;
    }
    throw err;
  }
  let answer: string;
  try {
    answer = await io.readFile(args.answerFile);
  } catch (err) {
    io.stderr(
      `score: cannot read the answer file ${args.answerFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`,
    );
    return 1;
  }
  const assessment = await engine.assess({
    question: resolved.question,
    transcript: answer,
    level: parseLevel(args.level),
  });
  if (args.json) io.stdout(`${JSON.stringify(assessment, null, 2)}\n`);
  else
    io.stdout(
      `${resolved.how === 'match' ? `(matched the bank question with similarity ${resolved.score})\n` : ''}${formatAssessment(resolved.question, assessment)}\n`,
    );
  return 0;
}

/** Assesses a JSONL batch; malformed lines get an error object on their output line and the rest go on. */
export async function runBatch(
  text: string,
  io: Pick<ScoreIo, 'stdout'>,
  engine: AssessmentEngine,
  bank: QuestionBank,
  defaultLevel?: Level,
): Promise<{ ok: number; failed: number }> {
  let ok = 0;
  let failed = 0;
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    if (line === '') continue;
    let id: string | undefined;
    try {
      let item: unknown;
      try {
        item = JSON.parse(line);
      } catch {
        throw new Error('malformed JSON');
      }
      if (typeof item !== 'object' || item === null || Array.isArray(item))
        throw new Error('each line must be a JSON object');
      const rec = item as Record<string, unknown>;
      if (rec['id'] !== undefined) id = String(rec['id']);
      if (typeof rec['question'] !== 'string' || rec['question'].trim() === '')
        throw new Error('"question" (text or id) is required');
      if (typeof rec['answer'] !== 'string') throw new Error('"answer" must be a string');
      const level = typeof rec['level'] === 'string' ? parseLevel(rec['level']) : defaultLevel;
      let question: Question;
      try {
        question = resolveQuestion(bank, rec['question']).question;
      } catch (err) {
        if (err instanceof QuestionNotFoundError)
          throw new Error(
            `no bank question matches "${err.query}"${err.closest.length ? ` (closest: ${err.closest.map((c) => c.id).join(', ')})` : ''}`,
          );
        throw err;
      }
      const a = await engine.assess({ question, transcript: rec['answer'], level });
      io.stdout(`${JSON.stringify(batchRecord(id, a))}\n`);
      ok++;
    } catch (err) {
      io.stdout(
        `${JSON.stringify({ line: n + 1, ...(id !== undefined ? { id } : {}), error: err instanceof Error ? err.message : String(err) })}\n`,
      );
      failed++;
    }
  }
  return { ok, failed };
}

export async function main(argv: readonly string[], io: ScoreIo): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
    parseLevel(args.level);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`score: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (args.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  let engine: AssessmentEngine;
  try {
    const options = assessmentOptionsFromEnv(io.env);
    engine = (io.makeEngine ?? createAssessmentEngine)(options);
  } catch (err) {
    io.stderr(`score: ${(err as Error).message}\n`);
    return 2;
  }
  const bank = QuestionBank.load();
  if (args.batch) {
    let text: string;
    try {
      text = await io.readFile(args.batch);
    } catch (err) {
      io.stderr(
        `score: cannot read the batch file ${args.batch}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`,
      );
      return 1;
    }
    const { ok, failed } = await runBatch(text, io, engine, bank, parseLevel(args.level));
    io.stderr(`score: ${ok} assessed, ${failed} failed\n`);
    return failed > 0 && ok === 0 ? 1 : 0;
  }
  return runSingle(args, io, engine, bank);
}

/** Reads a file, or stdin for "-". */
export async function readInput(path: string): Promise<string> {
  if (path !== '-') return readFile(path, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
