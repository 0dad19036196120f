import type { Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { LlmEngine } from '../llm/llm-engine';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../llm/testing/fake-openai-server';
import { overallOf, RubricEngine } from '../rubric/rubric-engine';
import { evalScoringCli } from './eval-cli';
import { formatSpreadReport, runSpreadEval, spreadSample } from './spread';
import { judgeReply } from './testing/fake-judge';

const question = QuestionBank.load().get('distributed-rate-limiter') as Question;
const transcripts = [
  'i would keep a token bucket per user in redis and check and decrement it atomically in a lua script.',
  'a sliding window counter per api key, with the counts in redis so every server sees the same numbers.',
];

/** The scores the fake model gives on its k-th call: relevance and clarity drift from call to call. */
const scoresOf = (k: number) => ({ relevance: 6 + (k % 3), depth: 5, clarity: 7 + (k % 2) * 0.5, correctness: 8 });

describe('consistency of an LLM judge', () => {
  let server: FakeOpenAiServer;
  beforeAll(async () => {
    server = await startFakeOpenAiServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('picks a sample spread over the list', () => {
    expect(spreadSample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 4)).toEqual([0, 2, 5, 7]);
    expect(spreadSample([1, 2], 12)).toEqual([1, 2]);
  });

  it('reports per score the mean and largest spread over the runs the model answered, and counts fallbacks', async () => {
    server.requests.length = 0;
    // Calls go a, b, a, b, a, b; the fourth (b's second run) fails and is scored by the rubric engine instead.
    server.reply = (request, k) =>
      k === 3 ? { kind: 'status', status: 500 } : { kind: 'json', value: judgeReply(request, scoresOf(k)) };
    const engine = new LlmEngine({ baseURL: server.baseURL, maxRetries: 0, fallback: new RubricEngine() });
    const report = await runSpreadEval(
      engine,
      transcripts.map((transcript, i) => ({ question, transcript, label: `answer ${i + 1}` })),
      3,
    );
    console.log(formatSpreadReport(report));
    expect(server.requests).toHaveLength(6);
    expect(report).toMatchObject({
      engine: 'llm',
      answers: 2,
      runs: 3,
      calls: 6,
      fallbacks: 1,
      fallbackReasons: { 'server error (500)': 1 },
      measured: 2,
    });
    const by = Object.fromEntries(report.dimensions.map((d) => [d.dimension, d]));
    // Answer 1 (calls 0, 2, 4): relevance 6, 8, 7; answer 2 (calls 1, 5): relevance 7, 8.
    expect(by.relevance).toEqual({ dimension: 'relevance', meanSpread: 1.5, maxSpread: 2 });
    expect(by.depth).toEqual({ dimension: 'depth', meanSpread: 0, maxSpread: 0 });
    // Clarity: 7, 7, 7 and 7.5, 7.5.
    expect(by.clarity).toEqual({ dimension: 'clarity', meanSpread: 0, maxSpread: 0 });
    const overall = (ks: number[]) => ks.map((k) => overallOf(scoresOf(k)));
    const spreadOf = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
    expect(by.overall.maxSpread).toBeCloseTo(Math.max(spreadOf(overall([0, 2, 4])), spreadOf(overall([1, 5]))), 2);
    expect(report.widest[0]).toMatchObject({ label: 'answer 1', overall: overall([0, 2, 4]) });
    expect(report.widest.find((w) => w.label === 'answer 2')?.overall).toEqual([
      overall([1])[0],
      null,
      overall([5])[0],
    ]);
    const text = formatSpreadReport(report);
    expect(text).toContain('consistency (llm): 2 answers assessed 3 times each (6 assessments)');
    expect(text).toMatch(/relevance\s+1\.50\s+2\.00/);
    expect(text).toContain(
      '1 of 6 runs fell back to the rubric engine, left out of the spread (server error (500) ×1)',
    );
  });

  it('says so when every run fell back', async () => {
    server.reply = () => ({ kind: 'status', status: 503 });
    const engine = new LlmEngine({ baseURL: server.baseURL, maxRetries: 0, fallback: new RubricEngine() });
    const report = await runSpreadEval(engine, [{ question, transcript: transcripts[0], label: 'answer 1' }], 2);
    expect(report).toMatchObject({ measured: 0, fallbacks: 2 });
    expect(formatSpreadReport(report)).toContain('no spread measured: no answer got two runs from the model');
  });

  it('runs in the eval with an LLM engine configured, on a sample of the labelled answers', async () => {
    server.requests.length = 0;
    server.reply = (request, k) => ({ kind: 'json', value: judgeReply(request, scoresOf(k)) });
    const out: string[] = [];
    const io = {
      env: { OPENAI_BASE_URL: server.baseURL },
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => out.push(t),
    };
    // The fake model's scores say nothing about the answers: no accuracy floor here.
    const code = await evalScoringCli(
      ['--engine', 'llm', '--runs', '2', '--set', 'held-out', '--spread', '3', '--min', '0'],
      io,
    );
    const text = out.join('');
    expect(code).toBe(0);
    expect(text).toContain('consistency (llm): 3 answers assessed 2 times each (6 assessments)');
    expect(text).toMatch(/relevance\s+\d\.\d\d\s+\d\.\d\d/);
    expect(text).toContain('no run fell back to the rubric engine');
  }, 60_000);

  it('is not measured for the rubric engine, and the eval says why', async () => {
    const out: string[] = [];
    const code = await evalScoringCli(['--runs', '1', '--set', 'held-out', '--spread', '4'], {
      env: {},
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(t),
    });
    expect(code).toBe(0);
    expect(out.join('')).toContain('consistency: not measured, the engine is the rubric engine');
  }, 60_000);
});
