/**
 * The bank as a vocabulary: for each question a weighted term profile (its text, context, rubric, key
 * terms, reference answer), and inverse document frequencies over those profiles. Relevance compares an
 * answer with the asked question's profile and with every other question's; term weights everywhere in
 * the engine come from these IDFs (a word most questions use, like "server", weighs little).
 */
import type { Question } from '@mockroom/contracts';
import { termList } from '../text/analyze';

/** How much each part of a question counts in its profile. */
export const PROFILE_FIELD_WEIGHTS = {
  text: 3,
  context: 1.5,
  rubric: 2,
  keyTerms: 2,
  reference: 1,
  mistakesAndFollowUps: 1,
} as const;

export interface SparseVector {
  weights: Map<string, number>;
  norm: number;
}

export function questionFields(q: Question): { field: keyof typeof PROFILE_FIELD_WEIGHTS; text: string }[] {
  const reference = [q.sampleAnswer ?? '', q.answerFramework ?? '', ...q.howToAnswer];
  if (q.starExample)
    reference.push(q.starExample.situation, q.starExample.task, q.starExample.action, q.starExample.result);
  return [
    { field: 'text', text: q.text },
    { field: 'context', text: q.context ?? '' },
    { field: 'rubric', text: q.rubric.map((p) => p.text).join('\n') },
    { field: 'keyTerms', text: q.keyTerms.join('\n') },
    { field: 'reference', text: reference.join('\n') },
    { field: 'mistakesAndFollowUps', text: [...q.commonMistakes, ...q.followUps].join('\n') },
  ];
}

function rawProfile(q: Question): Map<string, number> {
  const tf = new Map<string, number>();
  for (const { field, text } of questionFields(q)) {
    const w = PROFILE_FIELD_WEIGHTS[field];
    for (const term of termList(text)) tf.set(term, (tf.get(term) ?? 0) + w);
  }
  return tf;
}

export class Corpus {
  readonly size: number;
  private readonly df = new Map<string, number>();
  private readonly profiles = new Map<string, SparseVector>();
  private readonly questions: Question[] = [];

  constructor(questions: readonly Question[]) {
    const raws: [Question, Map<string, number>][] = [];
    const seen = new Set<string>();
    for (const q of questions) {
      if (seen.has(q.id)) continue;
      seen.add(q.id);
      this.questions.push(q);
      const raw = rawProfile(q);
      raws.push([q, raw]);
      for (const term of raw.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
    }
    this.size = Math.max(1, raws.length);
    for (const [q, raw] of raws)
      this.profiles.set(
        q.id,
        this.vector(raw, (tf) => 1 + Math.log(tf)),
      );
  }

  has(questionId: string): boolean {
    return this.profiles.has(questionId);
  }

  /** ln(1 + N / df); a term no question uses gets the largest weight. */
  idf(term: string): number {
    const df = this.df.get(term);
    return Math.log(1 + this.size / (df ?? 1));
  }

  /** Whether any question's profile uses the term. */
  knows(term: string): boolean {
    return this.df.has(term);
  }

  /** A TF-IDF vector of term counts, over terms the corpus knows (unknown words are neutral). */
  vector(
    counts: ReadonlyMap<string, number>,
    tfWeight: (tf: number) => number = (tf) => 1 + Math.log(tf),
  ): SparseVector {
    const weights = new Map<string, number>();
    let sq = 0;
    for (const [term, tf] of counts) {
      if (tf <= 0 || !this.df.has(term)) continue;
      const w = tfWeight(tf) * this.idf(term);
      weights.set(term, w);
      sq += w * w;
    }
    return { weights, norm: Math.sqrt(sq) };
  }

  /** Cosine similarity of a vector with each question's profile, best first (ties by id). */
  similarities(v: SparseVector): { id: string; similarity: number }[] {
    const out: { id: string; similarity: number }[] = [];
    for (const [id, profile] of this.profiles) out.push({ id, similarity: cosine(v, profile) });
    return out.sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id));
  }

  categoryOf(questionId: string): Question['category'] | undefined {
    return this.questions.find((q) => q.id === questionId)?.category;
  }

  profile(questionId: string): SparseVector | undefined {
    return this.profiles.get(questionId);
  }

  /** A corpus with one more question (for questions that are not in the bank). */
  with(question: Question): Corpus {
    return new Corpus([...this.questions.filter((q) => q.id !== question.id), question]);
  }
}

export function cosine(a: SparseVector, b: SparseVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small.weights) {
    const other = large.weights.get(term);
    if (other !== undefined) dot += w * other;
  }
  return dot / (a.norm * b.norm);
}
