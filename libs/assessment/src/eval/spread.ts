/**
 * How consistent an LLM judge is: the same answers assessed several times, and per score the spread (highest minus
 * lowest) of what came back. The spread is measured on the runs the model answered; a run that fell back to the rubric
 * engine is counted and its reason reported, not mixed in (a fallback's score differs by engine, not by chance).
 */
import { SCORE_DIMENSIONS, type Level, type Question } from '@mockroom/contracts';
import type { AssessmentEngine, Scores } from '../types';

export interface SpreadItem {
  question: Question;
  transcript: string;
  level?: Level;
  /** How the report names the answer (e.g. "rest-vs-graphql partial"). */
  label: string;
}

export type SpreadDimension = (typeof SCORE_DIMENSIONS)[number] | 'overall';
export const SPREAD_DIMENSIONS: readonly SpreadDimension[] = [...SCORE_DIMENSIONS, 'overall'];

export interface SpreadReport {
  engine: string;
  answers: number;
  runs: number;
  /** Assessments asked for (answers × runs). */
  calls: number;
  /** Runs that fell back to the rubric engine, and how often each reason came up. */
  fallbacks: number;
  fallbackReasons: Record<string, number>;
  /** Answers with at least two runs the model answered (the spread is theirs). */
  measured: number;
  /** Per score: the mean and the largest spread (max − min over an answer's runs). */
  dimensions: { dimension: SpreadDimension; meanSpread: number; maxSpread: number }[];
  /** The answers whose overall varied most, with each run's overall (null: that run fell back). */
  widest: { label: string; spread: number; overall: (number | null)[] }[];
  elapsedMs: number;
}

/** `n` items spread evenly over the list (all of them when there are no more). */
export function spreadSample<T>(items: readonly T[], n: number): T[] {
  if (n >= items.length) return [...items];
  return Array.from({ length: Math.max(0, n) }, (_, i) => items[Math.floor((i * items.length) / n)]);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Assesses every item `runs` times (every item once per round, so repeats of one answer are not back to back). */
export async function runSpreadEval(
  engine: AssessmentEngine,
  items: readonly SpreadItem[],
  runs = 3,
  widest = 5,
): Promise<SpreadReport> {
  const started = performance.now();
  const rounds = Math.max(2, Math.floor(runs));
  const results: (Scores | null)[][] = items.map(() => []);
  const fallbackReasons: Record<string, number> = {};
  let fallbacks = 0;
  for (let r = 0; r < rounds; r++) {
    for (const [i, item] of items.entries()) {
      const a = await engine.assess({
        question: item.question,
        transcript: item.transcript,
        level: item.level ?? item.question.levels[0] ?? 'mid',
      });
      if (a.engine.fallbackFrom) {
        fallbacks++;
        const reason = a.engine.fallbackReason ?? 'unknown';
        fallbackReasons[reason] = (fallbackReasons[reason] ?? 0) + 1;
        results[i].push(null);
      } else {
        results[i].push(a.scores);
      }
    }
  }
  const measuredIdx = results
    .map((runsOf, i) => ({ i, scores: runsOf.filter((s): s is Scores => s !== null) }))
    .filter((x) => x.scores.length >= 2);
  const spreadOf = (scores: Scores[], d: SpreadDimension) =>
    Math.max(...scores.map((s) => s[d])) - Math.min(...scores.map((s) => s[d]));
  const dimensions = SPREAD_DIMENSIONS.map((dimension) => {
    const spreads = measuredIdx.map((x) => spreadOf(x.scores, dimension));
    return {
      dimension,
      meanSpread: spreads.length ? round2(spreads.reduce((s, x) => s + x, 0) / spreads.length) : 0,
      maxSpread: spreads.length ? round2(Math.max(...spreads)) : 0,
    };
  });
  return {
    engine: engine.name,
    answers: items.length,
    runs: rounds,
    calls: items.length * rounds,
    fallbacks,
    fallbackReasons,
    measured: measuredIdx.length,
    dimensions,
    widest: measuredIdx
      .map((x) => ({
        label: items[x.i].label,
        spread: round2(spreadOf(x.scores, 'overall')),
        overall: results[x.i].map((s) => s?.overall ?? null),
      }))
      .sort((a, b) => b.spread - a.spread)
      .slice(0, widest)
      .filter((w) => w.spread > 0),
    elapsedMs: Math.round(performance.now() - started),
  };
}

/** The report as `npm run eval:scoring` prints it with an LLM engine. */
export function formatSpreadReport(r: SpreadReport): string {
  const lines = [
    `consistency (${r.engine}): ${r.answers} answers assessed ${r.runs} times each (${r.calls} assessments)`,
  ];
  if (r.measured) {
    lines.push(
      `  spread of a score over one answer's runs (max − min), on the ${r.measured} answers with two or more runs the model answered:`,
    );
    lines.push(`  ${'score'.padEnd(12)} ${'mean'.padStart(6)} ${'max'.padStart(6)}`);
    for (const d of r.dimensions)
      lines.push(
        `  ${d.dimension.padEnd(12)} ${d.meanSpread.toFixed(2).padStart(6)} ${d.maxSpread.toFixed(2).padStart(6)}`,
      );
    if (r.widest.length) {
      lines.push('  widest overall spreads (each run; – fell back):');
      for (const w of r.widest)
        lines.push(
          `    ${w.spread.toFixed(1)}  ${w.label}: ${w.overall.map((o) => (o === null ? '–' : o.toFixed(1))).join(', ')}`,
        );
    }
  } else {
    lines.push('  no spread measured: no answer got two runs from the model');
  }
  if (r.fallbacks) {
    const reasons = Object.entries(r.fallbackReasons)
      .sort((a, b) => b[1] - a[1])
      .map(([reason, n]) => `${reason} ×${n}`)
      .join('; ');
    lines.push(
      `  ${r.fallbacks} of ${r.calls} runs fell back to the rubric engine, left out of the spread (${reasons})`,
    );
  } else {
    lines.push(`  no run fell back to the rubric engine`);
  }
  lines.push(`  ${r.elapsedMs} ms`);
  return lines.join('\n');
}
