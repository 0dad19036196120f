/**
 * The question bank: the reviewed questions (src/data/bank.json) and the interview tracks, with
 * filtering, full-text search and fuzzy matching of free-text questions. Plain TypeScript with no
 * framework or database, so the API, the worker and command-line tools can all use it.
 */
import {
  CATEGORIES,
  CATEGORY_LABELS,
  LEVELS,
  ROLES,
  type Category,
  type Level,
  type Page,
  type Question,
  type QuestionBankInfo,
  type QuestionFacets,
  type QuestionQuery,
  type QuestionSummary,
  type Role,
  type Track,
  type TrackDetail,
} from '@mockroom/contracts';
import MiniSearch from 'minisearch';
import bankJson from './data/bank.json';
import { TRACKS } from './data/tracks';
import { STOP_WORDS, contentTerms, inverseDocumentFrequency, weightedFScore } from './text-match';
import type { BankFile } from './types';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/**
 * A free-text question matches a bank question when their IDF-weighted word-overlap score
 * (`weightedFScore`, 1 = the same content words) reaches this. Tuned on paraphrases and unrelated
 * questions: rewordings score 0.55–1, unrelated or vague questions ("How do you design an API?") below 0.45.
 */
export const MATCH_THRESHOLD = 0.5;

interface SearchDocument {
  id: string;
  text: string;
  rubric: string;
  keyTerms: string;
  context: string;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Clamps `limit` to 1..100 (default 20) and `offset` to a non-negative integer (default 0). */
export function normalizePaging(query: Pick<QuestionQuery, 'limit' | 'offset'>): { limit: number; offset: number } {
  const limit = Number.isFinite(query.limit)
    ? Math.min(MAX_LIMIT, Math.max(1, Math.floor(query.limit as number)))
    : DEFAULT_LIMIT;
  const offset = Number.isFinite(query.offset) ? Math.max(0, Math.floor(query.offset as number)) : 0;
  return { limit, offset };
}

export function toSummary(q: Question): QuestionSummary {
  return {
    id: q.id,
    role: q.role,
    levels: [...q.levels],
    category: q.category,
    difficulty: q.difficulty,
    text: q.text,
    textDerived: q.textDerived,
    source: { ...q.source },
    rubricSize: q.rubric.length,
  };
}

/** Whether a question suits a track: its level, and its role (a fullstack track may use backend questions). */
export function suitsTrack(question: Pick<Question, 'role' | 'levels'>, track: Pick<Track, 'role' | 'level'>): boolean {
  const roleFits = question.role === track.role || (track.role === 'fullstack' && question.role === 'backend');
  return roleFits && question.levels.includes(track.level);
}

export class QuestionBank {
  private static cached: QuestionBank | undefined;

  /** The bank built from src/data/bank.json and src/data/tracks.ts, loaded once and shared. */
  static load(): QuestionBank {
    QuestionBank.cached ??= new QuestionBank(bankJson as unknown as BankFile, TRACKS);
    return QuestionBank.cached;
  }

  private readonly bank: BankFile;
  private readonly questions: readonly Question[];
  private readonly byId = new Map<string, Question>();
  private readonly trackList: readonly Track[];
  private readonly index: MiniSearch<SearchDocument>;
  private readonly matchTerms: Map<string, Set<string>>;
  private readonly idf: Map<string, number>;
  private readonly maxIdf: number;

  constructor(bank: BankFile, tracks: readonly Track[] = []) {
    this.bank = deepFreeze(structuredClone(bank));
    this.questions = this.bank.questions;
    for (const q of this.questions) {
      if (this.byId.has(q.id)) throw new Error(`Question bank: duplicate id ${q.id}`);
      this.byId.set(q.id, q);
    }
    for (const track of tracks) {
      for (const id of track.questionIds) {
        const q = this.byId.get(id);
        if (!q) throw new Error(`Track ${track.id}: unknown question ${id}`);
        if (!suitsTrack(q, track))
          throw new Error(`Track ${track.id}: question ${id} does not suit ${track.role}/${track.level}`);
      }
    }
    this.trackList = deepFreeze(structuredClone([...tracks]));

    this.index = new MiniSearch<SearchDocument>({
      fields: ['text', 'keyTerms', 'rubric', 'context'],
      processTerm: (term) => {
        const t = term.toLowerCase();
        return STOP_WORDS.has(t) ? null : t;
      },
      searchOptions: {
        boost: { text: 3, keyTerms: 2.5, rubric: 1.5, context: 1 },
        prefix: (term) => term.length >= 3,
        // Light typo tolerance: one edit or so in longer words, none in short ones.
        fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      },
    });
    this.index.addAll(
      this.questions.map((q) => ({
        id: q.id,
        text: q.text,
        keyTerms: q.keyTerms.join(' \n '),
        rubric: q.rubric.map((p) => p.text).join(' \n '),
        context: q.context ?? '',
      })),
    );

    this.matchTerms = new Map(this.questions.map((q) => [q.id, contentTerms(q.text)]));
    this.idf = inverseDocumentFrequency([...this.matchTerms.values()]);
    this.maxIdf = Math.max(1, ...this.idf.values());
  }

  /** Filtered, searched and paginated question summaries. Without `q`: source order (document, then position). */
  list(query: QuestionQuery = {}): Page<QuestionSummary> {
    const { limit, offset } = normalizePaging(query);
    const matches = this.search(query);
    return { items: matches.slice(offset, offset + limit).map(toSummary), total: matches.length, limit, offset };
  }

  get(id: string): Question | undefined {
    return this.byId.get(id);
  }

  /**
   * Counts for each filter value, for the questions matching the rest of the query: the role counts
   * ignore the query's role, and so on, so a client can show what choosing another value would give.
   */
  facets(query: QuestionQuery = {}): QuestionFacets {
    const count = <T extends string>(
      values: readonly T[],
      without: Partial<QuestionQuery>,
      pick: (q: Question) => readonly T[],
    ) => {
      const matches = this.search({ ...query, ...without });
      return values.map((value) => ({ value, count: matches.filter((q) => pick(q).includes(value)).length }));
    };
    return {
      roles: count<Role>(ROLES, { role: undefined }, (q) => [q.role]),
      levels: count<Level>(LEVELS, { level: undefined }, (q) => q.levels),
      categories: count<Category>(CATEGORIES, { category: undefined }, (q) => [q.category]).map((c) => ({
        ...c,
        label: CATEGORY_LABELS[c.value],
      })),
    };
  }

  tracks(): Track[] {
    return this.trackList.map((t) => ({ ...t, questionIds: [...t.questionIds] }));
  }

  track(id: string): TrackDetail | undefined {
    const track = this.trackList.find((t) => t.id === id);
    if (!track) return undefined;
    return {
      ...track,
      questionIds: [...track.questionIds],
      questions: track.questionIds.map((qid) => toSummary(this.byId.get(qid) as Question)),
    };
  }

  info(): QuestionBankInfo {
    return {
      version: this.bank.version,
      questionCount: this.questions.length,
      documents: this.bank.seeds.map((s) => ({ document: s.document, title: s.title, questionCount: s.questionCount })),
    };
  }

  /**
   * The bank question a free-text question refers to, even when worded differently ("How would you
   * decide which logic lives on the client and which on the server?"), with its similarity score in
   * [0, 1]; undefined when no question is close enough.
   */
  match(text: string): { question: Question; score: number } | undefined {
    const terms = contentTerms(text);
    if (terms.size === 0) return undefined;
    let best: { question: Question; score: number } | undefined;
    for (const question of this.questions) {
      const score = weightedFScore(terms, this.matchTerms.get(question.id) as Set<string>, this.idf, this.maxIdf);
      if (!best || score > best.score) best = { question, score };
    }
    if (!best || best.score < MATCH_THRESHOLD) return undefined;
    return { question: best.question, score: Math.round(best.score * 1000) / 1000 };
  }

  /** Questions matching the filters and the search text: by relevance with `q`, else in source order. */
  private search(query: QuestionQuery): Question[] {
    const filter = (q: Question) =>
      (!query.role || q.role === query.role) &&
      (!query.level || q.levels.includes(query.level)) &&
      (!query.category || q.category === query.category);
    const text = query.q?.trim() ?? '';
    if (text.length === 0) return this.questions.filter(filter);
    // All words must match; when that finds nothing, any word may.
    let hits = this.index.search(text, { combineWith: 'AND' });
    if (hits.length === 0) hits = this.index.search(text, { combineWith: 'OR' });
    // MiniSearch returns hits best first.
    return hits.map((hit) => this.byId.get(hit.id as string) as Question).filter(filter);
  }
}
