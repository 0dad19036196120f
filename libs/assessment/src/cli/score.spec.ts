import { startFakeOpenAiServer, type FakeOpenAiServer } from '../llm/testing/fake-openai-server';
import { main, type ScoreIo } from './score';

const ANSWER =
  'i would keep a counter per user in redis and do the increment and the check in a lua script so it is atomic across servers. ' +
  'i would compare a token bucket with a sliding window counter and if redis is down fail open for reads.';

function io(files: Record<string, string>, env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const value: ScoreIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (path) =>
      path in files
        ? Promise.resolve(files[path])
        : Promise.reject(Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })),
    env,
  };
  return { value, out: () => out.join(''), err: () => err.join('') };
}

describe('score CLI', () => {
  it('matches a reworded question to the bank and prints a readable assessment', async () => {
    const t = io({ 'a.txt': ANSWER });
    const code = await main(
      [
        '--question',
        'How would you design a rate limiter for an API that runs on many servers?',
        '--answer-file',
        'a.txt',
      ],
      t.value,
    );
    expect(code).toBe(0);
    expect(t.out()).toMatch(/matched the bank question/);
    expect(t.out()).toMatch(/\[distributed-rate-limiter\]/);
    expect(t.out()).toMatch(/Overall \d+\.\d/);
    expect(t.out()).toMatch(/Feedback: /);
  });

  it('prints the full assessment as JSON with --json, by question id', async () => {
    const t = io({ 'a.txt': ANSWER });
    expect(
      await main(
        ['--question', 'distributed-rate-limiter', '--answer-file', 'a.txt', '--json', '--level', 'senior'],
        t.value,
      ),
    ).toBe(0);
    const a = JSON.parse(t.out()) as {
      questionId: string;
      scores: Record<string, number>;
      engine: { name: string };
      rubric: { evidence: { quote: string; start: number; end: number } | null }[];
    };
    expect(a.questionId).toBe('distributed-rate-limiter');
    expect(a.engine.name).toBe('rubric');
    expect(Object.keys(a.scores)).toEqual(['relevance', 'depth', 'clarity', 'correctness', 'overall']);
    for (const r of a.rubric)
      if (r.evidence) expect(ANSWER.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.quote);
  });

  it('exits 2 with the closest matches for an unknown question', async () => {
    const t = io({ 'a.txt': ANSWER });
    expect(
      await main(
        [
          '--question',
          'Tell me about your favourite rate limiting redis pattern for bananas',
          '--answer-file',
          'a.txt',
        ],
        t.value,
      ),
    ).toBe(2);
    expect(t.err()).toMatch(/no bank question matches/);
    expect(t.err()).toMatch(/Closest questions:\n {2}[a-z0-9-]+: /);
  });

  it('explains an unreadable answer file and usage errors', async () => {
    const missing = io({});
    expect(await main(['--question', 'distributed-rate-limiter', '--answer-file', 'nope.txt'], missing.value)).toBe(1);
    expect(missing.err()).toMatch(/cannot read the answer file nope\.txt: ENOENT/);
    const usage = io({});
    expect(await main(['--question', 'distributed-rate-limiter'], usage.value)).toBe(2);
    expect(usage.err()).toMatch(/Usage:/);
    expect(await main(['--frobnicate'], io({}).value)).toBe(2);
    expect(await main(['--question', 'x', '--answer-file', 'a', '--level', 'junior'], io({}).value)).toBe(2);
    const badEnv = io({ 'a.txt': ANSWER }, { ASSESSMENT_ENGINE: 'llm' });
    expect(await main(['--question', 'distributed-rate-limiter', '--answer-file', 'a.txt'], badEnv.value)).toBe(2);
    expect(badEnv.err()).toMatch(/OPENAI_API_KEY/);
  });

  it('scores a JSONL batch, one result per line, with an error object for a malformed line', async () => {
    const batch = [
      JSON.stringify({
        id: 'a1',
        question: 'Design a rate limiter for a REST API with multiple backend servers',
        answer: ANSWER,
      }),
      '{"question": "oops", ',
      JSON.stringify({
        question: 'cap-theorem-distributed-systems',
        answer: 'consistency availability partition tolerance',
      }),
      '',
      JSON.stringify({ id: 7, question: 'what is the airspeed of an unladen swallow', answer: 'african or european' }),
      JSON.stringify({ id: 'no-answer', question: 'cap-theorem-distributed-systems' }),
    ].join('\n');
    const t = io({ 'in.jsonl': batch });
    expect(await main(['--batch', 'in.jsonl'], t.value)).toBe(0);
    const lines = t
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ id: 'a1', questionId: 'distributed-rate-limiter', engine: 'rubric' });
    for (const k of ['relevance', 'depth', 'clarity', 'correctness', 'overall'])
      expect(typeof lines[0][k]).toBe('number');
    expect(lines[1]).toEqual({ line: 2, error: 'malformed JSON' });
    expect(lines[2]).toMatchObject({ questionId: 'cap-theorem-distributed-systems' });
    expect(lines[2]['clarity'] as number).toBeLessThan(2);
    expect(lines[3]).toMatchObject({ line: 5, id: '7', error: expect.stringMatching(/no bank question matches/) });
    expect(lines[4]).toMatchObject({ line: 6, id: 'no-answer', error: '"answer" must be a string' });
    expect(t.err()).toMatch(/2 assessed, 3 failed/);
  });

  describe('with an LLM configured through the environment', () => {
    let server: FakeOpenAiServer;
    beforeAll(async () => {
      server = await startFakeOpenAiServer(() => ({ kind: 'status', status: 500, headers: { 'retry-after-ms': '1' } }));
    });
    afterAll(async () => {
      await server.close();
    });

    it('falls back to the rubric engine and says so in each batch line', async () => {
      const t = io(
        { 'in.jsonl': JSON.stringify({ question: 'distributed-rate-limiter', answer: ANSWER }) },
        { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: server.baseURL, ASSESSMENT_TIMEOUT_MS: '2000' },
      );
      expect(await main(['--batch', 'in.jsonl'], t.value)).toBe(0);
      const line = JSON.parse(t.out()) as Record<string, unknown>;
      expect(line).toMatchObject({
        engine: 'rubric',
        fallbackFrom: 'llm',
        fallbackReason: 'server error (500)',
        questionId: 'distributed-rate-limiter',
      });
      expect(server.requests.length).toBe(2); // one retry, then the fallback
    });
  });
});
