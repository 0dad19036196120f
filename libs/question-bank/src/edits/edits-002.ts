/**
 * Hand edits of seed 002, "Mid-Level Backend Engineer Interview Questions".
 *
 * The source has no rubric bullets: each rubric below restates the points of its "How to answer"
 * paragraph (3–6 each), keeping the source's facts and nothing more. Common mistakes restate what the
 * source says to avoid or what interviewers penalise ("What they look for"). Key terms are the
 * technical terms those paragraphs use.
 */
import type { EditSet } from './types';

export const EDITS_002: EditSet = {
  'streaming-median-two-heaps': {
    at: '002#1',
    anchor: 'returns the median after each insertion',
    rubric: [
      'Uses two heaps: a max-heap for the lower half and a min-heap for the upper half',
      'Pushes each new value onto the appropriate heap, then rebalances so the sizes differ by at most one',
      'Reads the median from the top of the larger heap, or averages both tops when the sizes are equal',
      'Walks through the rebalancing logic and handles even and odd sizes explicitly',
      'Meets the O(log n) bound per insertion',
    ],
    keyTerms: ['Two heaps', 'Max-heap', 'Min-heap', 'Rebalancing', 'heapq', 'O(log n)'],
    commonMistakes: [
      'Needing heavy hints to reach the two-heap solution.',
      "Forgetting that Python's heapq is a min-heap (negate values to use it as a max-heap).",
      'Missing edge cases such as a single element or two elements.',
    ],
  },
  'parse-http-query-string': {
    at: '002#2',
    anchor: 'parses a raw HTTP query string',
    rubric: [
      "Splits on '&', then splits each token on the first '=' only",
      "URL-decodes keys and values with the language's standard library",
      'Stores values as lists so repeated keys keep every value',
      "Handles tokens without '=', empty values and malformed input explicitly",
    ],
    keyTerms: ['Query string', 'URL decoding', 'Repeated keys', 'Empty values', 'Standard library', 'RFC correctness'],
    commonMistakes: [
      'Rolling your own URL decoder instead of using the standard library.',
      "Splitting on every '=' instead of only the first one.",
      'Handling only the happy path and ignoring repeated keys, encoding and malformed input.',
    ],
  },
  'sliding-window-request-counts': {
    at: '002#3',
    anchor: 'more than k requests in any sliding 60-second window',
    rubric: [
      'Groups the log entries by user_id first',
      "Sorts each user's entries by timestamp",
      'Uses a sliding window (two pointers or a deque) to find the highest count in any 60-second span and compares it with k',
      'States the complexity: O(n log n), dominated by the sort',
      'Discusses trade-offs: skip the sort when the data is already time-ordered; process per user in a streaming fashion for very large datasets',
    ],
    keyTerms: ['Sliding window', 'Two pointers', 'Deque', 'Group by user_id', 'O(n log n)', 'Streaming'],
    commonMistakes: [
      'Not grouping by user_id first, which is the necessary first step.',
      'Sliding the window over entries that are not sorted by timestamp.',
    ],
  },
  'distributed-rate-limiter': {
    at: '002#4',
    anchor: 'Design a rate limiter',
    rubric: [
      'Clarifies requirements first: exact vs. approximate limiting, burst tolerance, failure behavior',
      'Presents at least two algorithms (token bucket, sliding window log, sliding window counter) with their trade-offs',
      'Enforces the limit across servers atomically in Redis: Lua scripts or INCR+EXPIRE for fixed windows, a sorted set for sliding windows',
      'Addresses the race condition in a naive increment-then-check, and clock skew',
      'Decides what happens when Redis is down: fail open vs. fail closed',
      'Keeps the scope to one service rather than global infrastructure',
    ],
    keyTerms: [
      'Rate limiter',
      'Token bucket',
      'Sliding window log',
      'Sliding window counter',
      'Redis',
      'Lua script',
      'INCR',
      'EXPIRE',
      'Sorted set',
      'Clock skew',
      'Fail open',
      'Fail closed',
    ],
    commonMistakes: [
      'Knowing only one algorithm and not articulating the trade-offs.',
      'A naive increment-then-check that is not atomic across servers.',
      'Designing only the happy path without saying what breaks in production, such as Redis going down.',
    ],
  },
  'job-queue-exactly-once-processing': {
    at: '002#5',
    anchor: 'simple job queue where producers enqueue tasks',
    rubric: [
      'Defines a jobs table: id, payload, status (pending/claimed/done/failed), claimed_at, retry_count, worker_id',
      'Claims a job atomically with SELECT … FOR UPDATE SKIP LOCKED',
      'Handles crashed workers with a visibility timeout: a background sweeper reclaims jobs whose claimed_at is stale',
      'Explains that exactly-once delivery is hard: at-least-once delivery with idempotent processing is the realistic contract',
      'Mentions why a dedicated queue (SQS, RabbitMQ) is better at scale',
    ],
    keyTerms: [
      'FOR UPDATE SKIP LOCKED',
      'PostgreSQL',
      'Visibility timeout',
      'Exactly-once',
      'At-least-once delivery',
      'Idempotency',
      'SQS',
      'RabbitMQ',
    ],
    commonMistakes: [
      'Promising exactly-once delivery without explaining why it is hard.',
      'Reasoning only about the sunny-day flow and ignoring failure modes such as a crashed worker.',
    ],
  },
  'slow-postgres-query-diagnosis': {
    at: '002#6',
    anchor: 'Postgres table with 50 million rows',
    rubric: [
      'Starts with EXPLAIN ANALYZE to confirm a sequential scan and see where the time goes',
      "Checks whether an index would be selective enough (low-cardinality columns such as boolean flags don't benefit)",
      'Adds a B-tree index for a high-cardinality column, or a partial index when only a subset is queried',
      'Checks for table bloat and vacuuming, and confirms the statistics are fresh',
      'For complex queries, checks the join order and considers composite indexes',
      'Builds the index on the live table with CREATE INDEX CONCURRENTLY to avoid locking',
    ],
    keyTerms: [
      'EXPLAIN ANALYZE',
      'Sequential scan',
      'Index selectivity',
      'B-tree index',
      'Partial index',
      'Composite index',
      'Table bloat',
      'VACUUM',
      'CREATE INDEX CONCURRENTLY',
    ],
    commonMistakes: [
      "Jumping to 'add an index' without running EXPLAIN ANALYZE first.",
      'Indexing a low-cardinality column, such as a boolean flag, that an index does not help.',
      'Creating the index on a live table without CONCURRENTLY, which locks it.',
    ],
  },
  'optimistic-vs-pessimistic-locking': {
    at: '002#7',
    anchor: 'optimistic and pessimistic locking',
    rubric: [
      'Pessimistic locking: locks the row on read (SELECT FOR UPDATE) and blocks other writers until the transaction commits; suits high-contention writes',
      'Names the pessimistic failure modes: deadlocks, lock timeouts, reduced throughput',
      'Optimistic locking: no lock on read; the write checks that a version or timestamp column is unchanged (UPDATE … WHERE version = old version, then checks the rows affected); suits low contention',
      'Names the optimistic failure modes: a high retry rate under contention, stale reads between check and update, and the need for application-level retries',
      'Uses contention as the selection criterion, with a concrete example such as bank transfers (pessimistic) vs. profile updates (optimistic)',
    ],
    keyTerms: [
      'Optimistic locking',
      'Pessimistic locking',
      'SELECT FOR UPDATE',
      'Version column',
      'Contention',
      'Deadlock',
      'Lock timeout',
      'Retry logic',
    ],
    commonMistakes: [
      'Giving definitions without concrete trade-offs.',
      'Forgetting that optimistic locking needs application-level retry logic.',
    ],
  },
  'async-rest-api-slow-creation': {
    at: '002#8',
    anchor: 'creation is slow (10–30 seconds)',
    rubric: [
      'POST returns 202 Accepted immediately with a job id and a Location header pointing to GET /jobs/{id}',
      'The status endpoint reports pending/complete/failed and, when done, the result or a redirect to the created resource',
      'Discusses webhook callbacks as an alternative to polling',
      'Makes the POST idempotent with a client-supplied idempotency key so retries do not submit twice',
      'Covers how long job state is retained and authentication on the status endpoint',
    ],
    keyTerms: ['202 Accepted', 'Location header', 'Polling', 'Webhook', 'Idempotency key', 'Job status endpoint'],
    commonMistakes: [
      "Designing only the initial response and ignoring the client's retry behavior and resource cleanup.",
    ],
  },
  'deployment-error-rate-spike': {
    at: '002#9',
    anchor: 'causing a 5% error rate spike',
    rubric: [
      'Assesses impact first: whether the error rate is growing or stable, and which error types and endpoints are affected (logs and traces)',
      'Rolls back first and investigates second when it is clearly a regression with high business impact',
      'Disables the new code path with a feature flag when impact is low or a rollback is risky',
      'Finds the root cause in logs and traces once the system is stable',
      'Writes a postmortem (timeline, impact, detection time, what would have caught it in staging) and notes alerting gaps',
    ],
    keyTerms: ['Rollback', 'Fix-forward', 'Feature flag', 'Error rate', 'Logs and traces', 'Postmortem', 'Alerting'],
    commonMistakes: [
      'Deep debugging before assessing the impact.',
      'Not knowing the difference between investigating and firefighting.',
    ],
  },
  'disagreeing-with-senior-engineer': {
    at: '002#10',
    anchor: 'disagreed with a technical decision',
    rubric: [
      'Uses the STAR format and names the specific technology or design decision',
      'Explains why they disagreed with technical reasoning, not just preference',
      'Describes how they raised the concern (a written RFC comment, a design review, a 1:1)',
      'States the outcome and shows they committed once the decision was made, even if overruled',
    ],
    keyTerms: ['STAR', 'Constructive disagreement', 'Technical reasoning', 'RFC', 'Design review'],
    commonMistakes: [
      'Making the senior engineer look incompetent.',
      'Coming across as someone who just complied without engaging.',
      'Disagreeing out of preference rather than with technical reasoning.',
      'Going rogue instead of pushing back with data.',
    ],
  },
  'mistake-that-was-your-fault': {
    at: '002#11',
    anchor: 'something went wrong that was your fault',
    rubric: [
      'Picks a real, non-trivial mistake',
      'Describes the mistake and how it was discovered',
      'States the actual impact (downtime, a data issue, a missed deadline) and how they fixed it',
      'Explains what they changed in their process or thinking afterward (a new test type, a changed deployment process)',
      'Owns it cleanly, without over-explaining why the situation was hard',
    ],
    keyTerms: ['Accountability', 'Self-awareness', 'Impact', 'Process change', 'Deployment process'],
    commonMistakes: [
      "Picking a trivial mistake ('I had a typo').",
      'Not being able to name a real mistake, or over-qualifying everything.',
      'Over-explaining why the situation was hard instead of owning it.',
    ],
  },
  'backend-language-concurrency-model': {
    at: '002#12',
    anchor: 'primary backend language handles concurrency',
    // The source walks through Go, Python and Java; a candidate answers for one stack, so the rubric is stack-neutral.
    rubric: [
      "Explains how their language schedules concurrent work (e.g., Go's M:N goroutine scheduler, Python's single-threaded asyncio event loop, Java thread pools on the JVM)",
      'Explains how concurrent tasks communicate or share state (channels, awaited coroutines, mutexes or synchronized)',
      'Names the main gotchas of that stack (goroutine leaks and data races; blocking the event loop or un-awaited coroutines; deadlocks and thread starvation)',
      "Names a concrete bug they have hit or would watch for, and how they would catch it (e.g., Go's -race flag)",
    ],
    keyTerms: [
      'Goroutines',
      'Channels',
      'async/await',
      'asyncio',
      'Event loop',
      'Thread pool',
      'Data race',
      'Goroutine leak',
      'Deadlock',
      'Mutex',
    ],
    commonMistakes: [
      "Staying at 'it's fast' without explaining the concurrency model.",
      'Blocking the event loop with CPU-bound work or synchronous I/O.',
      'Leaking goroutines on channels that never close.',
    ],
  },
};
