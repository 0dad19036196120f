/**
 * The engine against people, offline: the answers of finished human sessions that interviewers scored, as an admin
 * exported them (GET /api/reports/agreement/answers), scored again by the current engine. The same agreement figures
 * as the admin report (mean absolute and signed difference per score, the worst disagreements) for the scores stored
 * when the sessions ran and for the current engine, side by side: a change to the engine is checked against people,
 * not only against answers written for the tests.
 */
import { LEVELS, SCORE_DIMENSIONS, type AgreementAnswer, type AgreementReport, type Level } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { readFileSync } from 'node:fs';
import { agreementReport, type ScoredPair } from '../agreement/agreement';
import type { AssessmentEngine } from '../types';

export interface AgreementEvalReport {
  engine: string;
  /** Answers in the file. */
  answers: number;
  /** Answers scored again (the others are listed in `skipped`). */
  rescored: number;
  skipped: { interviewId: string; questionIndex: number; questionId: string; reason: string }[];
  /** Scored again by the rubric engine because the named engine failed, with how often each reason came up. */
  fallbacks: number;
  fallbackReasons: Record<string, number>;
  /** The scores stored when the sessions ran, against the interviewers (on the answers scored again). */
  stored: AgreementReport;
  /** The current engine's, against the same interviewers' scores. */
  current: AgreementReport;
  /** The stored overall of each answer scored again, by `interviewId#questionIndex` (beside the worst disagreements). */
  storedOverall: Record<string, number>;
  /** Answers whose overall changed, and the mean size of the change. */
  moved: { answers: number; meanAbsoluteChange: number };
  elapsedMs: number;
}

/** How many of the worst disagreements the report lists. */
export const AGREEMENT_WORST = 5;

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The answers of an export file (the endpoint's `{ exportedAt, answers }`, or the bare list). Throws on a malformed file. */
export function parseAgreementAnswers(text: string, source = 'the file'): AgreementAnswer[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${source} is not JSON`);
  }
  const list = Array.isArray(json) ? json : (json as { answers?: unknown } | null)?.answers;
  if (!Array.isArray(list))
    throw new Error(`${source} has no "answers" list (export it from GET /api/reports/agreement/answers)`);
  list.forEach((a: Partial<AgreementAnswer>, i) => {
    const bad = (what: string) => new Error(`${source}: answer ${i + 1} ${what}`);
    if (!a || typeof a !== 'object') throw bad('is not an object');
    if (typeof a.questionId !== 'string' || typeof a.transcript !== 'string')
      throw bad('needs questionId and transcript');
    if (!a.human || !SCORE_DIMENSIONS.every((d) => isNumber(a.human?.[d])))
      throw bad('needs the interviewer\'s four scores ("human")');
    if (!a.engine || ![...SCORE_DIMENSIONS, 'overall' as const].every((d) => isNumber(a.engine?.[d])))
      throw bad('needs the stored engine scores ("engine")');
    if (
      a.segments != null &&
      (!Array.isArray(a.segments) ||
        !a.segments.every((s) => typeof s?.text === 'string' && isNumber(s.startMs) && isNumber(s.endMs)))
    )
      throw bad('has malformed segments');
  });
  return list as AgreementAnswer[];
}

export function readAgreementAnswers(path: string): AgreementAnswer[] {
  return parseAgreementAnswers(readFileSync(path, 'utf8'), path);
}

function pairOf(a: AgreementAnswer, engine: ScoredPair['engine']): ScoredPair {
  return {
    interviewId: a.interviewId ?? '?',
    title: a.title ?? '',
    questionIndex: a.questionIndex ?? 0,
    questionText: a.questionText ?? a.questionId,
    interviewer: a.interviewer ?? 'Interviewer',
    engine,
    human: {
      relevance: a.human.relevance,
      depth: a.human.depth,
      clarity: a.human.clarity,
      correctness: a.human.correctness,
    },
    at: new Date(a.at ?? 0),
  };
}

/** Scores every exported answer again with `engine` (offline for the rubric engine) and compares both with the interviewers. */
export async function runAgreementEval(
  engine: AssessmentEngine,
  answers: readonly AgreementAnswer[],
  bank = QuestionBank.load(),
  worst = AGREEMENT_WORST,
): Promise<AgreementEvalReport> {
  const started = performance.now();
  const skipped: AgreementEvalReport['skipped'] = [];
  const stored: ScoredPair[] = [];
  const current: ScoredPair[] = [];
  const fallbackReasons: Record<string, number> = {};
  let fallbacks = 0;
  let moved = 0;
  let change = 0;
  const storedOverall: Record<string, number> = {};
  for (const a of answers) {
    const question = bank.get(a.questionId);
    const where = { interviewId: a.interviewId ?? '?', questionIndex: a.questionIndex ?? 0, questionId: a.questionId };
    if (!question) {
      skipped.push({ ...where, reason: 'question no longer in the bank' });
      continue;
    }
    if (!a.transcript.trim()) {
      skipped.push({ ...where, reason: 'no words to score' });
      continue;
    }
    const level: Level = (LEVELS as readonly string[]).includes(a.level) ? a.level : (question.levels[0] ?? 'mid');
    const assessment = await engine.assess({
      question,
      transcript: a.transcript,
      segments: a.segments ?? undefined,
      level,
    });
    if (assessment.engine.fallbackFrom) {
      fallbacks++;
      const reason = assessment.engine.fallbackReason ?? 'unknown';
      fallbackReasons[reason] = (fallbackReasons[reason] ?? 0) + 1;
    }
    stored.push(pairOf(a, a.engine));
    storedOverall[`${where.interviewId}#${where.questionIndex}`] = a.engine.overall;
    current.push(pairOf(a, assessment.scores));
    const delta = Math.abs(assessment.scores.overall - a.engine.overall);
    if (delta > 0) moved++;
    change += delta;
  }
  return {
    engine: engine.name,
    answers: answers.length,
    rescored: current.length,
    skipped,
    fallbacks,
    fallbackReasons,
    stored: agreementReport(stored, worst),
    current: agreementReport(current, worst),
    storedOverall,
    moved: {
      answers: moved,
      meanAbsoluteChange: current.length ? Math.round((change / current.length) * 100) / 100 : 0,
    },
    elapsedMs: Math.round(performance.now() - started),
  };
}

const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(2)}`;

/** The comparison as `npm run eval:scoring -- --agreement FILE` prints it. */
export function formatAgreementEval(r: AgreementEvalReport): string {
  const { current, stored } = r;
  const lines = [
    `agreement with interviewers (${r.engine}): ${r.rescored} answers scored again, ${current.sessions} sessions, ${current.interviewers} interviewers` +
      (r.skipped.length ? `; ${r.skipped.length} of ${r.answers} skipped` : ''),
  ];
  if (!r.rescored) {
    lines.push('  nothing to compare: the file has no answer the engine can score');
  } else {
    lines.push('  mean |engine − interviewer| (mean engine − interviewer; above 0 the engine is more generous)');
    lines.push(`  ${'score'.padEnd(12)} ${'stored'.padStart(15)} ${'current'.padStart(15)}`);
    const byDimension = (report: AgreementReport) => new Map(report.dimensions.map((d) => [d.dimension, d]));
    const [s, c] = [byDimension(stored), byDimension(current)];
    for (const dimension of [...SCORE_DIMENSIONS, 'overall' as const]) {
      const cell = (d: AgreementReport['dimensions'][number] | undefined) =>
        (d ? `${d.meanAbsoluteDifference.toFixed(2)} (${signed(d.meanDifference)})` : '–').padStart(15);
      lines.push(`  ${dimension.padEnd(12)} ${cell(s.get(dimension))} ${cell(c.get(dimension))}`);
    }
    lines.push(
      `  overall moved on ${r.moved.answers} of ${r.rescored} answers (mean |change| ${r.moved.meanAbsoluteChange.toFixed(2)})`,
    );
    lines.push(`  worst disagreements now (current vs interviewer overall, stored in brackets):`);
    for (const d of current.disagreements) {
      const was = r.storedOverall[`${d.interviewId}#${d.questionIndex}`];
      const text = d.questionText.length > 60 ? `${d.questionText.slice(0, 57)}...` : d.questionText;
      lines.push(
        `    ${d.engine.overall.toFixed(1)} vs ${d.human.overall.toFixed(1)}${was !== undefined ? ` [${was.toFixed(1)}]` : ''}  ${d.interviewer}, ${d.at.slice(0, 10)}, ${d.interviewId.slice(0, 8)} Q${d.questionIndex + 1}: ${text}`,
      );
    }
  }
  if (r.fallbacks) {
    const reasons = Object.entries(r.fallbackReasons)
      .sort((a, b) => b[1] - a[1])
      .map(([reason, n]) => `${reason} ×${n}`)
      .join('; ');
    lines.push(`  ${r.fallbacks} of ${r.rescored} answers fell back to the rubric engine (${reasons})`);
  }
  for (const k of r.skipped)
    lines.push(`  skipped ${k.interviewId.slice(0, 8)} Q${k.questionIndex + 1} (${k.questionId}): ${k.reason}`);
  lines.push(`  ${r.elapsedMs} ms`);
  return lines.join('\n');
}
