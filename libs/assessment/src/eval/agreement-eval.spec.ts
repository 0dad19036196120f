import type { Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agreementReport } from '../agreement/agreement';
import { startFakeOpenAiServer } from '../llm/testing/fake-openai-server';
import { RubricEngine } from '../rubric/rubric-engine';
import { formatAgreementEval, parseAgreementAnswers, readAgreementAnswers, runAgreementEval } from './agreement-eval';
import { evalScoringCli, type EvalCliIo } from './eval-cli';
import { judgeReply } from './testing/fake-judge';

const FIXTURE = join(__dirname, 'testing', 'agreement-answers.json');
const bank = QuestionBank.load();

function cli(env: EvalCliIo['env'] = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { env, stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) } satisfies EvalCliIo,
  };
}

describe('the eval against interviewers (an exported agreement file)', () => {
  const answers = readAgreementAnswers(FIXTURE);

  it('scores each exported answer again and reports both engines against the interviewers', async () => {
    const engine = new RubricEngine();
    const report = await runAgreementEval(engine, answers);
    expect(report).toMatchObject({ engine: 'rubric', answers: 4, rescored: 3, fallbacks: 0 });
    expect(report.skipped).toEqual([
      {
        interviewId: '22222222-bbbb-4bbb-8bbb-000000000002',
        questionIndex: 1,
        questionId: 'a-question-since-removed',
        reason: 'question no longer in the bank',
      },
    ]);

    // The stored scores: relevance 6, 8, 7 against 9, 8, 4.
    const stored = Object.fromEntries(report.stored.dimensions.map((d) => [d.dimension, d]));
    expect(stored.relevance).toEqual({ dimension: 'relevance', meanAbsoluteDifference: 2, meanDifference: 0 });
    expect(report.stored).toMatchObject({ pairs: 3, sessions: 2, interviewers: 2 });

    // The current engine: the same figures as the admin report would give on the engine's scores of the same words.
    const scored = answers.slice(0, 3);
    const again = await Promise.all(
      scored.map((a) =>
        engine.assess({
          question: bank.get(a.questionId) as Question,
          transcript: a.transcript,
          segments: a.segments ?? undefined,
          level: a.level,
        }),
      ),
    );
    const expected = agreementReport(
      scored.map((a, i) => ({
        interviewId: a.interviewId,
        title: a.title,
        questionIndex: a.questionIndex,
        questionText: a.questionText,
        interviewer: a.interviewer,
        engine: again[i].scores,
        human: a.human,
        at: new Date(a.at),
      })),
      5,
    );
    expect(report.current).toEqual(expected);
    const moved = again.filter((a, i) => a.scores.overall !== scored[i].engine.overall).length;
    expect(report.moved.answers).toBe(moved);

    const text = formatAgreementEval(report);
    console.log(text);
    expect(text).toContain(
      'agreement with interviewers (rubric): 3 answers scored again, 2 sessions, 2 interviewers; 1 of 4 skipped',
    );
    expect(text).toMatch(/relevance\s+2\.00 \(±0\.00\)\s+\d+\.\d\d \([+−±]\d+\.\d\d\)/);
    expect(text).toContain('skipped 22222222 Q2 (a-question-since-removed): question no longer in the bank');
    // Each of the worst disagreements shows the stored overall beside the current one.
    expect(text).toMatch(/vs 8\.0 \[5\.0\]  Ivy, 2026-12-01, 11111111 Q1: Design a distributed rate limiter/);
  });

  it('runs from the command line on an export file, offline', async () => {
    const { out, err, io } = cli();
    expect(await evalScoringCli(['--agreement', FIXTURE], io)).toBe(0);
    expect(err).toEqual([]);
    const text = out.join('');
    expect(text).toMatch(/^agreement with interviewers \(rubric\): 3 answers scored again/);
    expect(text).toMatch(/overall\s+\d+\.\d\d \([+−±]\d+\.\d\d\)\s+\d+\.\d\d/);
    // Only the agreement: not the seed or labelled evals.
    expect(text).not.toContain('scoring eval');
  });

  it('refuses a file that is not an export', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agreement-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ interviews: [] }));
    const { err, io } = cli();
    expect(await evalScoringCli(['--agreement', bad], io)).toBe(2);
    expect(err.join('')).toContain('has no "answers" list');
    expect(() =>
      parseAgreementAnswers(JSON.stringify([{ questionId: 'x', transcript: 'y', human: { relevance: 1 } }])),
    ).toThrow(/answer 1 needs the interviewer's four scores/);
    const { err: missing, io: io2 } = cli();
    expect(await evalScoringCli(['--agreement', join(dir, 'nowhere.json')], io2)).toBe(2);
    expect(missing.join('')).toMatch(/ENOENT|no such file/);
  });

  it('with an LLM engine, says how many answers fell back to the rubric engine', async () => {
    const server = await startFakeOpenAiServer((request) =>
      JSON.stringify(request.body).includes('rest-vs-graphql')
        ? { kind: 'content', content: 'not json' }
        : { kind: 'json', value: judgeReply(request, { relevance: 8, depth: 6, clarity: 7, correctness: 8 }) },
    );
    try {
      const { out, io } = cli({ OPENAI_BASE_URL: server.baseURL });
      expect(await evalScoringCli(['--agreement', FIXTURE, '--engine', 'llm'], io)).toBe(0);
      const text = out.join('');
      expect(text).toContain('agreement with interviewers (llm): 3 answers scored again');
      expect(text).toContain('1 of 3 answers fell back to the rubric engine (malformed JSON from the model ×1)');
      expect(server.requests).toHaveLength(3);
    } finally {
      await server.close();
    }
  });
});
