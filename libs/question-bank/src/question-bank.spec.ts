import { CATEGORIES, LEVELS, ROLES } from '@mockroom/contracts';
import { QuestionBank, normalizePaging } from './question-bank';
import type { BankFile } from './types';

const bank = QuestionBank.load();

describe('QuestionBank.load', () => {
  it('loads the bank once', () => {
    expect(QuestionBank.load()).toBe(bank);
    const info = bank.info();
    expect(info.questionCount).toBe(66);
    expect(info.version).toMatch(/^1\.\d+\.\d+\+[0-9a-f]{12}$/);
    expect(info.documents.map((d) => d.questionCount)).toEqual([8, 15, 12, 15, 16]);
  });

  it('returns questions that cannot be modified by callers', () => {
    const q = bank.get('distributed-rate-limiter');
    expect(q).toBeDefined();
    expect(() => {
      (q as { text: string }).text = 'changed';
    }).toThrow();
    expect(bank.get('distributed-rate-limiter')?.text).toMatch(/^Design a rate limiter/);
  });

  it('rejects tracks that point at missing or unsuitable questions', () => {
    const data = { version: 'x', seeds: [], questions: [bank.get('rest-vs-graphql')] } as unknown as BankFile;
    const track = {
      id: 't',
      name: 'T',
      description: 'd',
      role: 'backend' as const,
      level: 'mid' as const,
      durationMinutes: 30,
      questionIds: ['nope'],
    };
    expect(() => new QuestionBank(data, [track])).toThrow(/unknown question nope/);
    const fullstackOnly = {
      version: 'x',
      seeds: [],
      questions: [bank.get('client-vs-server-logic')],
    } as unknown as BankFile;
    expect(() => new QuestionBank(fullstackOnly, [{ ...track, questionIds: ['client-vs-server-logic'] }])).toThrow(
      /does not suit/,
    );
  });
});

describe('list', () => {
  it('lists everything in source order when there is no search text', () => {
    const page = bank.list({ limit: 100 });
    expect(page.total).toBe(66);
    expect(page.items).toHaveLength(66);
    expect(page.items[0].id).toBe('client-vs-server-logic');
    expect(page.items[8].id).toBe('strangler-fig-monolith-migration');
    expect(page.items[65].id).toBe('application-scalability-techniques');
    expect(page.items[0]).toEqual({
      id: 'client-vs-server-logic',
      role: 'fullstack',
      levels: ['mid'],
      category: 'technical',
      difficulty: null,
      text: 'How do you decide what logic belongs on the client vs. the server?',
      textDerived: false,
      source: {
        document: '000_a5a8750f6e535203.txt',
        title: 'Mid Fullstack Engineer Interview Questions',
        position: 1,
      },
      rubricSize: 5,
    });
  });

  it('filters by role, level and category', () => {
    const backend = bank.list({ role: 'backend', limit: 100 });
    expect(backend.total).toBe(28);
    expect(backend.items.every((q) => q.role === 'backend')).toBe(true);

    const staff = bank.list({ level: 'staff', limit: 100 });
    expect(staff.items.every((q) => q.levels.includes('staff'))).toBe(true);
    expect(staff.items.map((q) => q.id)).toContain('microservices-cross-service-consistency');
    expect(staff.items.map((q) => q.id)).not.toContain('client-vs-server-logic');

    const design = bank.list({ category: 'system-design', role: 'backend', level: 'mid', limit: 100 });
    expect(design.items.map((q) => q.id)).toEqual([
      'distributed-rate-limiter',
      'job-queue-exactly-once-processing',
      'cap-theorem-distributed-systems',
      'application-scalability-techniques',
    ]);
    expect(bank.list({ role: 'fullstack', category: 'language-runtime' }).total).toBe(0);
  });

  it('finds the rate limiter and EXPLAIN ANALYZE questions', () => {
    expect(bank.list({ q: 'rate limiter' }).items[0].id).toBe('distributed-rate-limiter');
    expect(bank.list({ q: 'EXPLAIN ANALYZE' }).items[0].id).toBe('slow-postgres-query-diagnosis');
    expect(bank.list({ q: 'explain analyze', role: 'backend' }).items.map((q) => q.id)).toContain(
      'slow-postgres-query-diagnosis',
    );
  });

  it('searches by prefix, with light typo tolerance, over rubric, key terms and context', () => {
    expect(bank.list({ q: 'idempot' }).total).toBeGreaterThan(3);
    expect(bank.list({ q: 'strangler' }).items[0].id).toBe('strangler-fig-monolith-migration');
    expect(bank.list({ q: 'stranglr fig' }).items[0].id).toBe('strangler-fig-monolith-migration');
    expect(bank.list({ q: 'SKIP LOCKED' }).items[0].id).toBe('job-queue-exactly-once-processing');
    expect(bank.list({ q: 'Debezium' }).items.map((q) => q.id)).toContain('zero-downtime-database-schema-migration');
    // Context only: "real-time notification system for 50 million users".
    expect(bank.list({ q: 'notification system 50 million' }).items[0].id).toBe(
      'architecture-choice-wrong-in-18-months',
    );
    expect(bank.list({ q: 'quantum blockchain gardening' }).total).toBe(0);
  });

  it('combines search with filters', () => {
    const page = bank.list({ q: 'cache', role: 'fullstack', level: 'staff' });
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((q) => q.role === 'fullstack' && q.levels.includes('staff'))).toBe(true);
    expect(page.items.map((q) => q.id)).toContain('cache-invalidation-peak-load');
  });

  it('paginates', () => {
    const first = bank.list({ limit: 10 });
    const second = bank.list({ limit: 10, offset: 10 });
    expect(first.items).toHaveLength(10);
    expect(second.items).toHaveLength(10);
    expect(first.items[9].id).not.toBe(second.items[0].id);
    expect(bank.list({ limit: 100 }).items.slice(10, 20)).toEqual(second.items);
    const last = bank.list({ limit: 20, offset: 60 });
    expect(last.items).toHaveLength(6);
    expect(last.total).toBe(66);
    expect(bank.list({ offset: 500 }).items).toEqual([]);
  });

  it('validates and clamps limit and offset', () => {
    expect(bank.list().limit).toBe(20);
    expect(bank.list({ limit: 0 }).limit).toBe(1);
    expect(bank.list({ limit: 1000 }).limit).toBe(100);
    expect(bank.list({ limit: 7.9 }).limit).toBe(7);
    expect(bank.list({ limit: Number.NaN }).limit).toBe(20);
    expect(bank.list({ offset: -5 }).offset).toBe(0);
    expect(normalizePaging({ limit: undefined, offset: 3.5 })).toEqual({ limit: 20, offset: 3 });
  });
});

describe('get, facets, tracks', () => {
  it('gets a question by id', () => {
    expect(bank.get('cap-theorem-distributed-systems')?.category).toBe('system-design');
    expect(bank.get('nope')).toBeUndefined();
  });

  it('counts facets for the rest of the query', () => {
    const all = bank.facets();
    expect(all.roles).toEqual([
      { value: 'fullstack', count: 38 },
      { value: 'backend', count: 28 },
    ]);
    expect(all.levels.map((l) => l.value)).toEqual([...LEVELS]);
    expect(all.categories.map((c) => c.value)).toEqual([...CATEGORIES]);
    expect(all.categories.reduce((n, c) => n + c.count, 0)).toBe(66);
    expect(all.categories.find((c) => c.value === 'system-design')?.label).toBe('System design');

    // The role counts ignore the chosen role; the other facets respect it.
    const backend = bank.facets({ role: 'backend' });
    expect(backend.roles).toEqual(all.roles);
    expect(backend.categories.reduce((n, c) => n + c.count, 0)).toBe(28);
    expect(backend.levels.find((l) => l.value === 'mid')?.count).toBe(28);
    expect(ROLES.every((r) => backend.roles.some((x) => x.value === r))).toBe(true);

    const searched = bank.facets({ q: 'rate limiter' });
    expect(searched.categories.find((c) => c.value === 'system-design')?.count).toBeGreaterThan(0);
  });

  it('lists tracks and expands one with its question summaries', () => {
    expect(bank.tracks().map((t) => t.id)).toEqual([
      'mid-fullstack-engineer',
      'senior-fullstack-engineer',
      'mid-backend-engineer',
      'backend-engineer',
      'staff-architect',
    ]);
    const detail = bank.track('mid-backend-engineer');
    expect(detail?.questions.map((q) => q.id)).toEqual(detail?.questionIds);
    expect(detail?.questions[0].rubricSize).toBeGreaterThanOrEqual(3);
    expect(bank.track('nope')).toBeUndefined();
  });
});

describe('match', () => {
  it.each([
    ['How would you decide which logic should live on the client and which on the server?', 'client-vs-server-logic'],
    [
      'Design a rate limiter that enforces per-user limits for an API running on several servers.',
      'distributed-rate-limiter',
    ],
    ['Can you explain the CAP theorem and what it means for distributed systems?', 'cap-theorem-distributed-systems'],
    ['What is the difference between REST and GraphQL, and when would you pick each?', 'rest-vs-graphql'],
    [
      'Tell me about a time you disagreed with a technical decision from a tech lead.',
      'disagreeing-with-senior-engineer',
    ],
    [
      'Your JWT refresh token flow has a race condition causing random logouts — fix it without touching the frontend.',
      'jwt-refresh-token-race-condition',
    ],
    [
      'A Postgres table has 50 million rows and a query on a non-indexed column is slow. How do you diagnose and fix it?',
      'slow-postgres-query-diagnosis',
    ],
    ['how do you handle versioning of your APIs', 'api-versioning-strategy'],
    // Short but specific rewordings of long questions.
    ['Explain optimistic locking.', 'optimistic-vs-pessimistic-locking'],
    ['How would you design a job queue?', 'job-queue-exactly-once-processing'],
    ['Design a commenting system.', 'realtime-comments-with-moderation'],
  ])('matches the paraphrase %p', (text, id) => {
    const found = bank.match(text);
    expect(found?.question.id).toBe(id);
    expect(found?.score).toBeGreaterThan(0);
    expect(found?.score).toBeLessThanOrEqual(1);
  });

  it('matches the exact wording with a score of 1', () => {
    const q = bank.get('streaming-median-two-heaps');
    expect(bank.match(q?.text ?? '')).toEqual({ question: q, score: 1 });
  });

  it.each([
    'What is your favourite pizza topping?',
    'Tell me about yourself.',
    'How do you design an API?',
    'What are your salary expectations for this role?',
    'What is caching?',
    'Design Twitter.',
    'Walk me through how you would design a URL shortener.',
    '',
  ])('rejects the unrelated or vague %p', (text) => {
    expect(bank.match(text)).toBeUndefined();
  });
});
