/**
 * The offline engine's speed on a 300-word answer: assessments per second and latency percentiles.
 * Goal: at least 50 per second and p95 under 50 ms on one core.
 */
import type { Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { RubricEngine } from '../rubric/rubric-engine';

export interface BenchResult {
  words: number;
  iterations: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** First assessment, caches cold (question model and bank vocabulary built). */
  coldMs: number;
}

/** A 300-word answer built from the question's reference answer (repeated if short), with timed segments. */
export function benchAnswer(question: Question, words = 300): string {
  const source = (question.sampleAnswer ?? question.answerFramework ?? question.rubric.map((p) => p.text).join('. '))
    .split(/\s+/)
    .filter(Boolean);
  const out: string[] = [];
  while (out.length < words) out.push(...source.slice(0, words - out.length));
  return out.join(' ');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function runAssessmentBench(
  options: { iterations?: number; questionId?: string } = {},
): Promise<BenchResult> {
  const iterations = options.iterations ?? 500;
  const bank = QuestionBank.load();
  const question = bank.get(options.questionId ?? 'distributed-rate-limiter') as Question;
  const transcript = benchAnswer(question);
  const segments = transcript.split(' ').reduce<{ text: string; startMs: number; endMs: number }[]>((acc, w, i) => {
    if (i % 12 === 0) acc.push({ text: w, startMs: i * 400, endMs: i * 400 + 400 });
    else {
      const last = acc[acc.length - 1];
      last.text += ` ${w}`;
      last.endMs = i * 400 + 400;
    }
    return acc;
  }, []);
  const engine = new RubricEngine();
  const t0 = performance.now();
  await engine.assess({ question, transcript, segments });
  const coldMs = performance.now() - t0;
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    const s = performance.now();
    await engine.assess({ question, transcript, segments });
    times.push(performance.now() - s);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    words: transcript.split(' ').length,
    iterations,
    perSecond: Math.round((iterations / total) * 1000),
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    maxMs: round(times[times.length - 1]),
    coldMs: round(coldMs),
  };
}

export function formatBench(r: BenchResult): string {
  return `assessment (rubric engine, ${r.words}-word answer): ${r.perSecond} assessments/s, p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms, max ${r.maxMs} ms over ${r.iterations} runs (first, cold: ${r.coldMs} ms); goal ≥ 50/s and p95 < 50 ms`;
}
