/**
 * The held-out evaluation: answers written for the tests, not taken from the seeds. For every bank question a strong
 * answer in other words (behavioural stories about a different incident than the seed's), a partial one, a vague one
 * and a confidently wrong one (`held-out/*.json`). The engine must order them (strong above the others, partial above
 * vague) and put each in its band: what the numbers mean, published beside the scores.
 */
import { SCORE_BANDS, type Category, type Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AssessmentEngine } from '../types';

export const HELD_OUT_KINDS = ['strong', 'partial', 'vague', 'wrong'] as const;
export type HeldOutKind = (typeof HELD_OUT_KINDS)[number];

export interface HeldOutAnswer {
  questionId: string;
  kind: HeldOutKind;
  answer: string;
  /** Rubric point ids the answer really covers (as its author judged). */
  covers: string[];
}

/** The band each kind of answer must land in (the bands the UI publishes, SCORE_BANDS in contracts). */
export const BANDS: Record<HeldOutKind, { min: number; max: number }> = {
  strong: SCORE_BANDS.strong,
  partial: SCORE_BANDS.partial,
  vague: SCORE_BANDS.weak,
  wrong: SCORE_BANDS.weak,
};

/** Pairs the engine must order: the first kind strictly above the second, for the same question. */
export const ORDERED_PAIRS: [HeldOutKind, HeldOutKind][] = [
  ['strong', 'partial'],
  ['strong', 'vague'],
  ['strong', 'wrong'],
  ['partial', 'vague'],
];

/** The labelled sets: `held-out`, the test (never tuned on), and `dev`, written separately for tuning the engine. */
export const LABELLED_SETS = ['dev', 'held-out'] as const;
export type LabelledSet = (typeof LABELLED_SETS)[number];

/** The answers of a labelled set (`dev/*.json` or `held-out/*.json`). */
export function labelledAnswers(set: LabelledSet): HeldOutAnswer[] {
  return heldOutAnswers(join(__dirname, set));
}

export function heldOutAnswers(dir = join(__dirname, 'held-out')): HeldOutAnswer[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as HeldOutAnswer[]);
}

export interface HeldOutReport {
  engine: string;
  /** Which labelled set was scored. */
  set: string;
  answers: number;
  questions: number;
  pairwise: { pairs: number; correct: number; accuracy: number };
  perPair: Record<string, { pairs: number; correct: number; accuracy: number }>;
  bands: { answers: number; inBand: number; accuracy: number };
  perKind: Record<HeldOutKind, { mean: number; inBand: number; answers: number }>;
  perCategory: Record<string, { pairs: number; correct: number; bands: number; inBand: number }>;
  /** Strong behavioural stories: their mean, lowest, and how many reach the strong band. */
  behavioural: { strongMean: number; strongMin: number; strongInBand: number; strong: number };
  misordered: { questionId: string; pair: string; scores: [number, number] }[];
  outOfBand: { questionId: string; kind: HeldOutKind; overall: number }[];
}

export async function runHeldOutEval(
  engine: AssessmentEngine,
  answers = heldOutAnswers(),
  bank = QuestionBank.load(),
  set = 'held-out',
): Promise<HeldOutReport> {
  const byQuestion = new Map<string, Map<HeldOutKind, number>>();
  const questions = new Map<string, Question>();
  for (const a of answers) {
    const question = questions.get(a.questionId) ?? bank.get(a.questionId);
    if (!question) throw new Error(`held-out answer for unknown question ${a.questionId}`);
    questions.set(a.questionId, question);
    const assessment = await engine.assess({ question, transcript: a.answer, level: question.levels[0] ?? 'mid' });
    const scores = byQuestion.get(a.questionId) ?? new Map<HeldOutKind, number>();
    scores.set(a.kind, assessment.scores.overall);
    byQuestion.set(a.questionId, scores);
  }

  const perPair: HeldOutReport['perPair'] = {};
  const perCategory: HeldOutReport['perCategory'] = {};
  const misordered: HeldOutReport['misordered'] = [];
  const outOfBand: HeldOutReport['outOfBand'] = [];
  const perKind = Object.fromEntries(
    HELD_OUT_KINDS.map((k) => [k, { mean: 0, inBand: 0, answers: 0 }]),
  ) as HeldOutReport['perKind'];
  let pairs = 0;
  let correct = 0;
  let inBand = 0;
  let banded = 0;
  const behaviouralStrong: number[] = [];

  for (const [questionId, scores] of byQuestion) {
    const category: Category = questions.get(questionId)!.category;
    const cat = (perCategory[category] ??= { pairs: 0, correct: 0, bands: 0, inBand: 0 });
    for (const [hi, lo] of ORDERED_PAIRS) {
      const a = scores.get(hi);
      const b = scores.get(lo);
      if (a === undefined || b === undefined) continue;
      const key = `${hi} > ${lo}`;
      const slot = (perPair[key] ??= { pairs: 0, correct: 0, accuracy: 0 });
      slot.pairs++;
      cat.pairs++;
      pairs++;
      if (a > b) {
        slot.correct++;
        cat.correct++;
        correct++;
      } else {
        misordered.push({ questionId, pair: key, scores: [a, b] });
      }
    }
    for (const [kind, overall] of scores) {
      const band = BANDS[kind];
      const ok = overall >= band.min && overall <= band.max;
      const k = perKind[kind];
      k.answers++;
      k.mean += overall;
      banded++;
      cat.bands++;
      if (ok) {
        k.inBand++;
        inBand++;
        cat.inBand++;
      } else {
        outOfBand.push({ questionId, kind, overall });
      }
      if (kind === 'strong' && category === 'behavioral') behaviouralStrong.push(overall);
    }
  }
  for (const slot of Object.values(perPair)) slot.accuracy = slot.pairs ? slot.correct / slot.pairs : 0;
  for (const k of Object.values(perKind)) k.mean = k.answers ? k.mean / k.answers : 0;
  return {
    engine: engine.name,
    set,
    answers: answers.length,
    questions: byQuestion.size,
    pairwise: { pairs, correct, accuracy: pairs ? correct / pairs : 0 },
    perPair,
    bands: { answers: banded, inBand, accuracy: banded ? inBand / banded : 0 },
    perKind,
    perCategory,
    behavioural: {
      strong: behaviouralStrong.length,
      strongMean: behaviouralStrong.length
        ? behaviouralStrong.reduce((s, x) => s + x, 0) / behaviouralStrong.length
        : 0,
      strongMin: behaviouralStrong.length ? Math.min(...behaviouralStrong) : 0,
      strongInBand: behaviouralStrong.filter((x) => x >= BANDS.strong.min).length,
    },
    misordered,
    outOfBand,
  };
}

export function formatHeldOutReport(r: HeldOutReport, details = false): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `${r.set} eval (${r.engine}): ${r.answers} answers written for the tests, ${r.questions} questions`,
    `  pairwise ordering ${r.pairwise.accuracy.toFixed(3)} (${r.pairwise.correct}/${r.pairwise.pairs}); goal >= 0.95`,
    ...Object.entries(r.perPair).map(
      ([pair, s]) => `    ${pair.padEnd(18)} ${s.accuracy.toFixed(3)} (${s.correct}/${s.pairs})`,
    ),
    `  in band ${r.bands.accuracy.toFixed(3)} (${r.bands.inBand}/${r.bands.answers}); goal >= 0.85`,
    ...HELD_OUT_KINDS.map((k) => {
      const b = BANDS[k];
      const s = r.perKind[k];
      return `    ${k.padEnd(8)} mean ${s.mean.toFixed(1)}  band ${b.min}-${b.max}: ${s.inBand}/${s.answers} (${pct(s.answers ? s.inBand / s.answers : 0)})`;
    }),
    `  strong behavioural stories: mean ${r.behavioural.strongMean.toFixed(1)}, lowest ${r.behavioural.strongMin.toFixed(1)}, ${r.behavioural.strongInBand}/${r.behavioural.strong} at 7.5 or more; goal all >= 7.5`,
    '  per category (pairs ordered, answers in band):',
    ...Object.entries(r.perCategory)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([c, s]) => `    ${c.padEnd(24)} ${s.correct}/${s.pairs}  ${s.inBand}/${s.bands}`),
  ];
  if (details) {
    lines.push(
      '  misordered:',
      ...r.misordered.map((m) => `    ${m.questionId} ${m.pair}: ${m.scores[0]} vs ${m.scores[1]}`),
    );
    lines.push('  out of band:', ...r.outOfBand.map((o) => `    ${o.questionId} ${o.kind}: ${o.overall}`));
  }
  return lines.join('\n');
}
