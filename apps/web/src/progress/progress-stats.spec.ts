import { describe, expect, it } from '@jest/globals';
import type { AnswerScores, CategoryProgress, ProgressSession } from '@mockroom/contracts';
import { change, headline, meanScores, pointTitle, practiseLink, rankCategories, trendSummary } from './progress-stats';

const scores = (
  relevance: number,
  depth: number,
  clarity: number,
  correctness: number,
  overall: number,
): AnswerScores => ({
  relevance,
  depth,
  clarity,
  correctness,
  overall,
});

let n = 0;
const session = (s: AnswerScores, at = `2025-03-${String(++n).padStart(2, '0')}T10:00:00.000Z`): ProgressSession => ({
  id: `iv-${n}`,
  title: `Mock ${n}`,
  trackId: null,
  role: 'backend',
  level: 'senior',
  at,
  scores: s,
  answers: 4,
});

const day = (iso: string) => iso.slice(0, 10);

describe('change', () => {
  it('marks rises and falls with an arrow and the size', () => {
    expect(change(5, 6.24)).toMatchObject({ direction: 'up', text: '▲ 1.2', spoken: 'up 1.2' });
    expect(change(7, 6.2)).toMatchObject({ direction: 'down', text: '▼ 0.8', spoken: 'down 0.8' });
  });

  it('calls changes that round to nothing flat', () => {
    expect(change(5, 5.04)).toMatchObject({ direction: 'flat', text: '– 0.0', spoken: 'no change' });
    expect(change(5, 4.96).direction).toBe('flat');
  });
});

describe('meanScores', () => {
  it('averages each score', () => {
    expect(meanScores([session(scores(4, 6, 8, 10, 7)), session(scores(6, 8, 10, 2, 5))])).toEqual(
      scores(5, 7, 9, 6, 6),
    );
  });

  it('is null without sessions', () => {
    expect(meanScores([])).toBeNull();
  });
});

describe('headline', () => {
  it('is empty without sessions', () => {
    expect(headline([])).toEqual({
      sessions: 0,
      first: null,
      latest: null,
      change: null,
      recent: 0,
      strongest: null,
      weakest: null,
      even: false,
    });
  });

  it('compares the latest overall with the first', () => {
    const result = headline([
      session(scores(5, 5, 5, 5, 4.5)),
      session(scores(6, 6, 6, 6, 6)),
      session(scores(7, 7, 7, 7, 7.1)),
    ]);
    expect(result.sessions).toBe(3);
    expect(result.first).toBe(4.5);
    expect(result.latest).toBe(7.1);
    expect(result.change).toMatchObject({ direction: 'up', text: '▲ 2.6' });
  });

  it('has no change for a single session', () => {
    const result = headline([session(scores(6, 4, 8, 5, 6))]);
    expect(result.change).toBeNull();
    expect(result.strongest).toMatchObject({ dimension: 'clarity', mean: 8 });
    expect(result.weakest).toMatchObject({ dimension: 'depth', mean: 4 });
  });

  it('judges the strongest and weakest dimension on the last five sessions only', () => {
    const early = Array.from({ length: 3 }, () => session(scores(1, 10, 5, 5, 5)));
    const recent = Array.from({ length: 5 }, () => session(scores(9, 3, 6, 7, 6)));
    const result = headline([...early, ...recent]);
    expect(result.recent).toBe(5);
    expect(result.strongest).toEqual({ dimension: 'relevance', label: 'Relevance', mean: 9 });
    expect(result.weakest).toEqual({ dimension: 'depth', label: 'Depth', mean: 3 });
    expect(result.even).toBe(false);
  });

  it('says when the dimensions are even, and breaks ties in the listed order', () => {
    const result = headline([session(scores(6, 6, 6, 6, 6))]);
    expect(result.even).toBe(true);
    expect(result.strongest?.dimension).toBe('relevance');
    expect(result.weakest?.dimension).toBe('relevance');
  });

  it('takes a different window when asked', () => {
    const result = headline([session(scores(1, 9, 5, 5, 5)), session(scores(9, 1, 5, 5, 5))], 1);
    expect(result.recent).toBe(1);
    expect(result.strongest?.dimension).toBe('relevance');
  });
});

describe('rankCategories', () => {
  const category = (entry: Partial<CategoryProgress> & Pick<CategoryProgress, 'category'>): CategoryProgress => ({
    answers: 3,
    scores: scores(5, 5, 5, 5, 5),
    first: 5,
    last: 5,
    ...entry,
  });

  it('puts the weakest category first, with its label and change', () => {
    const rows = rankCategories([
      category({ category: 'databases', scores: scores(7, 7, 7, 7, 7.5), first: 6, last: 8 }),
      category({ category: 'system-design', scores: scores(4, 3, 5, 4, 4.1), first: 5, last: 3.5 }),
      category({ category: 'behavioral', scores: scores(6, 6, 6, 6, 6) }),
    ]);
    expect(rows.map((row) => row.category)).toEqual(['system-design', 'behavioral', 'databases']);
    expect(rows[0]).toMatchObject({ label: 'System design', change: { direction: 'down', text: '▼ 1.5' } });
    expect(rows[1].change.direction).toBe('flat');
    expect(rows[2].change).toMatchObject({ direction: 'up', text: '▲ 2.0' });
  });

  it('breaks ties by fewer answers, then by name', () => {
    const rows = rankCategories([
      category({ category: 'security', answers: 5 }),
      category({ category: 'performance', answers: 2 }),
      category({ category: 'api-design', answers: 5 }),
    ]);
    expect(rows.map((row) => row.category)).toEqual(['performance', 'api-design', 'security']);
  });

  it('does not change its input', () => {
    const input = [category({ category: 'security', scores: scores(9, 9, 9, 9, 9) }), category({ category: 'coding' })];
    rankCategories(input);
    expect(input.map((entry) => entry.category)).toEqual(['security', 'coding']);
  });
});

describe('practiseLink', () => {
  it('opens the bank filtered to the category', () => {
    expect(practiseLink('system-design')).toBe('/questions?category=system-design');
    expect(practiseLink('reliability-operations')).toBe('/questions?category=reliability-operations');
  });
});

describe('trendSummary', () => {
  it('says when there is nothing yet', () => {
    expect(trendSummary([], day)).toBe('Scores over time: no scored sessions yet.');
  });

  it('lists the scores of a single session', () => {
    const only = session(scores(6, 5, 7, 8, 6.5), '2025-02-03T09:00:00.000Z');
    expect(trendSummary([only], day)).toBe(
      'Scores out of 10 for 1 session on 2025-02-03: relevance 6.0, depth 5.0, clarity 7.0, correctness 8.0, overall 6.5.',
    );
  });

  it('describes how each score moved from the first session to the latest', () => {
    const sessions = [
      session(scores(6, 5, 7, 8, 5.1), '2025-02-03T09:00:00.000Z'),
      session(scores(2, 2, 2, 2, 2), '2025-02-10T09:00:00.000Z'),
      session(scores(7.8, 4, 7, 8, 7.3), '2025-03-20T09:00:00.000Z'),
    ];
    expect(trendSummary(sessions, day)).toBe(
      'Scores out of 10 across 3 sessions, from 2025-02-03 to 2025-03-20. ' +
        'Overall went up from 5.1 to 7.3; relevance went up from 6.0 to 7.8; depth went down from 5.0 to 4.0; ' +
        'clarity stayed at 7.0; correctness stayed at 8.0.',
    );
  });
});

describe('pointTitle', () => {
  it('names the date, the session and the value', () => {
    const point = session(scores(6, 6.54, 7, 8, 7), '2025-02-03T09:00:00.000Z');
    expect(pointTitle(point, 'depth', day)).toBe(`2025-02-03 · ${point.title} — Depth: 6.5`);
  });
});
