import type { Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { RubricEngine } from '../rubric/rubric-engine';
import { ASSESSMENT_SCHEMA_NAME } from './assessment-schema';
import { LlmEngine } from './llm-engine';
import { startFakeOpenAiServer, type FakeOpenAiServer } from './testing/fake-openai-server';

const bank = QuestionBank.load();
const question = bank.get('distributed-rate-limiter') as Question;
const transcript =
  'first i would clarify whether we need exact limits or whether approximate is fine and how much burst we tolerate. ' +
  'then i would compare a token bucket with a sliding window counter: the bucket allows bursts, the window is smoother. ' +
  'to enforce it across servers i would keep the counter in redis and do the check and increment in a lua script so it is atomic. ' +
  'if redis is down i would fail open for reads but fail closed for login.';

function goodResponse(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    scores: { relevance: 9, depth: 7.5, clarity: 8, correctness: 8.2 },
    reasons: {
      relevance: 'It designs the rate limiter asked for: “compare a token bucket with a sliding window counter”.',
      depth: 'Two algorithms and Redis atomicity: “do the check and increment in a lua script”.',
      clarity: 'Ordered steps: “first i would clarify”.',
      correctness: 'Correct on atomicity and failure modes: “fail open for reads but fail closed for login”.',
    },
    rubric: question.rubric.map((p, i) => ({
      pointId: p.id,
      covered: i < 3 || i === 4,
      quote:
        i === 0
          ? 'i would clarify whether we need exact limits'
          : i === 1
            ? 'compare a token bucket with a sliding window counter'
            : i === 2
              ? 'do the check and increment in a lua script'
              : i === 4
                ? 'If Redis is down, I would fail open'
                : null,
    })),
    mistakes: [],
    feedback: 'Clear structure and the right Redis atomicity. Add how you handle clock skew between servers.',
    followUp: { text: 'How would you handle clock skew between servers?', targetPointId: question.rubric[3].id },
    ...overrides,
  };
}

describe('LlmEngine against an OpenAI-compatible server', () => {
  let server: FakeOpenAiServer;
  const rubric = new RubricEngine();

  beforeAll(async () => {
    server = await startFakeOpenAiServer();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  function engine(options: { timeoutMs?: number; maxRetries?: number; model?: string } = {}) {
    return new LlmEngine({
      apiKey: 'sk-test-123',
      baseURL: server.baseURL,
      maxRetries: 0,
      fallback: rubric,
      ...options,
    });
  }

  it('sends the model, temperature 0, a strict json_schema, the rubric, the sample answer and the transcript, with the key', async () => {
    server.reply = () => ({ kind: 'json', value: goodResponse() });
    const result = await engine({ model: 'my-model' }).assess({ question, transcript, level: 'mid' });
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0];
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v1/chat/completions');
    expect(req.headers['authorization']).toBe('Bearer sk-test-123');
    expect(req.body['model']).toBe('my-model');
    expect(req.body['temperature']).toBe(0);
    const format = req.body['response_format'] as {
      type: string;
      json_schema: { name: string; strict: boolean; schema: Record<string, unknown> };
    };
    expect(format.type).toBe('json_schema');
    expect(format.json_schema.name).toBe(ASSESSMENT_SCHEMA_NAME);
    expect(format.json_schema.strict).toBe(true);
    expect(format.json_schema.schema['required']).toEqual(
      expect.arrayContaining(['scores', 'reasons', 'rubric', 'mistakes', 'feedback', 'followUp']),
    );
    const messages = req.body['messages'] as { role: string; content: string }[];
    const user = messages.find((m) => m.role === 'user')?.content ?? '';
    for (const p of question.rubric) expect(user).toContain(`${p.id}: ${p.text}`);
    expect(user).toContain(transcript);
    expect(user).toContain((question.answerFramework ?? '').slice(0, 60));
    expect(user).toContain('level: mid');
    expect(result.engine).toEqual({ name: 'llm', kind: 'llm', model: 'my-model' });
  });

  it('uses a good response: scores, verified quotes with real offsets, overall computed locally, analytics local', async () => {
    server.reply = () => ({ kind: 'json', value: goodResponse() });
    const segments = [
      { text: transcript.slice(0, 120), startMs: 0, endMs: 20_000 },
      { text: transcript.slice(120), startMs: 23_000, endMs: 60_000 },
    ];
    const a = await engine().assess({ question, transcript, segments });
    expect(a.engine.fallbackFrom).toBeUndefined();
    expect(a.scores).toEqual({ relevance: 9, depth: 7.5, clarity: 8, correctness: 8.2, overall: 8.1 });
    const covered = a.rubric.filter((r) => r.covered);
    expect(covered.map((r) => r.pointId)).toEqual([
      question.rubric[0].id,
      question.rubric[1].id,
      question.rubric[2].id,
      question.rubric[4].id,
    ]);
    for (const r of covered) {
      expect(r.evidence).not.toBeNull();
      expect(transcript.slice(r.evidence?.start, r.evidence?.end)).toBe(r.evidence?.quote);
    }
    // "If Redis is down, I would fail open" differs in case and punctuation: found anyway, quoted as spoken.
    expect(a.rubric[4].evidence?.quote).toBe('if redis is down i would fail open');
    expect(a.followUp).toEqual({
      text: 'How would you handle clock skew between servers?',
      source: 'generated',
      targetPointId: question.rubric[3].id,
    });
    expect(a.analytics?.longPauses).toEqual([{ startMs: 20_000, durationMs: 3_000 }]);
    expect(a.keyTermsUsed).toEqual(expect.arrayContaining(['Token bucket', 'Redis', 'Lua script']));
  });

  it('drops invented quotes and does not count a point as covered without one', async () => {
    const response = goodResponse();
    (response['rubric'] as { pointId: string; covered: boolean; quote: string | null }[])[1].quote =
      'we would use a leaky bucket in memcached';
    server.reply = () => ({ kind: 'json', value: response });
    const a = await engine().assess({ question, transcript });
    expect(a.rubric[1].covered).toBe(false);
    expect(a.rubric[1].evidence).toBeNull();
    expect(a.engine.name).toBe('llm');
  });

  it('never repeats a follow-up already asked: it chooses one offline instead', async () => {
    server.reply = () => ({ kind: 'json', value: goodResponse() });
    const asked = ['How would you handle clock skew between servers?'];
    const a = await engine().assess({ question, transcript, followUpsAsked: asked });
    expect(a.followUp?.text).not.toBe(asked[0]);
  });

  const failures: [string, () => ReturnType<FakeOpenAiServer['reply']>, RegExp][] = [
    [
      'malformed JSON content',
      () => ({ kind: 'content', content: '{"scores": {"relevance": 9, ' }),
      /^malformed JSON from the model$/,
    ],
    [
      'a schema violation (score out of range)',
      () => ({
        kind: 'json',
        value: goodResponse({ scores: { relevance: 12, depth: 7, clarity: 8, correctness: 8 } }),
      }),
      /^schema violation: scores\.relevance/,
    ],
    [
      'a schema violation (unknown rubric point)',
      () => ({ kind: 'json', value: goodResponse({ rubric: [{ pointId: 'made-up#1', covered: true, quote: null }] }) }),
      /^schema violation: unknown rubric point/,
    ],
    [
      'a 429 with Retry-After',
      () => ({
        kind: 'status',
        status: 429,
        headers: { 'retry-after': '7' },
        body: { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } },
      }),
      /^rate limited \(429\), retry after 7 s$/,
    ],
    ['a 500', () => ({ kind: 'status', status: 500 }), /^server error \(500\)$/],
    ['an empty completion', () => ({ kind: 'content', content: '' }), /^empty response from the model$/],
  ];

  it.each(failures)('falls back to the rubric engine on %s and says why', async (_name, reply, reason) => {
    server.reply = reply;
    const a = await engine().assess({ question, transcript });
    expect(a.engine.name).toBe('rubric');
    expect(a.engine.kind).toBe('rubric');
    expect(a.engine.fallbackFrom).toBe('llm');
    expect(a.engine.fallbackReason).toMatch(reason);
    // The scores are the rubric engine's own, not made up.
    const offline = await rubric.assess({ question, transcript });
    expect(a.scores).toEqual(offline.scores);
    expect(a.rubric).toEqual(offline.rubric);
  });

  it('falls back with "timeout after N ms" when the server hangs past the timeout', async () => {
    server.reply = () => ({ kind: 'hang' });
    const started = Date.now();
    const a = await engine({ timeoutMs: 300 }).assess({ question, transcript });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(a.engine.fallbackFrom).toBe('llm');
    expect(a.engine.fallbackReason).toBe('timeout after 300 ms');
  });

  it('keeps retries within the deadline: one retry on a 503, then falls back', async () => {
    server.reply = () => ({ kind: 'status', status: 503, headers: { 'retry-after-ms': '10' } });
    const a = await engine({ maxRetries: 1 }).assess({ question, transcript });
    expect(server.requests).toHaveLength(2);
    expect(a.engine.fallbackReason).toBe('server error (503)');
  });

  it('does not wait out a Retry-After longer than the deadline: falls back at once as rate limited', async () => {
    server.reply = () => ({ kind: 'status', status: 429, headers: { 'retry-after': '30' } });
    const started = Date.now();
    const a = await engine({ maxRetries: 1, timeoutMs: 2_000 }).assess({ question, transcript });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(server.requests).toHaveLength(1);
    expect(a.engine.fallbackReason).toBe('rate limited (429), retry after 30 s');
  });

  it('succeeds on the retry after a 429 when the server recovers', async () => {
    server.reply = (_req, i) =>
      i === 0
        ? { kind: 'status', status: 429, headers: { 'retry-after-ms': '10' } }
        : { kind: 'json', value: goodResponse() };
    const a = await engine({ maxRetries: 1 }).assess({ question, transcript });
    expect(server.requests).toHaveLength(2);
    expect(a.engine.name).toBe('llm');
  });

  it('falls back on a network error (nothing listening)', async () => {
    const dead = new LlmEngine({ apiKey: 'k', baseURL: 'http://127.0.0.1:9/v1', maxRetries: 0, fallback: rubric });
    const a = await dead.assess({ question, transcript });
    expect(a.engine.fallbackFrom).toBe('llm');
    expect(a.engine.fallbackReason).toMatch(/^network error/);
  });

  it('does not send an empty answer to the model', async () => {
    const a = await engine().assess({ question, transcript: '   ' });
    expect(server.requests).toHaveLength(0);
    expect(a.engine.fallbackReason).toMatch(/empty answer/);
    expect(a.scores.overall).toBe(0);
  });

  it('propagates the caller’s abort instead of falling back', async () => {
    server.reply = () => ({ kind: 'hang' });
    const controller = new AbortController();
    const pending = engine({ timeoutMs: 5_000 }).assess({ question, transcript }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('interview ended')), 50);
    await expect(pending).rejects.toThrow('interview ended');
  });
});
