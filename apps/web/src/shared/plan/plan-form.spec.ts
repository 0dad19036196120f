import { describe, expect, it } from '@jest/globals';
import type { Question } from '@mockroom/contracts';
import {
  buildPlan,
  defaultQuestionCount,
  linkedPlan,
  maxQuestions,
  moveItem,
  planFromUrl,
  type PlanValues,
} from './plan-form';
import { TRACK_PLAN } from './plan-examples';

const base: PlanValues = TRACK_PLAN;

describe('buildPlan', () => {
  it('asks for a track and a count within it', () => {
    expect(buildPlan(base, 8)).toEqual({ plan: { trackId: 'fullstack-mid', questionCount: 5 }, errors: {} });
    expect(buildPlan({ ...base, questionCount: '9' }, 8).errors.questionCount).toBe(
      'Enter a whole number from 1 to 8.',
    );
    expect(buildPlan({ ...base, trackId: '' }, null)).toEqual({ plan: null, errors: { trackId: 'Choose a track.' } });
  });

  it('picks by role and level, with categories only when some are chosen', () => {
    const picked = {
      ...base,
      source: 'picked' as const,
      role: 'backend' as const,
      level: 'senior' as const,
      questionCount: '3',
    };
    expect(buildPlan(picked, null).plan).toEqual({ role: 'backend', level: 'senior', questionCount: 3 });
    expect(buildPlan({ ...picked, categories: ['databases'] }, null).plan).toEqual({
      role: 'backend',
      level: 'senior',
      questionCount: 3,
      categories: ['databases'],
    });
    expect(buildPlan({ ...picked, questionCount: '13' }, null).errors.questionCount).toBe(
      'Enter a whole number from 1 to 12.',
    );
    expect(buildPlan({ ...picked, questionCount: '2.5' }, null).plan).toBeNull();
  });

  it('sends chosen questions in order with the role and level, and needs one to twelve', () => {
    const chosen = { ...base, source: 'chosen' as const, questionIds: ['b', 'a'], questionCount: 'not read' };
    expect(buildPlan(chosen, null)).toEqual({
      plan: { role: 'fullstack', level: 'mid', questionIds: ['b', 'a'] },
      errors: {},
    });
    expect(buildPlan({ ...chosen, questionIds: [] }, null)).toEqual({
      plan: null,
      errors: { questionIds: 'Add at least one question.' },
    });
    const thirteen = Array.from({ length: 13 }, (_, i) => `q${i}`);
    expect(buildPlan({ ...chosen, questionIds: thirteen }, null).errors.questionIds).toBe(
      'Choose at most 12 questions.',
    );
  });
});

describe('maxQuestions and defaultQuestionCount', () => {
  it('is the track size, within 1 and the most an interview has', () => {
    expect(maxQuestions(null)).toBe(12);
    expect(maxQuestions(4)).toBe(4);
    expect(maxQuestions(40)).toBe(12);
    expect(maxQuestions(0)).toBe(1);
  });

  it('starts at all of a track, else at five', () => {
    expect(defaultQuestionCount(8)).toBe(8);
    expect(defaultQuestionCount(20)).toBe(12);
    expect(defaultQuestionCount(null)).toBe(5);
  });
});

describe('planFromUrl', () => {
  const read = (query: string, fallback: 'track' | 'picked' = 'picked') =>
    planFromUrl(new URLSearchParams(query), fallback);

  it('uses the form’s own default source when the address says nothing', () => {
    expect(read('')).toEqual({ source: 'picked', trackId: '', role: 'fullstack', level: 'mid', questionId: null });
    expect(read('', 'track').source).toBe('track');
  });

  it('starts from a track, or from a role and level', () => {
    expect(read('track=backend-senior')).toMatchObject({ source: 'track', trackId: 'backend-senior' });
    expect(read('role=backend&level=staff', 'track')).toMatchObject({
      source: 'picked',
      role: 'backend',
      level: 'staff',
    });
  });

  it('ignores a role or level the API would refuse', () => {
    expect(read('role=designer&level=junior')).toMatchObject({ role: 'fullstack', level: 'mid' });
  });

  it('chooses from the bank when a question is linked, whatever else is given', () => {
    expect(read('question=distributed-rate-limiter&track=backend-mid', 'track')).toMatchObject({
      source: 'chosen',
      questionId: 'distributed-rate-limiter',
    });
    expect(read('question=..%2Fsecret').questionId).toBeNull();
    expect(read('question=..%2Fsecret').source).toBe('picked');
  });
});

describe('linkedPlan', () => {
  it('takes the question’s role and first level, and lists it like the bank does', () => {
    const question = {
      id: 'rest-vs-graphql',
      role: 'backend',
      levels: ['senior', 'staff'],
      category: 'api-design',
      difficulty: null,
      text: 'REST or GraphQL?',
      textDerived: false,
      source: { document: 'a.txt', title: 'A', position: 1 },
      rubric: [
        { id: 'rest-vs-graphql#1', text: 'Caching' },
        { id: 'rest-vs-graphql#2', text: 'Over-fetching' },
      ],
      sampleAnswer: 'Not part of a summary.',
    } as unknown as Question;
    expect(linkedPlan(question)).toEqual({
      role: 'backend',
      level: 'senior',
      question: {
        id: 'rest-vs-graphql',
        role: 'backend',
        levels: ['senior', 'staff'],
        category: 'api-design',
        difficulty: null,
        text: 'REST or GraphQL?',
        textDerived: false,
        source: { document: 'a.txt', title: 'A', position: 1 },
        rubricSize: 2,
      },
    });
  });
});

describe('moveItem', () => {
  it('moves one item up or down, stopping at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 5, 1)).toEqual(['a', 'b', 'c']);
  });
});
