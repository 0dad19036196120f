import type {
  AgreementAnswers,
  AgreementReport,
  HumanSession,
  InterviewSnapshot,
  Prompt,
  Review,
  SocketError,
  TranscriptSegment,
  TurnState,
} from '@mockroom/contracts';
import { RubricEngine } from '@mockroom/assessment';
import { QuestionBank } from '@mockroom/question-bank';
import { concatPcm, LiveClient, silence, speakSentences } from '@mockroom/server-testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

/**
 * The answers behind the agreement report, exported for the scoring eval: admins only, one per question both the
 * interviewer and the engine scored, with the words the engine read (a follow-up's answer together with the first).
 */
type Ack<T> = T | { error: SocketError };

const QUESTION = 'authentication-sessions-end-to-end';
const FIRST_ANSWER =
  'The user sends credentials over HTTPS. The server hashes the password with bcrypt and compares it to the stored hash.';
const FOLLOW_UP_ANSWER = 'Then it creates a session and sets the session ID in an HTTP only secure cookie.';

describe('agreement answers export', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      MOCKROOM_WORKER_IN_PROCESS: 'true',
      MOCKROOM_DATA_DIR: mkdtempSync(join(tmpdir(), 'mockroom-agreement-')),
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  async function account(name: string, role?: string) {
    const browser = new TestBrowser(t.baseUrl);
    const res = await browser.signUp(
      uniqueEmail(name.toLowerCase().replace(/\W+/g, '-')),
      'correct horse battery',
      name,
      role,
    );
    expect(res.status).toBe(201);
    return browser;
  }

  async function connect(browser: TestBrowser): Promise<LiveClient> {
    const live = new LiveClient(t.baseUrl, browser.cookieHeader());
    await live.connect();
    return live;
  }

  function ok<T>(reply: Ack<T>): T {
    if (reply && typeof reply === 'object' && 'error' in reply)
      throw new Error(`${reply.error.code}: ${reply.error.message}`);
    return reply as T;
  }

  it('gives admins each scored question with the words the engine read, and nobody else', async () => {
    const interviewer = await account('Ivy Interviewer', 'interviewer');
    const candidate = await account('Cam Candidate');
    const admin = await account('Ada Admin');
    const db = new Client({ connectionString: t.db.url });
    await db.connect();
    await db.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [
      ((await admin.get('/api/auth/me')).body as { id: string }).id,
    ]);
    await db.end();

    const session = (await interviewer.post('/api/sessions', { questionIds: [QUESTION] })).body as HumanSession;
    const id = session.interview.id;
    await candidate.post(`/api/invitations/${session.invitePath!.split('/').pop()}/accept`);
    const lead = await connect(interviewer);
    const cand = await connect(candidate);
    ok(await lead.emitAck<Ack<InterviewSnapshot>>('interview:join', id));
    ok(await cand.emitAck<Ack<InterviewSnapshot>>('interview:join', id));
    ok(await lead.emitAck<Ack<TurnState>>('interview:start'));
    ok(await lead.emitAck<Ack<Prompt>>('console:show', { kind: 'question', questionIndex: 0 }));

    const candidateSegments = () =>
      lead.all('transcript:segment').filter((s) => (s as TranscriptSegment).speaker === 'candidate').length;
    ok(await cand.emitAck('audio:start', { streamId: 'first-answer', sampleRate: 16_000 }));
    await cand.streamPcm(concatPcm(silence(300), speakSentences(FIRST_ANSWER), silence(2000)), { speed: 2 });
    await lead.waitFor('transcript:segment', () => candidateSegments() >= 2, 90_000);
    const heardFirst = candidateSegments();

    // A follow-up: its answer is assessed together with the first, and that assessment is the question's rating.
    ok(
      await lead.emitAck<Ack<Prompt>>('console:show', {
        kind: 'follow-up',
        questionIndex: 0,
        text: 'What happens after that?',
      }),
    );
    ok(await cand.emitAck('audio:start', { streamId: 'follow-up-answer', sampleRate: 16_000 }));
    await cand.streamPcm(concatPcm(silence(300), speakSentences(FOLLOW_UP_ANSWER), silence(2000)), { speed: 2 });
    await lead.waitFor('transcript:segment', () => candidateSegments() > heardFirst, 90_000);
    ok(
      await lead.emitAck('console:score', {
        questionIndex: 0,
        scores: { relevance: 8, depth: 6.5, clarity: 7, correctness: 9 },
      }),
    );
    ok(await lead.emitAck<Ack<InterviewSnapshot>>('interview:end'));
    await lead.waitFor('answer:assessed', () => lead.all('answer:assessed').length >= 2, 60_000);
    lead.close();
    cand.close();

    for (const who of [candidate, interviewer])
      expect((await who.get('/api/reports/agreement/answers')).status).toBe(403);
    const res = await admin.get('/api/reports/agreement/answers');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="agreement-answers\.json"/);
    const exported = res.body as AgreementAnswers;
    const report = (await admin.get('/api/reports/agreement')).body as AgreementReport;
    expect(exported.answers).toHaveLength(report.pairs);
    const mine = exported.answers.filter((a) => a.interviewId === id);
    expect(mine).toHaveLength(1);
    const answer = mine[0];

    const review = (await interviewer.get(`/api/interviews/${id}/review`)).body as Review;
    const rated = review.questions[0].answers.at(-1)!;
    const spoken = review.transcript.filter((l) => l.speaker === 'candidate').map((l) => l.text);
    expect(answer).toMatchObject({
      questionIndex: 0,
      questionId: QUESTION,
      questionText: QuestionBank.load().get(QUESTION)!.text,
      level: review.plan.level,
      interviewer: 'Ivy Interviewer',
      human: { relevance: 8, depth: 6.5, clarity: 7, correctness: 9 },
      engine: rated.scores,
      engineName: 'rubric',
    });
    // Both answers, in order, as the recogniser heard them.
    expect(answer.transcript).toBe(spoken.join(' '));
    expect(answer.segments!.map((s) => s.text)).toEqual(spoken);
    expect(answer.segments!.every((s) => s.endMs > s.startMs)).toBe(true);
    expect(report.disagreements.find((d) => d.interviewId === id)).toMatchObject({
      engine: answer.engine,
      human: { ...answer.human, overall: 7.6 },
    });

    // What the engine read is enough to score the answer again offline: the same engine gives the same scores.
    const question = QuestionBank.load().get(answer.questionId)!;
    const again = await new RubricEngine().assess({
      question,
      transcript: answer.transcript,
      segments: answer.segments ?? undefined,
      level: answer.level,
    });
    expect(again.scores).toEqual(answer.engine);
  }, 180_000);
});
