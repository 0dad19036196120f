/**
 * Hand review of seed 003, "Full Stack Developer Interview Questions & Answers".
 *
 * - `text`: the source prints each question in Title Case ("Design a System Where Your Architectural
 *   Choice Is…"); the review gives the same question in sentence case, as it would be spoken. It is
 *   still the source's question, so `textDerived` stays false.
 * - `category`: the source gives none; assigned by what the question probes.
 * - `rubric`: derived from the "Framework to Answer" structure and the "Why this score" reasons.
 * - `commonMistakes`: the source has no such section; these restate what its framework principles
 *   and score reasons warn against ("Use tools, don't guess", "Never 'big bang' cutover", …).
 * - `fixes`: lines the reflow could not rejoin or split correctly (the source wraps text at odd places).
 *   Code in the sample answers is kept as the source prints it.
 */
import type { ReviewSet } from './types';

export const REVIEW_003: ReviewSet = {
  'architecture-choice-wrong-in-18-months': {
    at: '003#1',
    anchor: 'Your Architectural Choice Is Fundamentally Wrong',
    text: 'Design a system where your architectural choice is fundamentally wrong, but we won’t know it for 18 months.',
    category: 'architecture',
    rubric: [
      'Documents the assumptions behind the choice explicitly: scale, team size and skills, budget, timeline, user behavior',
      'Validates the choice before implementation with prototypes and load tests, cost modeling and a team capability assessment',
      'Defines measurable early-warning metrics with thresholds (e.g., feature velocity, deployment failure rate, connection pool saturation, P95 latency)',
      'Quantifies hidden costs beyond infrastructure: operational overhead, hiring constraints, cognitive load',
      'Sets pivot criteria and a fallback migration path, designing for reversibility',
      'Acknowledges uncertainty honestly instead of claiming perfect foresight',
    ],
    keyTerms: ['Monolith', 'Microservices', 'Event sourcing', 'Early warning metrics', 'Hidden costs', 'Reversibility', 'Load testing', 'Cost modeling', 'Connection pool', 'P95 latency', 'MTTR'],
    commonMistakes: [
      'Leading with conclusions instead of stating the assumptions behind them.',
      'Counting only infrastructure costs and ignoring hiring, operational overhead and cognitive load.',
      'Treating “best practices” as universal rather than dependent on context.',
      'Claiming perfect foresight instead of designing for reversibility.',
    ],
  },
  'query-fast-locally-slow-in-production': {
    at: '003#2',
    anchor: 'Performs at 5ms on Your Laptop but 2 Seconds in Production',
    text: 'Your database query performs at 5ms on your laptop but takes 2 seconds in production with identical data. Debug this.',
    category: 'performance',
    rubric: [
      'Ranks 5–7 plausible root causes by likelihood instead of guessing',
      "Checks the execution plan in production (explain('executionStats'): IXSCAN vs. COLLSCAN, documents examined) and the query planner cache and statistics",
      'Considers production-only factors: read preference and replica lag, connection pool exhaustion, concurrent load and lock contention',
      'Considers the network path: packet loss, MTU mismatch, extra VPC or NAT hops',
      'Gives concrete diagnostic commands in a time-boxed investigation order',
      'Verifies the fix by measuring P50/P95/P99 latency afterwards',
    ],
    keyTerms: ['explain()', 'executionStats', 'IXSCAN', 'COLLSCAN', 'Query planner cache', 'Read preference', 'Replication lag', 'Replica set', 'Connection pool', 'Lock contention', 'MTU', 'mtr'],
    commonMistakes: [
      'Assuming “it’s the query” instead of investigating across the application, network, database and infrastructure layers.',
      'Guessing randomly instead of using diagnostic tools.',
      'Fixing symptoms rather than the root cause.',
    ],
    fixes: [
      // The comment and the code after it share one line in the source.
      {
        field: 'context',
        from: "// Local: 5ms | Production: 2000msdb.collection('users').findOne(\n{ userId: uuid }, { lean: true }\n)",
        to: "// Local: 5ms | Production: 2000ms\ndb.collection('users').findOne({ userId: uuid }, { lean: true })",
      },
      { field: 'sampleAnswer', from: 'query planner statistics In production,', to: 'query planner statistics\nIn production,' },
      {
        field: 'sampleAnswer',
        from: "Fix:\ndb.collection('users').getPlanCache().clear() or restart MongoDB to flush plan\ncache.",
        to: "Fix: db.collection('users').getPlanCache().clear() or restart MongoDB to flush plan cache.",
      },
    ],
  },
  'monolith-consistency-speed-vs-debt': {
    at: '003#3',
    anchor: 'Monolith with 500K Lines of Code',
    text: 'You have a monolith with 500K lines of code. One feature requires database consistency across three separate transactions. How do you balance speed to market vs technical debt?',
    category: 'architecture',
    rubric: [
      'States the constraints explicitly: two-week deadline, four developers (two juniors), no queue or microservice infrastructure',
      'Evaluates each option (database transaction, saga, separate microservice, queue) on implementation time, operational complexity, team fit and reversibility',
      'Identifies the hidden costs of each option, such as lock contention, stuck sagas or ongoing operational overhead',
      'Proposes a pragmatic hybrid: ship a well-structured database transaction now, with clean boundaries for later extraction',
      'Defines success metrics and a pivot trigger for revisiting the decision (e.g., P95 latency, consistency bugs)',
      'Presents the trade-off to product and the CTO as intentional, measured technical debt',
    ],
    keyTerms: ['Database transaction', 'Saga pattern', 'Compensation', 'Row-level locking', 'Message queue', 'Eventual consistency', 'Technical debt', 'ActiveRecord', 'P95 latency'],
    commonMistakes: [
      'Picking the architecturally “pure” option that misses the deadline or exceeds the team’s skills.',
      'Framing it as “do it right or not at all” instead of phasing the solution.',
      'Ignoring team skill level when choosing an architecture.',
    ],
    fixes: [{ field: 'sampleAnswer', from: 'Metric 5:\nScalability', to: 'Metric 5: Scalability' }],
  },
  'payment-race-condition-zero-downtime': {
    at: '003#4',
    anchor: 'Payment Processing Has a Race Condition',
    text: 'Your startup’s payment processing has a race condition that loses 0.01% of transactions (worth $500K/month). Fix it without downtime.',
    // Consistency across a database and an external payment provider: a distributed-systems design problem.
    category: 'system-design',
    rubric: [
      'Identifies the root cause: two non-atomic operations (the database write and the Stripe call) with unsafe retries',
      'Uses idempotency keys so that retries cannot double-charge',
      'Commits the database transaction before calling the payment provider and tracks status (pending → completed → failed)',
      'Deploys without downtime: a feature flag and a canary rollout (1% → 100%) with monitoring and a rollback path',
      'Reconciles existing broken transactions with a backfill script checked against Stripe',
      'Proposes the outbox pattern as the long-term fix',
    ],
    keyTerms: ['Race condition', 'Idempotency key', 'Atomicity', 'Stripe', 'Feature flag', 'Canary rollout', 'Reconciliation', 'Backfill script', 'Outbox pattern', 'Exponential backoff'],
    commonMistakes: [
      'Retrying the write-and-charge sequence without idempotency, which risks double-charging.',
      'Holding the database transaction open across the call to the payment provider.',
      'Fixing new payments but leaving the existing broken transactions unreconciled.',
    ],
  },
  'graphql-fast-backend-slow-page': {
    at: '003#5',
    anchor: 'Your GraphQL API Response Time',
    text: 'Your GraphQL API response time is 200ms at the 95th percentile, but users complain about 3+ second load times. Find the real bottleneck.',
    category: 'performance',
    rubric: [
      'Isolates the layer: backend queries, network payload, or frontend parsing and rendering',
      'Finds N+1 queries in the resolvers and batches them with DataLoader',
      'Checks JavaScript bundle size and parse time, and applies code splitting',
      'Cuts the payload with pagination and field selection',
      'Replaces sequential request waterfalls with parallel requests',
      'Uses the right tools: the Chrome DevTools Network, Performance and Coverage tabs, and GraphQL (Apollo) tracing',
    ],
    keyTerms: ['GraphQL', 'N+1 query', 'Resolver', 'DataLoader', 'Bundle size', 'Code splitting', 'Pagination', 'Request waterfall', 'Chrome DevTools', 'Apollo tracing'],
    commonMistakes: [
      'Trusting backend P95 metrics without measuring what users experience in the browser.',
      'Assuming which layer is slow instead of testing each layer independently.',
    ],
  },
  'legacy-rewrite-breakeven': {
    at: '003#6',
    anchor: 'Keep This Legacy Code Instead of Rewriting It',
    text: 'Defend your decision to keep this legacy code instead of rewriting it. What’s your breakeven point?',
    category: 'architecture',
    rubric: [
      'Calculates the current system’s true annual cost (salaries, infrastructure) against the revenue it earns',
      'Estimates the realistic rewrite cost, including overruns and the risk of lost revenue (an expected cost, not the stated budget)',
      'Computes the breakeven from the projected savings and judges it against the investment',
      'Proposes alternatives to a full rewrite: extract the worst bottlenecks, modularize the monolith, improve tests and monitoring',
      'States the conditions under which a rewrite would make sense (hiring, unpatchable security issues, infrastructure cost, collapsed velocity)',
    ],
    keyTerms: ['Breakeven', 'ROI', 'Expected cost', 'Rewrite risk', 'Selective modernization', 'Modular monolith', 'Test coverage', 'Rails'],
    commonMistakes: [
      'Taking the stated rewrite estimate at face value, ignoring overruns and the risk of failure.',
      'Framing the choice as “rewrite vs nothing” instead of considering selective modernization.',
      'Choosing shiny new technology when the business case does not support it.',
    ],
  },
  'microservices-cross-service-consistency': {
    at: '003#7',
    anchor: 'Your Microservices Are Now 40 Services',
    text: 'Your microservices are now 40 services. One feature requires consistency across 6 services. How did we get here? How do we fix it?',
    category: 'architecture',
    rubric: [
      'Diagnoses the root cause: premature microservices, team autonomy without governance, no API contracts, no architecture review (Conway’s Law)',
      'Compares the technical options: a saga with compensation, two-phase commit, consolidating the databases',
      'Recommends an orchestrated saga that compensates completed steps in reverse order, and names its eventual-consistency cost',
      'Proposes organizational fixes: a platform team, an architecture review board, published API contracts and versioning',
      'Keeps consolidating the six services as an escape hatch if the platform investment is not feasible',
    ],
    keyTerms: ['Saga pattern', 'Compensation', 'Orchestration', 'Two-phase commit', 'Eventual consistency', 'Conway’s Law', 'Platform team', 'Architecture review board', 'API contracts', 'OpenAPI'],
    commonMistakes: [
      'Treating an organizational problem as a purely technical one.',
      'Reaching for two-phase commit across six services despite its latency and failure rate.',
      'Saying “use sagas” without deciding who builds and maintains the saga infrastructure.',
    ],
    fixes: [
      {
        field: 'sampleAnswer',
        from: '- Service mesh management Implement Architecture Review\nBoard:',
        to: '- Service mesh management\nImplement Architecture Review Board:',
      },
    ],
  },
  'fifteen-minute-production-fire': {
    at: '003#8',
    anchor: 'You Have 15 Minutes to Find and Fix a Production Bug',
    text: 'You have 15 minutes to find and fix a production bug affecting 0.1% of users. Your tools: SSH, logs, and confidence.',
    category: 'reliability-operations',
    rubric: [
      'Confirms the symptom and correlates it with the recent deploy in the first minutes',
      'Diagnoses with the logs and the connection pool status, and diffs the deploy for a likely cause (such as an N+1 query)',
      'Decides quickly to roll back rather than hotfix under time pressure',
      'Monitors the recovery until the error rate is back to baseline',
      'Communicates status to stakeholders, schedules a post-mortem, and fixes the root cause (eager loading) before redeploying',
    ],
    keyTerms: ['Rollback', 'Connection pool exhaustion', 'Deploy diff', 'N+1 query', 'Eager loading', 'Error rate', 'Post-mortem', 'Incident communication'],
    commonMistakes: [
      'Trying to hotfix an unknown problem in production with minutes left instead of rolling back.',
      'Guessing randomly instead of following a logical progression (deploy correlation → connection pool → query diff).',
      'Treating stakeholder communication as an afterthought.',
    ],
  },
  'tech-stack-total-cost-of-ownership': {
    at: '003#9',
    anchor: 'Estimate the True Cost of Your Tech Stack Choice',
    text: 'Estimate the true cost of your tech stack choice (including hiring, infrastructure, team scalability). Was it worth it?',
    // A retrospective on a technology decision, argued in money: architecture-level judgement.
    category: 'architecture',
    rubric: [
      'Builds a total cost of ownership beyond salaries: turnover, infrastructure, tools and opportunity cost',
      'Compares it with a realistic alternative stack over the same period',
      'Puts a value on intangibles such as time-to-market and full-stack flexibility',
      'Gives an honest verdict and admits what was suboptimal',
      'Proposes specific changes going forward (e.g., renegotiate or migrate infrastructure, broaden the hiring pool)',
    ],
    keyTerms: ['Total cost of ownership (TCO)', 'Turnover', 'Opportunity cost', 'Time-to-market', 'Vendor lock-in', 'AWS', 'Kubernetes', 'Hiring pool'],
    commonMistakes: [
      'Counting only salaries or infrastructure and missing turnover, tools and opportunity cost.',
      'Concluding “everything was perfect” or “rewrite everything” instead of a balanced strategy going forward.',
    ],
  },
  'technical-decision-you-regret': {
    at: '003#10',
    anchor: 'Major Technical Decision You Made That You Regret',
    text: 'Walk me through a major technical decision you made that you regret. What would you do differently?',
    category: 'behavioral',
    rubric: [
      'Describes the situation: context, constraints and stakes',
      'Explains what they decided and why, and owns the decision personally',
      'Quantifies the impact (e.g., lost productivity, slower feature velocity, longer hiring)',
      'Analyzes the root cause, including personal bias, rather than a surface-level excuse',
      'Shows a concrete change in behavior, applied to a later decision with its outcome',
    ],
    keyTerms: ['SBI-AL framework', 'Root cause analysis', 'Technology evaluation framework', 'Ecosystem maturity', 'Feature velocity', 'Learning curve'],
    commonMistakes: [
      'Blaming the team, the PM or the timeline instead of owning the decision.',
      'Giving a surface-level cause such as “didn’t research enough”.',
      'Describing a lesson without evidence that it changed later decisions.',
    ],
  },
  'jwt-refresh-token-race-condition': {
    at: '003#11',
    anchor: 'Your JWT Refresh Token Flow Has a Race Condition',
    text: 'Your JWT refresh token flow has a race condition that causes random logouts. How do you fix it without changing the frontend?',
    category: 'security',
    rubric: [
      'Explains the race: concurrent requests refresh with the same token, and rotation invalidates a token another request relies on',
      'Fixes it on the backend only with a grace period that returns the same new tokens to concurrent refreshes (a cached response)',
      'Keeps the security model: token families detect reuse from outside the family and revoke it (theft detection)',
      'Compares the alternatives (a distributed lock, jti tracking) with their trade-offs',
      'Adds monitoring for concurrent refreshes and suspected theft, and rolls out through staging load tests and a canary',
    ],
    keyTerms: ['JWT', 'Refresh token rotation', 'Race condition', 'Grace period', 'Token family', 'Token theft detection', 'Redis', 'Distributed lock', 'jti', 'Canary rollout'],
    commonMistakes: [
      'Weakening refresh token rotation, the protection against token theft, to make the race go away.',
      'Issuing different new tokens to concurrent requests, which leaves the race in place.',
    ],
    fixes: [{ field: 'sampleAnswer', from: 'concurrent_requestmetric', to: 'concurrent_request metric' }],
  },
  'zero-downtime-database-schema-migration': {
    at: '003#12',
    anchor: 'Migrating a Production Database (10TB, 24/7 Traffic)',
    text: 'You’re migrating a production database (10TB, 24/7 traffic) to a different schema. Zero downtime required. Walk through your strategy and tradeoffs.',
    category: 'databases',
    rubric: [
      'Phases the migration: audit and schema design, bulk load, CDC sync, dual writes, gradual cutover',
      'Keeps the target in sync with change data capture (e.g., Debezium and Kafka) and monitors replication lag against the RPO',
      'Validates data at every phase: row counts, checksums, sampled comparisons, reconciliation',
      'Cuts over gradually by percentage behind a feature flag, with an instant rollback path that meets the RTO',
      'Names the top failure scenarios (replication lag, divergence, target performance) with mitigations',
      'Plans realistically for three engineers over six weeks, with assigned roles',
    ],
    keyTerms: ['Change data capture (CDC)', 'Debezium', 'Kafka', 'Bulk load', 'pg_dump', 'Dual writes', 'Replication lag', 'RPO', 'RTO', 'Feature flag', 'Checksums', 'Denormalization'],
    commonMistakes: [
      'A “big bang” cutover instead of a gradual, percentage-based rollout.',
      'No rollback path, or one too slow to meet the RTO.',
      'Skipping data validation between phases.',
    ],
    fixes: [
      { field: 'sampleAnswer', from: '- Load testing\nBEFORE cutover:', to: '- Load testing BEFORE cutover:' },
      { field: 'sampleAnswer', from: 'for 5 minutes Team Capacity (3 engineers, 6 weeks)\n', to: 'for 5 minutes\nTeam Capacity (3 engineers, 6 weeks)\n' },
      {
        field: 'sampleAnswer',
        from: 'cutover orchestration Engineer 2 (Data\nEngineer): ETL pipeline, bulk load, validation scripts Engineer 3 (DevOps):',
        to: 'cutover orchestration\nEngineer 2 (Data Engineer): ETL pipeline, bulk load, validation scripts\nEngineer 3 (DevOps):',
      },
    ],
  },
  'feature-flag-rollout-after-incident': {
    at: '003#13',
    anchor: 'Design a Feature Flag Rollout Strategy',
    text: 'Design a feature flag rollout strategy for a feature that broke production last week when you tried a 100% deployment. How do you regain confidence?',
    category: 'reliability-operations',
    rubric: [
      'Validates before customers see it: internal users first, then an opted-in beta group',
      'Increases the percentage gradually (1% → 5% → 10% → 25% → 50% → 100%) with monitoring windows between stages',
      'Defines explicit, quantified stage gates (error rate, P95 latency, completion rate, support tickets)',
      'Has a kill switch and an automated circuit breaker that roll back within seconds',
      'Communicates proactively with customers at each stage',
    ],
    keyTerms: ['Feature flag', 'Staged rollout', 'Stage gates', 'Kill switch', 'Circuit breaker', 'Beta group', 'Error rate', 'P95 latency'],
    commonMistakes: [
      'Judging a stage on a subjective “looks good” instead of explicit success criteria.',
      'Moving to the next stage without monitoring long enough.',
      'Communicating reactively instead of proactively.',
    ],
  },
  'api-response-format-deprecation': {
    at: '003#14',
    anchor: 'Your API Changed Response Format',
    text: 'Your API changed its response format (added fields). Legacy clients using the old format will break. Design a zero-breaking-change rollout for a 3-month deprecation window.',
    category: 'api-design',
    rubric: [
      'Makes additive changes first: returns the new fields alongside the old ones, with an in-band deprecation notice',
      'Supports both formats through explicit versioning (an Accept-Version header)',
      'Switches the default to the new format later, keeping the old one available on request',
      'Tracks adoption per client: contacts known partners and flags high-volume unknown clients',
      'Communicates in stages with a migration guide, and grandfathers critical partners before removing the old format',
    ],
    keyTerms: ['Backward compatibility', 'API versioning', 'Accept-Version header', 'Content negotiation', 'Deprecation', 'Migration guide', 'Grandfather clause', '410 Gone'],
    commonMistakes: [
      'Removing fields before adding their replacements.',
      'Breaking clients unilaterally, forgetting that an API is a contract.',
      'Ignoring unknown clients, who can only be reached through the API response itself.',
    ],
  },
  'cache-invalidation-peak-load': {
    at: '003#15',
    anchor: 'Cache Is Invalidating Too Aggressively',
    text: 'Your distributed system’s cache is invalidating too aggressively, causing performance degradation during peak load. Design a new invalidation strategy.',
    // The symptom and the success criterion are latency (P95 600ms → under 200ms): performance.
    category: 'performance',
    rubric: [
      'Explains the root cause: synchronous, coordinated invalidation makes Redis a single point of contention',
      'Proposes TTL-based lazy expiry that accepts the allowed 30 seconds of staleness',
      'Compares alternatives such as versioned keys and probabilistic invalidation over pub/sub, with quantified trade-offs',
      'States the consistency being given up and where the approach is unsuitable (financial transactions, inventory counts)',
      'Covers failure scenarios: cache stampede (TTL jitter), permanent divergence, unbounded memory (LRU eviction)',
      'Monitors staleness and divergence, and rolls out gradually',
    ],
    keyTerms: ['Cache invalidation', 'TTL', 'Redis', 'Versioned keys', 'Probabilistic invalidation', 'Pub/sub', 'Eventual consistency', 'Cache stampede', 'Jitter', 'LRU eviction', 'CAP theorem'],
    commonMistakes: [
      'Treating invalidation as a synchronous, coordinated operation.',
      'Insisting on strong consistency where controlled staleness is acceptable.',
      'Forgetting the cache stampede when many entries expire at once.',
    ],
    fixes: [{ field: 'answerFramework', from: '4. Implementation\n- Concrete code with monitoring', to: '4. Implementation - Concrete code with monitoring' }],
  },
};
