import { extractFollowUps, extractPitfalls } from './extract';
import { categoryFromLabel } from './parse-002';
import { levelsFromLabel } from './parse-003';
import { reflow } from './reflow';
import { capitalizeFirst, cleanItem, splitConcatenatedList, splitSentences } from './text-utils';

describe('splitConcatenatedList', () => {
  it('splits items printed without separators', () => {
    expect(
      splitConcatenatedList('Strangler Fig PatternAPI GatewayBounded Context (DDD)Incremental RefactoringIdempotency'),
    ).toEqual([
      'Strangler Fig Pattern',
      'API Gateway',
      'Bounded Context (DDD)',
      'Incremental Refactoring',
      'Idempotency',
    ]);
  });

  it('keeps camel-case names and parentheses whole', () => {
    expect(splitConcatenatedList('KafkaRabbitMQCAP TheoremTTLGeo-Replication')).toEqual([
      'Kafka',
      'RabbitMQ',
      'CAP Theorem',
      'TTL',
      'Geo-Replication',
    ]);
    expect(splitConcatenatedList('Conflict-free Replicated Data Types (CRDTs)gRPCApache Kafka')).toEqual([
      'Conflict-free Replicated Data Types (CRDTs)',
      'gRPC',
      'Apache Kafka',
    ]);
    expect(
      splitConcatenatedList('Polyglot Persistence (Distributed SQL, NoSQL, Search Engines)Asynchronous Communication'),
    ).toEqual(['Polyglot Persistence (Distributed SQL, NoSQL, Search Engines)', 'Asynchronous Communication']);
    expect(splitConcatenatedList('Chrome DevToolsLighthouseOAuth2OpenID Connect')).toEqual([
      'Chrome DevTools',
      'Lighthouse',
      'OAuth2',
      'OpenID Connect',
    ]);
  });

  it('splits sentences run together and numbers that open a phrase', () => {
    expect(splitConcatenatedList('Blameless Post-Mortem5 WhysCanary Deployments')).toEqual([
      'Blameless Post-Mortem',
      '5 Whys',
      'Canary Deployments',
    ]);
    expect(splitConcatenatedList('First point (e.g., a, b).Second point.')).toEqual([
      'First point (e.g., a, b).',
      'Second point.',
    ]);
    expect(splitConcatenatedList('OWASP Top 10Supply Chain Security')).toEqual([
      'OWASP Top 10',
      'Supply Chain Security',
    ]);
  });
});

describe('small text helpers', () => {
  it('cleans list items', () => {
    expect(cleanItem('  • •My approach')).toBe('My approach');
    expect(cleanItem('✓Structured thinking')).toBe('Structured thinking');
    expect(cleanItem('- **Situation:** Led a team')).toBe('Situation: Led a team');
    expect(cleanItem("Stating 'I read blogs' without elaborating on *which* blogs or *how* that helps.")).toBe(
      "Stating 'I read blogs' without elaborating on which blogs or how that helps.",
    );
    expect(cleanItem('Compute 2 * 3 * 4')).toBe('Compute 2 * 3 * 4');
    expect(capitalizeFirst('gRPC')).toBe('gRPC');
    expect(capitalizeFirst('not rotating')).toBe('Not rotating');
  });

  it('splits sentences but not abbreviations or quoted ends', () => {
    expect(splitSentences("Use two heaps (e.g., Python's heapq). Then rebalance vs. the other.")).toEqual([
      "Use two heaps (e.g., Python's heapq).",
      'Then rebalance vs. the other.',
    ]);
    expect(splitSentences("Depth beyond 'it's fast.' Interviewers expect more.")).toEqual([
      "Depth beyond 'it's fast.'",
      'Interviewers expect more.',
    ]);
  });

  it('extracts follow-ups and pitfalls from sample answers', () => {
    const answer =
      'Do X. A common pitfall is caching stale data; set TTLs. Follow-up: how do you handle API failures? Use retries.';
    expect(extractFollowUps(answer)).toEqual(['How do you handle API failures?']);
    expect(extractPitfalls(answer)).toEqual(['Caching stale data; set TTLs.']);
    expect(extractFollowUps('A follow-up question might be how I ensured idempotency.')).toEqual([
      'How I ensured idempotency?',
    ]);
  });

  it('maps source labels onto contract values', () => {
    expect(categoryFromLabel('Coding – Data Structures')).toBe('coding');
    expect(categoryFromLabel('Reliability & Operations')).toBe('reliability-operations');
    expect(categoryFromLabel('Language / Runtime')).toBe('language-runtime');
    expect(categoryFromLabel('Gardening')).toBeNull();
    expect(levelsFromLabel('Mid-to-Senior (4-7 Years of Experience)')).toEqual(['mid', 'senior']);
    expect(levelsFromLabel('Senior/Staff (6+ Years of Experience)')).toEqual(['senior', 'staff']);
    expect(levelsFromLabel('Staff (6+ Years of Experience)')).toEqual(['staff']);
    expect(levelsFromLabel('Senior/Lead (6+ Years of Experience)')).toEqual(['senior']);
    expect(levelsFromLabel('All Levels (3-7 Years)')).toEqual(['mid', 'senior', 'staff']);
  });
});

describe('reflow', () => {
  it('joins lines broken mid-sentence and keeps list structure', () => {
    const lines = [
      'Structure:',
      '1. Explicit',
      'Assumptions Documentation - State all assumptions about scale, and',
      'user behavior',
      '2.',
      'Systematic Elimination - Test each hypothesis',
      'Key Principles:',
      '- Lead with',
      'assumptions, not conclusions',
      '-',
      'Investigate production-specific constraints',
    ];
    expect(reflow(lines, { list: true })).toEqual([
      'Structure:',
      '1. Explicit Assumptions Documentation - State all assumptions about scale, and user behavior',
      '2. Systematic Elimination - Test each hypothesis',
      'Key Principles:',
      '- Lead with assumptions, not conclusions',
      '- Investigate production-specific constraints',
    ]);
  });

  it('keeps code lines and labelled lines apart', () => {
    const lines = [
      'Option 1: Database transactions',
      'Implementation time: 3-4 days (fastest)',
      'How it works:',
      'const x = await db.query(',
      "'SELECT 1'",
      ');',
      'Pros: Simple, atomic',
      'consistency guaranteed',
    ];
    expect(reflow(lines, { code: true })).toEqual([
      'Option 1: Database transactions',
      'Implementation time: 3-4 days (fastest)',
      'How it works:',
      'const x = await db.query(',
      "'SELECT 1'",
      ');',
      'Pros: Simple, atomic consistency guaranteed',
    ]);
  });
});
