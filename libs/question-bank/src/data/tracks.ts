/**
 * Named interview plans a session can start from. Each is 5–8 questions, balanced across categories
 * and ordered as a real interview runs: a warm-up first, design and depth in the middle, and the
 * behavioral question at the start or the end.
 *
 * Rule for "suits the role": a backend track uses only backend questions; a fullstack track may also
 * use backend questions (fullstack candidates are asked backend questions, not the other way round).
 * Every question must list the track's level. (Checked by tracks.spec.ts and by QuestionBank.)
 */
import type { Track } from '@mockroom/contracts';

export const TRACKS: readonly Track[] = [
  {
    id: 'mid-fullstack-engineer',
    name: 'Mid Fullstack Engineer',
    description:
      'End-to-end delivery at mid level: where logic belongs, authentication, a CRUD feature across schema, API and UI, a real-time product design, a frontend/backend performance hunt, and an ownership story.',
    role: 'fullstack',
    level: 'mid',
    durationMinutes: 60,
    questionIds: [
      'client-vs-server-logic',
      'authentication-sessions-end-to-end',
      'crud-feature-schema-api-ui',
      'realtime-comments-with-moderation',
      'graphql-fast-backend-slow-page',
      'feature-shipped-on-your-own',
    ],
  },
  {
    id: 'senior-fullstack-engineer',
    name: 'Senior Fullstack Engineer',
    description:
      'Senior scope: motivation as a warm-up, migrating a monolith, designing a real-time collaborative editor, a security race condition, a zero-downtime schema migration, and leading on technical debt.',
    role: 'fullstack',
    level: 'senior',
    durationMinutes: 75,
    questionIds: [
      'fullstack-motivation-continuous-learning',
      'strangler-fig-monolith-migration',
      'realtime-collaborative-editor-design',
      'jwt-refresh-token-race-condition',
      'zero-downtime-database-schema-migration',
      'advocating-for-technical-debt',
    ],
  },
  {
    id: 'mid-backend-engineer',
    name: 'Mid Backend Engineer',
    description:
      'A mid-level backend loop: your language’s concurrency model, a data-structure coding problem, a rate limiter design, diagnosing a slow Postgres query, a production incident, and a disagreement story.',
    role: 'backend',
    level: 'mid',
    durationMinutes: 60,
    questionIds: [
      'backend-language-concurrency-model',
      'streaming-median-two-heaps',
      'distributed-rate-limiter',
      'slow-postgres-query-diagnosis',
      'deployment-error-rate-spike',
      'disagreeing-with-senior-engineer',
    ],
  },
  {
    id: 'backend-engineer',
    name: 'Backend Engineer',
    description:
      'Back-end fundamentals for every level: API styles, sync vs. async, normalization, API security, the CAP theorem, performance and observability. (Listed under mid, the lowest level; the questions suit all levels.)',
    role: 'backend',
    level: 'mid',
    durationMinutes: 60,
    questionIds: [
      'rest-vs-graphql',
      'synchronous-vs-asynchronous-programming',
      'database-normalization-tradeoffs',
      'api-security-common-vulnerabilities',
      'cap-theorem-distributed-systems',
      'backend-performance-optimization',
      'logging-and-monitoring-approach',
    ],
  },
  {
    id: 'staff-architect',
    name: 'Staff / Architect',
    description:
      'Staff-level judgement: CAP trade-offs as a warm-up, consistency across dozens of microservices, a payment race condition fixed without downtime, a cache invalidation crisis, and a decision you regret.',
    role: 'fullstack',
    level: 'staff',
    durationMinutes: 75,
    questionIds: [
      'cap-theorem-distributed-systems',
      'microservices-cross-service-consistency',
      'payment-race-condition-zero-downtime',
      'cache-invalidation-peak-load',
      'technical-decision-you-regret',
    ],
  },
];
