import type { Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { bankQuestions, keywordStuff, labelledSet, referenceAnswer } from '../eval/eval-scoring';
import type { Assessment } from '../types';
import { OVERALL_WEIGHTS, RubricEngine } from './rubric-engine';

const bank = QuestionBank.load();
const q = (id: string) => bank.get(id) as Question;
const engine = new RubricEngine();
const assess = (
  question: Question,
  transcript: string,
  extra: Partial<Parameters<RubricEngine['assessSync']>[0]> = {},
) => engine.assessSync({ question, transcript, ...extra });

/** ASR-style: lower case, no punctuation. */
const asr = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function expectEvidenceQuotesTranscript(a: Assessment, transcript: string) {
  const spans = [
    ...a.rubric.map((r) => r.evidence),
    ...a.commonMistakes.map((m) => m.evidence),
    ...Object.values(a.star?.evidence ?? {}),
  ].filter((e) => e !== null && e !== undefined);
  for (const e of spans) {
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeGreaterThan(e.start);
    expect(transcript.slice(e.start, e.end)).toBe(e.quote);
  }
  return spans.length;
}

const RATE_LIMITER_SPOKEN =
  'so um first i would ask whether the limit has to be exact or if approximate is okay and how much burst we tolerate ' +
  'then for the algorithm i would compare a token bucket with a sliding window counter the token bucket allows short bursts ' +
  'while the sliding window is smoother but costs more memory the counters live in redis so every server sees the same count ' +
  'and i would do the increment and the check in one lua script so it is atomic otherwise two servers can both read ninety nine ' +
  'and both let the request through if redis goes down i would fail open for normal reads but fail closed for the login endpoint';

describe('RubricEngine: coverage with evidence', () => {
  it('covers the points a sample answer makes and quotes the transcript exactly', () => {
    for (const id of [
      'client-vs-server-logic',
      'database-normalization-tradeoffs',
      'job-queue-exactly-once-processing',
      'feature-shipped-on-your-own',
    ]) {
      const question = q(id);
      const transcript = referenceAnswer(question) as string;
      const a = assess(question, transcript);
      expect(a.questionId).toBe(id);
      expect(a.rubric.map((r) => r.pointId)).toEqual(question.rubric.map((p) => p.id));
      expect(a.rubric.filter((r) => r.covered).length).toBeGreaterThanOrEqual(Math.ceil(question.rubric.length * 0.6));
      for (const r of a.rubric.filter((x) => x.covered)) expect(r.evidence).not.toBeNull();
      expect(expectEvidenceQuotesTranscript(a, transcript)).toBeGreaterThan(0);
    }
  });

  it('works on ASR text: lower case, no punctuation, spoken numbers, fillers', () => {
    const question = q('distributed-rate-limiter');
    const a = assess(question, RATE_LIMITER_SPOKEN);
    const covered = a.rubric.filter((r) => r.covered).map((r) => r.pointId);
    expect(covered).toEqual(
      expect.arrayContaining([
        'distributed-rate-limiter#1',
        'distributed-rate-limiter#2',
        'distributed-rate-limiter#3',
        'distributed-rate-limiter#5',
      ]),
    );
    expect(a.scores.overall).toBeGreaterThanOrEqual(6);
    expect(a.keyTermsUsed).toEqual(
      expect.arrayContaining([
        'Token bucket',
        'Sliding window counter',
        'Redis',
        'Lua script',
        'Fail open',
        'Fail closed',
      ]),
    );
    expectEvidenceQuotesTranscript(a, RATE_LIMITER_SPOKEN);
  });

  it('understands aliases and common misrecognitions (sequel, post gres, idempotency key, throttling)', () => {
    const question = q('slow-postgres-query-diagnosis');
    const t =
      'first i would run explain analyze on the sequel query in post gres to confirm it is a sequential scan and see where the time goes';
    const a = assess(question, t);
    expect(a.rubric[0].covered).toBe(true);
    expect(a.rubric[0].evidence?.quote).toMatch(/explain analyze/);
  });

  it('scores typed and ASR versions of the sample answers alike', () => {
    for (const question of bankQuestions().slice(0, 20)) {
      const typed = referenceAnswer(question) as string;
      const a = assess(question, typed);
      const b = assess(question, asr(typed));
      expect(Math.abs(a.scores.overall - b.scores.overall)).toBeLessThanOrEqual(1);
    }
  });

  it('is deterministic: the same input twice, or on a fresh engine, gives a deep-equal result', () => {
    const question = q('distributed-rate-limiter');
    const segments = [{ text: RATE_LIMITER_SPOKEN, startMs: 0, endMs: 60_000 }];
    const first = assess(question, RATE_LIMITER_SPOKEN, { segments, level: 'senior' });
    expect(assess(question, RATE_LIMITER_SPOKEN, { segments, level: 'senior' })).toEqual(first);
    expect(
      new RubricEngine().assessSync({ question, transcript: RATE_LIMITER_SPOKEN, segments, level: 'senior' }),
    ).toEqual(first);
  });

  it('scores with one decimal in 0–10 and overall as the documented weighted mean', () => {
    const a = assess(q('distributed-rate-limiter'), RATE_LIMITER_SPOKEN);
    for (const v of Object.values(a.scores)) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(10);
      expect(Math.round(v * 10) / 10).toBe(v);
    }
    const { relevance, depth, clarity, correctness } = a.scores;
    const mean =
      OVERALL_WEIGHTS.relevance * relevance +
      OVERALL_WEIGHTS.depth * depth +
      OVERALL_WEIGHTS.clarity * clarity +
      OVERALL_WEIGHTS.correctness * correctness;
    expect(a.scores.overall).toBeCloseTo(Math.round(mean * 10) / 10, 5);
    expect(a.engine).toEqual({ name: 'rubric', kind: 'rubric' });
    for (const reason of Object.values(a.reasons)) expect(reason).toMatch(/\.$/);
  });
});

describe('RubricEngine: calibration and the cases it must not be fooled by', () => {
  it('scores the seeds’ sample answers roughly 7–9', () => {
    const scores = bankQuestions()
      .filter((x) => x.sampleAnswer)
      .map((x) => assess(x, x.sampleAnswer as string).scores.overall)
      .sort((a, b) => a - b);
    const median = scores[Math.floor(scores.length / 2)];
    expect(median).toBeGreaterThanOrEqual(7);
    expect(median).toBeLessThanOrEqual(9.2);
    expect(scores.filter((s) => s >= 6.5).length / scores.length).toBeGreaterThanOrEqual(0.85);
  });

  it('a keyword-stuffed answer (every key term, no sentences) scores well below the real answer on every score', () => {
    for (const id of [
      'distributed-rate-limiter',
      'client-vs-server-logic',
      'strangler-fig-monolith-migration',
      'cap-theorem-distributed-systems',
    ]) {
      const question = q(id);
      const real = assess(question, referenceAnswer(question) as string);
      const stuffed = assess(question, keywordStuff(question));
      expect(stuffed.keyTermsUsed.length).toBeGreaterThanOrEqual(question.keyTerms.length - 1);
      for (const k of ['relevance', 'depth', 'clarity', 'correctness', 'overall'] as const)
        expect(stuffed.scores[k]).toBeLessThan(real.scores[k]);
      expect(real.scores.overall - stuffed.scores.overall).toBeGreaterThanOrEqual(3);
      expect(stuffed.scores.clarity).toBeLessThanOrEqual(2);
      expect(stuffed.feedback).toMatch(/list rather than an explanation/);
    }
  });

  it('a comma-separated list of the right terms is still not an explanation', () => {
    const question = q('distributed-rate-limiter');
    const list =
      'Token bucket, sliding window log, sliding window counter, Redis, Lua script, INCR, EXPIRE, sorted set, clock skew, fail open, fail closed, race condition, burst tolerance.';
    const a = assess(question, list);
    expect(a.scores.depth).toBeLessThan(4);
    expect(a.scores.clarity).toBeLessThan(2);
    expect(a.scores.overall).toBeLessThan(assess(question, RATE_LIMITER_SPOKEN).scores.overall - 2);
  });

  it('an answer to a different question scores 3 or less on relevance (every question in the bank)', () => {
    const questions = bankQuestions();
    for (const item of labelledSet(questions).filter((i) => i.kind === 'off-topic')) {
      const a = assess(q(item.questionId), item.transcript);
      expect({ id: item.questionId, relevance: a.scores.relevance <= 3 }).toEqual({
        id: item.questionId,
        relevance: true,
      });
      expect(a.scores.overall).toBeLessThan(6);
    }
  });

  it('a one-point truncation scores clearly lower than the full answer', () => {
    const question = q('api-versioning-strategy');
    const full = assess(question, question.sampleAnswer as string);
    const one = assess(question, (question.sampleAnswer as string).split('. ').slice(0, 1).join('. '));
    expect(full.scores.overall - one.scores.overall).toBeGreaterThanOrEqual(2);
    expect(one.scores.depth).toBeLessThan(full.scores.depth);
  });

  it('an empty or "I don’t know" answer scores near 0', () => {
    const question = q('cap-theorem-distributed-systems');
    const empty = assess(question, '');
    expect(empty.scores).toEqual({ relevance: 0, depth: 0, clarity: 0, correctness: 0, overall: 0 });
    expect(empty.rubric.every((r) => !r.covered && r.evidence === null)).toBe(true);
    expect(empty.feedback).toMatch(/No answer was recorded/);
    for (const t of ["I don't know.", 'um uh i dont know', 'sorry no idea', 'i am not sure']) {
      const a = assess(question, t);
      expect(a.scores.overall).toBeLessThanOrEqual(0.5);
      expect(a.scores.correctness).toBe(0);
    }
  });

  it('does not reward a point the answer contradicts, and says so', () => {
    const question = q('strangler-fig-monolith-migration');
    const t =
      'i would use the strangler fig pattern with an api gateway in front of the monolith and move one bounded context at a time ' +
      'and honestly we do not need idempotency here because every request only runs once so retries are not a concern';
    const a = assess(question, t);
    const idempotency = a.rubric.find((r) => r.text === 'Idempotency');
    expect(idempotency?.covered).toBe(false);
    const contradiction = a.commonMistakes.find((m) => m.text.startsWith('Says the opposite of a key point'));
    expect(contradiction?.evidence?.quote).toMatch(/do not need idempotency/);
    expect(a.rubric[0].covered).toBe(true);
  });

  it('detects a common mistake the answer makes, quoting it, and not one it warns against', () => {
    const question = q('strangler-fig-monolith-migration');
    const making = assess(
      question,
      'my plan is to attempt to extract all of the functionality at once in a single release so we move everything to microservices over one weekend',
    );
    const mistake = making.commonMistakes.find((m) => m.text.startsWith('Attempting to extract too much'));
    expect(mistake?.evidence?.quote).toMatch(/extract all of the functionality at once/);
    const warning = assess(
      question,
      'the main thing to avoid is trying to extract all of the functionality at once in one big bang release, so i would go one bounded context at a time',
    );
    expect(warning.commonMistakes.find((m) => m.text.startsWith('Attempting to extract too much'))).toBeUndefined();
    expect(mistake && making.scores.correctness).toBeLessThan(warning.scores.correctness);
  });

  it('judges relevance against any question, including one that is not in the bank', () => {
    const custom: Question = {
      ...q('distributed-rate-limiter'),
      id: 'custom-websocket-scaling',
      text: 'How would you scale a WebSocket chat service to a million concurrent connections?',
      rubric: [
        {
          id: 'custom-websocket-scaling#1',
          text: 'Sticky sessions or a connection gateway in front of many socket servers',
        },
        {
          id: 'custom-websocket-scaling#2',
          text: 'A pub/sub backbone (Redis, Kafka) so messages reach users on other servers',
        },
      ],
      keyTerms: ['WebSocket', 'Pub/sub', 'Sticky sessions'],
      commonMistakes: [],
      followUps: [],
      sampleAnswer: null,
      answerFramework:
        'Put a gateway with sticky sessions in front of many socket servers and fan out through a pub/sub backbone.',
    };
    const a = assess(
      custom,
      'i would put a load balancer with sticky sessions in front of many websocket servers and use redis pub sub so a message published on one server reaches users connected to the others',
    );
    expect(a.rubric.every((r) => r.covered)).toBe(true);
    expect(a.scores.relevance).toBeGreaterThanOrEqual(7);
    expect(a.followUp).toBeNull();
  });
});

describe('RubricEngine: STAR for behavioral questions', () => {
  it('finds situation, task, action, result and lesson in a behavioral sample answer, with evidence', () => {
    const question = q('feature-shipped-on-your-own');
    const a = assess(question, question.sampleAnswer as string);
    expect(a.star).toMatchObject({ situation: true, task: true, action: true, result: true, lesson: true });
    expect(a.star?.evidence.situation?.quote).toMatch(/^At my previous job/);
    expect(a.star?.evidence.lesson?.quote).toMatch(/^I learned/);
    expectEvidenceQuotesTranscript(a, question.sampleAnswer as string);
  });

  it('finds them in ASR text too', () => {
    const question = q('feature-shipped-on-your-own');
    const a = assess(question, asr(question.sampleAnswer as string));
    expect(a.star).toMatchObject({ situation: true, task: true, action: true, result: true, lesson: true });
  });

  it('finds no story in a textbook explanation given to a behavioral question', () => {
    const a = assess(q('feature-shipped-on-your-own'), q('cap-theorem-distributed-systems').sampleAnswer as string);
    expect(a.star).toMatchObject({ situation: false, task: false, action: false, result: false, lesson: false });
  });

  it('spots the missing parts of a partial story and asks about one', () => {
    const t =
      'at my last company we had a slow checkout page and i was responsible for fixing it. i profiled the api and added a cache in front of the pricing service.';
    const a = assess(q('feature-shipped-on-your-own'), t);
    expect(a.star).toMatchObject({ situation: true, task: true, action: true, result: false, lesson: false });
    expect(a.followUp?.text).toMatch(/outcome|learn/i);
  });

  it('is null for non-behavioral questions', () => {
    expect(
      assess(q('cap-theorem-distributed-systems'), 'consistency availability partition tolerance').star,
    ).toBeNull();
  });
});

describe('RubricEngine: feedback and follow-up', () => {
  const clientServer = q('client-vs-server-logic');
  const partial =
    'security comes first so anything sensitive like payments or permission checks has to stay on the server where the user cannot tamper with it. ' +
    'heavy computation like image processing should also run on the server while the ui updates stay on the client. ' +
    'and i always validate on the server even if the client validates too, and use optimistic updates on the client for a snappy experience.';

  it('prefers the seed follow-up when it fits, and never repeats one already asked', () => {
    const a = assess(clientServer, partial);
    expect(a.followUp).toEqual({
      text: 'How do you handle state that needs to be synced?',
      source: 'seed',
      targetPointId: null,
    });
    const b = assess(clientServer, partial, { followUpsAsked: ['How do you handle state that needs to be synced?'] });
    expect(b.followUp?.source).toBe('generated');
    expect(b.followUp?.text).not.toBe('How do you handle state that needs to be synced?');
    const c = assess(clientServer, partial, {
      followUpsAsked: ['How do you handle state that needs to be synced?', b.followUp?.text as string],
    });
    expect(c.followUp?.text).not.toBe(b.followUp?.text);
  });

  it('aims a generated follow-up at a missed point, pitched to the level', () => {
    const question = q('distributed-rate-limiter');
    const t =
      'i would keep a counter per user in redis and do the increment and check in a lua script so it is atomic across servers';
    const mid = assess(question, t, { level: 'mid' });
    const senior = assess(question, t, { level: 'senior' });
    expect(mid.followUp?.source).toBe('generated');
    expect(mid.followUp?.targetPointId).toMatch(/^distributed-rate-limiter#/);
    expect(mid.rubric.find((r) => r.pointId === mid.followUp?.targetPointId)?.covered).toBe(false);
    expect(mid.followUp?.text).toMatch(/concretely/i);
    expect(senior.followUp?.text).toMatch(/trade-offs or failure modes/);
    expect(mid.followUp?.text).toMatch(/\?/);
  });

  it('asks nothing when nothing meaningful is missing', () => {
    const question = q('feature-shipped-on-your-own');
    expect(assess(question, question.sampleAnswer as string).followUp).toBeNull();
  });

  it('gives 2–3 specific sentences: a strength with a quote and the most valuable gap', () => {
    const a = assess(clientServer, partial);
    const sentences = a.feedback.split(/(?<=[.!?])\s+(?=[A-Z])/);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(3);
    expect(a.feedback).toMatch(/“[^”]+”/);
    const missed = a.rubric.filter((r) => !r.covered).map((r) => r.text.split(':')[0].toLowerCase());
    expect(missed.some((m) => a.feedback.toLowerCase().includes(m))).toBe(true);
  });

  it('mentions fillers only when they are notable', () => {
    const question = q('distributed-rate-limiter');
    const padded = RATE_LIMITER_SPOKEN.split(' ')
      .flatMap((w, i) => (i % 4 === 3 ? [w, i % 8 === 3 ? 'um' : 'uh'] : [w]))
      .join(' ');
    const segments = [{ text: padded, startMs: 0, endMs: 80_000 }];
    const a = assess(question, padded, { segments });
    expect(a.feedback).toMatch(/filler/);
    expect(a.scores.clarity).toBeLessThan(assess(question, RATE_LIMITER_SPOKEN).scores.clarity);
    const calm = assess(question, RATE_LIMITER_SPOKEN, {
      segments: [{ text: RATE_LIMITER_SPOKEN, startMs: 0, endMs: 60_000 }],
    });
    expect(calm.feedback).not.toMatch(/filler/);
  });

  it('tells an off-topic answer which question it seems to answer', () => {
    const a = assess(q('api-versioning-strategy'), q('cap-theorem-distributed-systems').sampleAnswer as string);
    expect(a.feedback).toMatch(/doesn't address the question/);
    expect(a.reasons.relevance).toMatch(/another question/);
  });
});

describe('one statement makes one point', () => {
  const cap = QuestionBank.load().get('cap-theorem-distributed-systems') as Question;
  const engine = new RubricEngine();
  const judge = (transcript: string, id: string) =>
    engine.assessSync({ question: cap, transcript, level: 'mid' }).rubric.find((r) => r.pointId === id)!;
  const theorem =
    'The CAP theorem says a distributed system can only provide two out of three guarantees: consistency, availability and partition tolerance.';

  it('does not credit a second point for the words that met a stronger one', () => {
    expect(judge(theorem, 'cap-theorem-distributed-systems#1').covered).toBe(true);
    // "partition tolerance" named in the statement of the theorem is not partition tolerance defined.
    const named = judge(theorem, 'cap-theorem-distributed-systems#4');
    expect(named.covered).toBe(false);
    expect(named.confidence).toBeLessThan(0.35);
  });

  it('credits the second point where words of its own make it', () => {
    const defined = `${theorem} Partition tolerance means the system keeps operating despite a network partition between nodes.`;
    expect(judge(defined, 'cap-theorem-distributed-systems#4').covered).toBe(true);
  });
});
