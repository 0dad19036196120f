/**
 * The scoring evaluation: a labelled set built from the seeds, where each question's reference answer
 * (its sample answer, or its answer framework) is the strong answer and four weaker variants are made
 * from it. Reports pairwise ordering accuracy (how often the strong answer strictly outscores a weaker
 * one on overall; ties count as failures) and stability across repeated runs.
 */
import type { Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { termList } from '../text/analyze';
import { RUBRIC_META_STEMS, STOP_WORDS } from '../text/lexicon';
import type { Assessment, AssessmentEngine, Scores } from '../types';

export const VARIANTS = ['truncated', 'fillers', 'stuffed', 'off-topic'] as const;
export type Variant = (typeof VARIANTS)[number];
export type Kind = 'strong' | Variant;

export interface LabelledAnswer {
  questionId: string;
  kind: Kind;
  transcript: string;
  /** For off-topic answers: whose reference answer this is. */
  fromQuestionId?: string;
}

export interface EvalReport {
  engine: string;
  questions: number;
  pairs: number;
  correct: number;
  accuracy: number;
  perVariant: Record<Variant, { pairs: number; correct: number; accuracy: number }>;
  /** Mean scores of each kind of answer. */
  means: Record<Kind, Scores>;
  /** Share of answers whose assessment was identical in every run (1 for a deterministic engine). */
  stability: number;
  runs: number;
  /** Pairs the engine ordered wrongly (question, variant, strong overall, variant overall). */
  failures: { questionId: string; variant: Variant; strong: number; weaker: number }[];
  elapsedMs: number;
}

export function referenceAnswer(q: Question): string | null {
  return q.sampleAnswer ?? q.answerFramework ?? null;
}

export function sentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+(?=[A-Z0-9“"'(])/)
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter((s) => s.length > 0);
}

/**
 * The first sentences, about one rubric point's share of the answer (at least 15 words); a first
 * sentence much longer than that is cut at that many words.
 */
export function truncateToOnePoint(answer: string, points: number): string {
  const totalWords = answer.split(/\s+/).filter(Boolean).length;
  const target = Math.max(15, Math.round(totalWords / Math.max(1, points)));
  const out: string[] = [];
  let words = 0;
  for (const s of sentences(answer)) {
    const n = s.split(' ').length;
    if (out.length > 0 && words + n > target * 1.5) break;
    if (out.length === 0 && n > target * 1.5) return s.split(' ').slice(0, target).join(' ');
    out.push(s);
    words += n;
    if (words >= target) break;
  }
  return out.join(' ');
}

const FILLERS = ['um', 'uh', 'you know', 'basically', 'like'];

/** The answer with a filler after every third word ("um", "uh", "you know", "basically", "like" in turn). */
export function padWithFillers(answer: string): string {
  const words = answer.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let k = 0;
  words.forEach((w, i) => {
    out.push(w);
    if (i % 3 === 2) out.push(FILLERS[k++ % FILLERS.length]);
  });
  return out.join(' ');
}

/** Every key term and every distinctive word of every rubric point, as one string of terms with no sentences. */
export function keywordStuff(q: Question): string {
  const parts: string[] = [...q.keyTerms];
  const seen = new Set(q.keyTerms.map((k) => k.toLowerCase()));
  for (const p of q.rubric) {
    for (const raw of p.text.split(/[^\p{L}\p{N}+#.-]+/u)) {
      const w = raw.replace(/^[.-]+|[.-]+$/g, '');
      const lower = w.toLowerCase();
      if (!w || STOP_WORDS.has(lower) || seen.has(lower)) continue;
      const [term] = termList(lower);
      if (!term || RUBRIC_META_STEMS.has(term)) continue;
      seen.add(lower);
      parts.push(w);
    }
  }
  return parts.join(' ');
}

/** The next question in bank order with a different category (so the off-topic answer is really about something else). */
export function offTopicSource(questions: readonly Question[], index: number): Question {
  const q = questions[index];
  for (let k = 1; k < questions.length; k++) {
    const other = questions[(index + k) % questions.length];
    if (other.category !== q.category && referenceAnswer(other)) return other;
  }
  return questions[(index + 1) % questions.length];
}

export function labelledSet(questions: readonly Question[]): LabelledAnswer[] {
  const out: LabelledAnswer[] = [];
  questions.forEach((q, i) => {
    const strong = referenceAnswer(q);
    if (!strong) return;
    const other = offTopicSource(questions, i);
    out.push(
      { questionId: q.id, kind: 'strong', transcript: strong },
      { questionId: q.id, kind: 'truncated', transcript: truncateToOnePoint(strong, q.rubric.length) },
      { questionId: q.id, kind: 'fillers', transcript: padWithFillers(strong) },
      { questionId: q.id, kind: 'stuffed', transcript: keywordStuff(q) },
      { questionId: q.id, kind: 'off-topic', transcript: referenceAnswer(other) ?? '', fromQuestionId: other.id },
    );
  });
  return out;
}

export function bankQuestions(): Question[] {
  const bank = QuestionBank.load();
  const out: Question[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = bank.list({ limit: 100, offset });
    for (const s of page.items) {
      const q = bank.get(s.id);
      if (q) out.push(q);
    }
    if (offset + page.items.length >= page.total || page.items.length === 0) break;
  }
  return out;
}

function stableKey(a: Assessment): string {
  return JSON.stringify(a);
}

/**
 * Runs the evaluation. `makeEngine` is called once per run, so a run starts from empty caches.
 */
export async function runScoringEval(options: {
  makeEngine: () => AssessmentEngine;
  questions?: readonly Question[];
  runs?: number;
}): Promise<EvalReport> {
  const started = performance.now();
  const questions = options.questions ?? bankQuestions();
  const byId = new Map(questions.map((q) => [q.id, q]));
  const set = labelledSet(questions);
  const runs = Math.max(1, options.runs ?? 3);
  const results: Assessment[][] = [];
  let engineName = '';
  for (let r = 0; r < runs; r++) {
    const engine = options.makeEngine();
    engineName = engine.name;
    const run: Assessment[] = [];
    for (const item of set) {
      const question = byId.get(item.questionId) as Question;
      run.push(await engine.assess({ question, transcript: item.transcript, level: question.levels[0] }));
    }
    results.push(run);
  }

  const first = results[0];
  let stable = 0;
  for (let i = 0; i < set.length; i++) {
    const key = stableKey(first[i]);
    if (results.every((run) => stableKey(run[i]) === key)) stable++;
  }

  const perVariant = Object.fromEntries(
    VARIANTS.map((v) => [v, { pairs: 0, correct: 0, accuracy: 0 }]),
  ) as EvalReport['perVariant'];
  const failures: EvalReport['failures'] = [];
  const strongIndex = new Map<string, number>();
  set.forEach((item, i) => {
    if (item.kind === 'strong') strongIndex.set(item.questionId, i);
  });
  set.forEach((item, i) => {
    if (item.kind === 'strong') return;
    const s = first[strongIndex.get(item.questionId) as number].scores.overall;
    const w = first[i].scores.overall;
    const bucket = perVariant[item.kind];
    bucket.pairs++;
    if (s > w) bucket.correct++;
    else failures.push({ questionId: item.questionId, variant: item.kind, strong: s, weaker: w });
  });
  let pairs = 0;
  let correct = 0;
  for (const v of VARIANTS) {
    const b = perVariant[v];
    b.accuracy = b.pairs ? round3(b.correct / b.pairs) : 0;
    pairs += b.pairs;
    correct += b.correct;
  }

  const means = {} as Record<Kind, Scores>;
  for (const kind of ['strong', ...VARIANTS] as Kind[]) {
    const items = first.filter((_, i) => set[i].kind === kind);
    const mean = (k: keyof Scores) =>
      Math.round((items.reduce((s, a) => s + a.scores[k], 0) / Math.max(1, items.length)) * 10) / 10;
    means[kind] = {
      relevance: mean('relevance'),
      depth: mean('depth'),
      clarity: mean('clarity'),
      correctness: mean('correctness'),
      overall: mean('overall'),
    };
  }

  return {
    engine: engineName,
    questions: strongIndex.size,
    pairs,
    correct,
    accuracy: pairs ? round3(correct / pairs) : 0,
    perVariant,
    means,
    stability: set.length ? round3(stable / set.length) : 1,
    runs,
    failures,
    elapsedMs: Math.round(performance.now() - started),
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The report as printed by `npm run eval:scoring` (the first line is the headline figure). */
export function formatEvalReport(r: EvalReport): string {
  const lines = [
    `scoring eval (${r.engine}): pairwise ordering accuracy ${r.accuracy.toFixed(3)} (${r.correct}/${r.pairs} pairs, ${r.questions} questions), stability ${r.stability.toFixed(3)} over ${r.runs} runs`,
    ...VARIANTS.map(
      (v) =>
        `  strong > ${v.padEnd(9)} ${r.perVariant[v].accuracy.toFixed(3)} (${r.perVariant[v].correct}/${r.perVariant[v].pairs})`,
    ),
    '  mean scores        relevance depth clarity correctness overall',
    ...(['strong', ...VARIANTS] as Kind[]).map((k) => {
      const m = r.means[k];
      return `  ${k.padEnd(18)} ${fmt(m.relevance, 9)} ${fmt(m.depth, 5)} ${fmt(m.clarity, 7)} ${fmt(m.correctness, 11)} ${fmt(m.overall, 7)}`;
    }),
  ];
  if (r.failures.length > 0) {
    lines.push(`  misordered pairs (${r.failures.length}):`);
    for (const f of r.failures.slice(0, 20))
      lines.push(`    ${f.questionId} ${f.variant}: strong ${f.strong} vs ${f.weaker}`);
  }
  lines.push(`  ${r.elapsedMs} ms`);
  return lines.join('\n');
}

function fmt(x: number, width: number): string {
  return x.toFixed(1).padStart(width);
}
