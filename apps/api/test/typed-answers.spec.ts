import type { InterviewSnapshot, Prompt, Review, SocketError, TranscriptSegment, TurnState } from '@mockroom/contracts';
import { LiveClient } from '@mockroom/server-testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

/**
 * Answering without a microphone: typed answers are stored as the answer's transcript, assessed like spoken ones
 * (without speech analytics), and an interview in which nothing was said or typed is not kept.
 */
const TYPED =
  'The user sends their email and password over HTTPS. The server hashes the password with bcrypt and compares it with the stored hash. ' +
  'It then creates a session in Redis with a time to live and sets the session id in an HTTP only, secure, same site cookie. ' +
  'On every request the middleware reads the cookie and looks up the session; on logout the session is deleted.';

type Ack<T> = T | { error: SocketError };

describe('typed answers and empty interviews', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      MOCKROOM_WORKER_IN_PROCESS: 'true',
      MOCKROOM_DATA_DIR: mkdtempSync(join(tmpdir(), 'mockroom-typed-')),
      DECISION_BUDGET_MS: '3000',
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  async function candidate(plan: Record<string, unknown>) {
    const browser = new TestBrowser(t.baseUrl);
    await browser.signUp(uniqueEmail('typed'));
    const created = await browser.post('/api/interviews', { voice: 'browser', ...plan });
    expect(created.status).toBe(201);
    const live = new LiveClient(t.baseUrl, browser.cookieHeader());
    await live.connect();
    const snapshot = await live.emitAck<Ack<InterviewSnapshot>>('interview:join', created.body.id);
    if ('error' in snapshot) throw new Error(snapshot.error.message);
    return { browser, live, id: created.body.id as string, snapshot };
  }

  it('does not let the candidate read ahead the questions drawn for them', async () => {
    const { browser, live, id, snapshot } = await candidate({
      role: 'backend',
      level: 'mid',
      questionCount: 2,
      maxFollowUps: 0,
    });
    // Drawn from the bank: the plan names the questions asked so far, none yet, on every route.
    expect(snapshot.plan.questionIds).toEqual([]);
    expect(snapshot.interview.questionCount).toBe(2);
    expect(((await browser.get(`/api/interviews/${id}`)).body as InterviewSnapshot).plan.questionIds).toEqual([]);
    await live.emitAck<Ack<TurnState>>('interview:start');
    const first = (await live.waitFor('prompt')) as Prompt;
    const asked = ((await live.emitAck<Ack<InterviewSnapshot>>('interview:join', id)) as InterviewSnapshot).plan
      .questionIds;
    expect(asked).toHaveLength(1);
    expect(first.questionId).toBe(asked[0]);
    expect(((await browser.get(`/api/interviews/${id}`)).body as InterviewSnapshot).plan.questionIds).toEqual(asked);
    live.close();
  });

  it('takes a typed answer as the transcript, moves on, and scores it without speech analytics', async () => {
    const { browser, live, id, snapshot } = await candidate({
      questionIds: ['authentication-sessions-end-to-end', 'rest-vs-graphql'],
      maxFollowUps: 0,
    });
    // The candidate chose these questions, so the plan names them all.
    expect(snapshot.plan.questionIds).toEqual(['authentication-sessions-end-to-end', 'rest-vs-graphql']);
    expect(snapshot.interview.questionCount).toBe(2);
    // Before the interview starts there is nothing to answer.
    expect(await live.emitAck('answer:text', TYPED)).toMatchObject({ error: { code: 'not-started' } });
    await live.emitAck<Ack<TurnState>>('interview:start');
    const first = (await live.waitFor('prompt')) as Prompt;

    // Bad input changes nothing: not text, empty, control characters, too long.
    for (const bad of [42, '', '   ', 'an answer with a NUL \u0000 in it', 'x'.repeat(6001)]) {
      expect(await live.emitAck('answer:text', bad)).toMatchObject({
        error: { code: 'bad-request', event: 'answer:text' },
      });
    }
    expect(live.all('prompt')).toHaveLength(1);

    // Typed while the question is still being read: that is the answer.
    const stored = await live.emitAck<Ack<TranscriptSegment>>('answer:text', `  ${TYPED}  `);
    if ('error' in stored) throw new Error(stored.error.message);
    expect(stored).toMatchObject({
      speaker: 'candidate',
      text: TYPED,
      engine: 'typed',
      questionId: 'authentication-sessions-end-to-end',
    });
    const second = (await live.waitFor(
      'prompt',
      (p) => (p as Prompt).seq > first.seq && (p as Prompt).kind === 'question',
      30_000,
    )) as Prompt;
    expect(second.questionIndex).toBe(1);
    const assessed = await live.waitFor('answer:assessed', () => true, 30_000);
    expect(assessed).toMatchObject({ questionId: 'authentication-sessions-end-to-end' });

    // A short typed request is understood as one.
    ok(await live.emitAck<Ack<TranscriptSegment>>('answer:text', 'Could you repeat the question please?'));
    const repeated = (await live.waitFor('prompt', (p) => (p as Prompt).kind === 'repeat', 30_000)) as Prompt;
    expect(repeated.text).toContain('REST');
    ok(
      await live.emitAck<Ack<TranscriptSegment>>(
        'answer:text',
        'REST exposes resources at fixed endpoints and uses HTTP caching. GraphQL has one endpoint where the client asks for exactly the fields it needs, which avoids over fetching.',
      ),
    );
    await live.waitFor('interview:completed', () => true, 60_000);

    const review = (await browser.get(`/api/interviews/${id}/review`)).body as Review;
    expect(review.interview.status).toBe('completed');
    const answer = review.questions[0].answers.find((a) => a.kind === 'answer' && a.transcript.includes('bcrypt'))!;
    expect(answer.scores?.overall).toBeGreaterThan(5);
    expect(answer.rubric.filter((p) => p.covered).length).toBeGreaterThanOrEqual(3);
    // Typed words have no pace, pauses or fillers.
    expect(answer.analytics).toBeNull();
    expect(review.transcript.some((line) => line.speaker === 'candidate' && line.text === TYPED)).toBe(true);
    live.close();
  }, 120_000);

  it('says what to work on and what to practise next after a good interview that still missed points, in the review and both exports', async () => {
    // A new user's 8.5 interview with missed points read "What to work on: Nothing noted" and "No suggestions".
    const { browser, live, id } = await candidate({
      questionIds: ['authentication-sessions-end-to-end'],
      maxFollowUps: 0,
    });
    await live.emitAck<Ack<TurnState>>('interview:start');
    await live.waitFor('prompt');
    // Everything but how each request is checked.
    ok(await live.emitAck<Ack<TranscriptSegment>>('answer:text', TYPED.replace(/ On every request[^;]*;/, '')));
    await live.waitFor('interview:completed', () => true, 60_000);
    const review = (await browser.get(`/api/interviews/${id}/review`)).body as Review;
    const [answer] = review.questions[0].answers;
    // A good answer, and not a perfect one.
    expect(answer.scores?.overall).toBeGreaterThanOrEqual(6.5);
    const missed = answer.rubric.filter((p) => !p.covered);
    expect(missed.length).toBeGreaterThan(0);
    expect(review.insights.workOn.length).toBeGreaterThan(0);
    expect(review.insights.practiseNext.length).toBeGreaterThan(0);
    expect(review.insights.practiseNext.every((s) => s.questionId && s.text)).toBe(true);

    const md = (await browser.get(`/api/interviews/${id}/review.md`)).body as string;
    const section = (title: string) => md.split(`## ${title}`)[1]?.split('\n## ')[0] ?? '';
    expect(section('What to work on')).toContain(review.insights.workOn[0].slice(0, 40));
    expect(section('Questions to practise next')).toContain(review.insights.practiseNext[0].text.slice(0, 40));
    expect(md).not.toMatch(/Nothing noted|No suggestions/);

    const pdf = await fetch(`${t.baseUrl}/api/interviews/${id}/review.pdf`, {
      headers: { cookie: browser.cookieHeader() },
    });
    expect(pdf.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'mockroom-typed-pdf-'));
    writeFileSync(join(dir, 'review.pdf'), Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', [join(dir, 'review.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('What to work on');
    expect(text).toContain(review.insights.workOn[0].replace(/\s+/g, ' ').slice(0, 30));
    expect(text).toContain(review.insights.practiseNext[0].text.replace(/\s+/g, ' ').slice(0, 30));
    expect(text).not.toMatch(/Nothing noted|No suggestions/);
    live.close();
  }, 90_000);

  it('does not keep an interview in which nothing was said or typed', async () => {
    const { browser, live, id } = await candidate({
      questionIds: ['authentication-sessions-end-to-end'],
      maxFollowUps: 0,
    });
    await live.emitAck<Ack<TurnState>>('interview:start');
    await live.waitFor('prompt');
    // No microphone: the candidate presses "I'm done" and then ends the interview.
    const ended = await live.emitAck('interview:end');
    expect(ended).toMatchObject({
      error: { code: 'interview-discarded', message: expect.stringMatching(/not saved/) },
    });
    expect(await live.waitFor('interview:discarded', () => true, 10_000)).toMatchObject({ interviewId: id });
    expect((await browser.get(`/api/interviews/${id}`)).status).toBe(404);
    expect(((await browser.get('/api/interviews')).body as { id: string }[]).some((i) => i.id === id)).toBe(false);
    live.close();
  }, 60_000);

  it('keeps an interview in which the candidate answered, even briefly', async () => {
    const { browser, live, id } = await candidate({
      questionIds: ['authentication-sessions-end-to-end'],
      maxFollowUps: 0,
    });
    await live.emitAck<Ack<TurnState>>('interview:start');
    await live.waitFor('prompt');
    ok(
      await live.emitAck<Ack<TranscriptSegment>>(
        'answer:text',
        'We hash passwords with bcrypt and keep a session id in an HTTP only cookie, with the session in Redis.',
      ),
    );
    await live.waitFor('interview:completed', () => true, 60_000);
    expect((await browser.get(`/api/interviews/${id}`)).status).toBe(200);
    live.close();
  }, 60_000);

  it('refuses typed answers from anyone but the candidate', async () => {
    const { live } = await candidate({ questionIds: ['authentication-sessions-end-to-end'] });
    const stranger = new TestBrowser(t.baseUrl);
    await stranger.signUp(uniqueEmail('stranger'));
    const other = new LiveClient(t.baseUrl, stranger.cookieHeader());
    await other.connect();
    expect(await other.emitAck('answer:text', TYPED)).toMatchObject({ error: { code: 'not-joined' } });
    other.close();
    live.close();
  });
});

function ok<T>(reply: Ack<T>): T {
  if (reply && typeof reply === 'object' && 'error' in reply)
    throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply as T;
}
