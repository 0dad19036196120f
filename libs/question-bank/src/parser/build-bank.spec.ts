import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Question } from '@mockroom/contracts';
import { EDITS } from '../edits';
import type { BankFile } from '../types';
import { buildBank, documentPrefix, parseSeeds, questionProblems, serializeBank } from './build-bank';
import { BANK_PATH, findRepoRoot, readSeeds } from './seeds';

const root = findRepoRoot(__dirname);
const seeds = readSeeds(root);
const committedJson = readFileSync(join(root, BANK_PATH), 'utf8');
const committed = JSON.parse(committedJson) as BankFile;
const built = buildBank(seeds);
const questions = committed.questions;

const byDoc = (prefix: string) => questions.filter((q) => documentPrefix(q.source.document) === prefix);
const question = (id: string): Question => {
  const q = questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};

/** The 66 ids, by document. Ids are stable: sessions and scores refer to them. Change only on purpose. */
const EXPECTED_IDS: Record<string, string[]> = {
  '000': [
    'client-vs-server-logic',
    'authentication-sessions-end-to-end',
    'optimize-slow-page-slow-api',
    'crud-feature-schema-api-ui',
    'optimistic-ui-updates-rollback',
    'realtime-comments-with-moderation',
    'feature-shipped-on-your-own',
    'choosing-where-to-go-deep',
  ],
  '001': [
    'strangler-fig-monolith-migration',
    'global-distributed-caching-strategy',
    'realtime-collaborative-editor-design',
    'leading-cross-functional-fullstack-project',
    'advocating-for-technical-debt',
    'cross-stack-performance-debugging',
    'project-failure-lessons-learned',
    'mentoring-junior-developer',
    'deployment-outage-data-corruption-incident',
    'third-party-api-deprecation-migration',
    'critical-library-vulnerability-remediation',
    'fullstack-motivation-continuous-learning',
    'learning-new-framework-tight-deadline',
    'event-driven-realtime-analytics-platform',
    'high-scale-ecommerce-architecture',
  ],
  '002': [
    'streaming-median-two-heaps',
    'parse-http-query-string',
    'sliding-window-request-counts',
    'distributed-rate-limiter',
    'job-queue-exactly-once-processing',
    'slow-postgres-query-diagnosis',
    'optimistic-vs-pessimistic-locking',
    'async-rest-api-slow-creation',
    'deployment-error-rate-spike',
    'disagreeing-with-senior-engineer',
    'mistake-that-was-your-fault',
    'backend-language-concurrency-model',
  ],
  '003': [
    'architecture-choice-wrong-in-18-months',
    'query-fast-locally-slow-in-production',
    'monolith-consistency-speed-vs-debt',
    'payment-race-condition-zero-downtime',
    'graphql-fast-backend-slow-page',
    'legacy-rewrite-breakeven',
    'microservices-cross-service-consistency',
    'fifteen-minute-production-fire',
    'tech-stack-total-cost-of-ownership',
    'technical-decision-you-regret',
    'jwt-refresh-token-race-condition',
    'zero-downtime-database-schema-migration',
    'feature-flag-rollout-after-incident',
    'api-response-format-deprecation',
    'cache-invalidation-peak-load',
  ],
  '004': [
    'rest-vs-graphql',
    'microservices-vs-monolith',
    'api-security-common-vulnerabilities',
    'database-normalization-tradeoffs',
    'backend-performance-optimization',
    'api-versioning-strategy',
    'cap-theorem-distributed-systems',
    'web-middleware-examples',
    'state-in-stateless-applications',
    'backend-error-handling-practices',
    'logging-and-monitoring-approach',
    'synchronous-vs-asynchronous-programming',
    'docker-containerization-benefits',
    'production-data-migrations',
    'backend-design-patterns',
    'application-scalability-techniques',
  ],
};

describe('bank.json', () => {
  it('is exactly what buildBank makes of the seeds (edit the parser or the hand edits, then rebuild)', () => {
    // Fails when bank.json and the seeds/parser/edits drift apart.
    // Fix: node tools/scripts/run-ts.mjs libs/question-bank/src/parser/build-bank.cli.ts
    expect(serializeBank(built)).toBe(committedJson);
  });

  it('is deterministic and versioned by content', () => {
    expect(serializeBank(buildBank(seeds))).toBe(serializeBank(built));
    expect(committed.version).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    expect(committed.seeds.map((s) => s.document)).toEqual(seeds.map((s) => s.document));
    for (const seed of committed.seeds) expect(seed.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('holds 8/15/12/15/16 questions per document, 66 in all', () => {
    expect(questions).toHaveLength(66);
    expect(Object.fromEntries(Object.keys(EXPECTED_IDS).map((p) => [p, byDoc(p).length]))).toEqual({
      '000': 8,
      '001': 15,
      '002': 12,
      '003': 15,
      '004': 16,
    });
    expect(committed.seeds.map((s) => s.questionCount)).toEqual([8, 15, 12, 15, 16]);
    // Positions are 1..n in each document, in order.
    for (const prefix of Object.keys(EXPECTED_IDS))
      expect(byDoc(prefix).map((q) => q.source.position)).toEqual(byDoc(prefix).map((_, i) => i + 1));
  });

  it('gives every question its required fields', () => {
    for (const q of questions) {
      expect(questionProblems(q)).toEqual([]);
      expect(q.id).toBeTruthy();
      expect(q.text.trim()).not.toBe('');
      expect(q.levels.length).toBeGreaterThan(0);
      expect(q.rubric.length).toBeGreaterThanOrEqual(3);
      expect(q.keyTerms.length).toBeGreaterThanOrEqual(1);
      expect(Boolean(q.sampleAnswer || q.answerFramework)).toBe(true);
    }
  });

  it('has derived texts for document 001 only', () => {
    for (const q of questions) expect(q.textDerived).toBe(documentPrefix(q.source.document) === '001');
    for (const q of byDoc('001')) {
      expect(q.text).toMatch(/\?$|\.$/);
      expect(q.text.length).toBeLessThan(300);
    }
  });

  it('has stable, unique, well-formed ids and rubric ids', () => {
    for (const [prefix, ids] of Object.entries(EXPECTED_IDS)) expect(byDoc(prefix).map((q) => q.id)).toEqual(ids);
    expect(new Set(questions.map((q) => q.id)).size).toBe(66);
    for (const q of questions) {
      expect(q.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(q.id.length).toBeLessThanOrEqual(60);
      q.rubric.forEach((p, i) => expect(p.id).toBe(`${q.id}#${i + 1}`));
    }
  });

  it('has no mojibake, page furniture or stray glyphs in its prose', () => {
    expect(committedJson).not.toMatch(/โ€|โœ|๐Ÿ|Ã|â€/u);
    expect(committedJson).not.toContain('View a sample answer');
    expect(committedJson).not.toContain('What a strong answer covers');
    expect(committedJson).not.toContain('**');
    for (const q of questions) {
      const proseLists = [
        q.rubric.map((p) => p.text),
        q.interviewerSignals,
        q.howToAnswer,
        q.commonMistakes,
        q.followUps,
        q.keyTerms,
        q.sourceScore?.reasons ?? [],
      ];
      for (const item of proseLists.flat()) expect(item).not.toMatch(/^[-•✓✗★*\s]/u);
      for (const field of [q.text, q.whyAsked ?? '', q.answerFramework ?? '', q.starExample?.action ?? ''])
        expect(field).not.toMatch(/[✓✗•★]/u);
    }
  });
});

describe('parsed content', () => {
  it('reads 003 Q1’s score: 9/10 with four reasons', () => {
    const q = question('architecture-choice-wrong-in-18-months');
    expect(q.sourceScore).toEqual({ score: 9, outOf: 10, reasons: expect.any(Array) });
    expect(q.sourceScore?.reasons).toHaveLength(4);
    expect(q.sourceScore?.reasons[0]).toMatch(/^Explicit Assumptions: Documented team size/);
    expect(q.levels).toEqual(['senior']);
    expect(q.difficulty).toBe('Very High');
    expect(q.context).toContain('real-time notification system for 50 million users');
    expect(q.answerFramework).toContain(
      '1. Explicit Assumptions Documentation - State all assumptions about scale, team, budget, timeline, and user behavior',
    );
    expect(question('query-fast-locally-slow-in-production').sourceScore?.score).toBe(8.5);
  });

  it('maps 003 level labels', () => {
    expect(question('query-fast-locally-slow-in-production').levels).toEqual(['mid', 'senior']);
    expect(question('payment-race-condition-zero-downtime').levels).toEqual(['senior', 'staff']);
    expect(question('microservices-cross-service-consistency').levels).toEqual(['staff']);
    expect(question('tech-stack-total-cost-of-ownership').levels).toEqual(['senior']);
    expect(question('technical-decision-you-regret').levels).toEqual(['mid', 'senior', 'staff']);
  });

  it('splits 001 Q1’s key points into separate items', () => {
    const q = question('strangler-fig-monolith-migration');
    const points = q.rubric.map((p) => p.text);
    expect(points).toContain('Strangler Fig Pattern');
    expect(points).toContain('API Gateway');
    expect(points).toContain('Bounded Context (DDD)');
    expect(points).toHaveLength(10);
    expect(q.keyTerms).toEqual(
      expect.arrayContaining(['Monolith', 'Microservices', 'Domain-Driven Design (DDD)', 'Change Data Capture (CDC)']),
    );
    expect(q.starExample?.result).toMatch(/^The new checkout service reduced/);
    expect(q.commonMistakes[0]).toBe(
      "Attempting to extract too much functionality at once, leading to a 'big bang' rewrite.",
    );
    expect(q.interviewerSignals[0]).toBe(
      'Structured, systematic thinking (e.g., using a framework like STAR or MECE).',
    );
    expect(question('realtime-collaborative-editor-design').keyTerms).toContain('gRPC');
  });

  it('categorises 002 from its labels', () => {
    expect(question('distributed-rate-limiter').category).toBe('system-design');
    expect(question('streaming-median-two-heaps').category).toBe('coding');
    expect(question('backend-language-concurrency-model').category).toBe('language-runtime');
    expect(question('deployment-error-rate-spike').category).toBe('reliability-operations');
    expect(question('slow-postgres-query-diagnosis').keyTerms).toContain('EXPLAIN ANALYZE');
    expect(question('slow-postgres-query-diagnosis').commonMistakes[0]).toMatch(/EXPLAIN ANALYZE/);
  });

  it('keeps 000’s reference solutions, follow-ups and pitfalls', () => {
    const crud = question('crud-feature-schema-api-ui');
    expect(crud.category).toBe('coding');
    expect(crud.referenceSolution?.language).toBe('text');
    expect(crud.referenceSolution?.code).toMatch(/^-- SQL Schema CREATE TABLE todos/);
    expect(crud.referenceSolution?.code).toMatch(/<\/html>$/);
    const optimistic = question('optimistic-ui-updates-rollback');
    expect(optimistic.referenceSolution?.language).toBe('javascript');
    expect(optimistic.referenceSolution?.code).toMatch(/handle rollback in the reducer\.$/);
    expect(optimistic.text).toBe('Implement optimistic UI updates with rollback on failure.');
    expect(question('client-vs-server-logic').followUps).toEqual(['How do you handle state that needs to be synced?']);
    expect(question('optimize-slow-page-slow-api').followUps).toEqual(['How do you handle API failures?']);
    expect(question('feature-shipped-on-your-own').followUps).toEqual(['How did you ensure idempotency?']);
    expect(question('optimize-slow-page-slow-api').commonMistakes).toEqual([
      'Caching stale data; set appropriate TTLs and invalidate on mutations.',
    ]);
  });

  it('reads 004’s why-asked paragraphs and answer examples', () => {
    const q = question('rest-vs-graphql');
    expect(q.levels).toEqual(['mid', 'senior', 'staff']);
    expect(q.levelLabel).toBe('All levels');
    expect(q.whyAsked).toMatch(/^This question is important because/);
    expect(q.sampleAnswer).toMatch(/^REST \(Representational State Transfer\)/);
    expect(q.sampleAnswer).toMatch(/crucial\.$/);
    expect(q.category).toBe('api-design');
    expect(question('web-middleware-examples').whyAsked).toMatch(/^Understanding middleware is crucial/);
  });

  it('repairs the scrambled STAR examples by hand edits', () => {
    expect(question('mentoring-junior-developer').starExample?.action).toContain('EXPLAIN ANALYZE');
    expect(question('cross-stack-performance-debugging').starExample?.result).toMatch(
      /^We refactored the API response/,
    );
    expect(JSON.stringify(questions)).not.toContain('Resul\n');
  });
});

describe('buildBank', () => {
  it('fails loudly when the hand edits no longer match the seeds', () => {
    const broken = {
      ...EDITS,
      'rest-vs-graphql': { ...EDITS['rest-vs-graphql'], anchor: 'something the question does not say' },
    };
    expect(() => buildBank(seeds, broken)).toThrow(/anchor/);
    const { ['rest-vs-graphql']: _removed, ...missing } = EDITS;
    expect(() => buildBank(seeds, missing)).toThrow(/004#1: no edit entry/);
    const badFix = {
      ...EDITS,
      'rest-vs-graphql': {
        ...EDITS['rest-vs-graphql'],
        fixes: [{ field: 'sampleAnswer' as const, from: 'not in the text', to: 'x' }],
      },
    };
    expect(() => buildBank(seeds, badFix)).toThrow(/does not apply/);
  });

  it('parses each seed with its own format', () => {
    expect(parseSeeds(seeds).map((d) => d.title)).toEqual([
      'Mid Fullstack Engineer Interview Questions',
      'Senior Fullstack Developer Interview Questions',
      'Mid-Level Backend Engineer Interview Questions',
      'Full Stack Developer Interview Questions & Answers',
      'Back-end Engineer Interview Questions',
    ]);
    expect(() => parseSeeds([{ document: '999_unknown.txt', text: '' }])).toThrow(/No parser/);
  });
});
