import type { InterviewSnapshot, Prompt, Review, SocketError, TurnState } from '@mockroom/contracts';
import { concatPcm, LiveClient, silence, speak } from '@mockroom/server-testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

/**
 * The interviewer cuts in as interviewers do, on real speech through the socket: an answer that runs past its
 * question's time budget is stopped at a pause and the interview moves on with a word about the time; an answer that
 * leaves the question is brought back to it once, and stays open. Database questions get 30 s here
 * (ANSWER_TIME_BUDGETS), so a long answer is a minute of audio, not three.
 */
type Ack<T> = T | { error: SocketError };

const PATIENCE_MS = 6000;

describe('interjections: the interviewer cuts in', () => {
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    t = await startTestApp({
      MOCKROOM_WORKER_IN_PROCESS: 'true',
      MOCKROOM_DATA_DIR: mkdtempSync(join(tmpdir(), 'mockroom-interject-')),
      DECISION_BUDGET_MS: '3000',
      ANSWER_TIME_BUDGETS: 'databases=30',
    });
    db = new Client({ connectionString: t.db.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  async function listening(questionIds: string[], maxFollowUps = 0) {
    const browser = new TestBrowser(t.baseUrl);
    await browser.signUp(uniqueEmail('interject'));
    const created = await browser.post('/api/interviews', {
      questionIds,
      maxFollowUps,
      answerSilenceMs: PATIENCE_MS,
      voice: 'browser',
    });
    const live = new LiveClient(t.baseUrl, browser.cookieHeader());
    await live.connect();
    const joined = await live.emitAck<Ack<InterviewSnapshot>>('interview:join', created.body.id);
    if ('error' in joined) throw new Error(joined.error.message);
    await live.emitAck<Ack<TurnState>>('interview:start');
    const first = (await live.waitFor('prompt')) as Prompt;
    await live.emitAck('audio:start', { streamId: 'interject-stream', sampleRate: 16_000 });
    live.socket.emit('prompt:played', first.seq);
    return { live, browser, id: created.body.id as string, first };
  }

  async function endingOf(interviewId: string, promptSeq: number) {
    const rows = (
      await db.query('SELECT ending FROM interview_answers WHERE interview_id = $1 AND prompt_seq = $2', [
        interviewId,
        promptSeq,
      ])
    ).rows;
    return rows[0]?.ending as { by: string; reasons: string[]; nudged: boolean } | undefined;
  }

  it('stops an answer that runs past its time at a pause, says why, and moves on', async () => {
    const { live, browser, id, first } = await listening(['optimistic-vs-pessimistic-locking', 'rest-vs-graphql'], 1);
    // About forty seconds of a thorough answer, sentence after sentence: past the 30 s this question has here.
    // Spoken on without a pause long enough to end the answer (flite runs sentences together), until its end.
    const answer = speak(
      'Optimistic locking assumes conflicts are rare. Each row carries a version column, and an update only succeeds when the version is still the one I read. ' +
        'If another transaction changed the row first, the update touches no rows, and the application retries with fresh data. ' +
        'Pessimistic locking takes the lock up front with select for update, so other writers wait until my transaction commits. ' +
        'I would choose pessimistic locking when contention is high, for example a few hot inventory rows during a sale. ' +
        'Its failure modes are deadlocks and long waits, so I set a lock timeout and always lock rows in the same order. ' +
        'Optimistic locking fails differently: under heavy contention most retries lose, and the retry logic needs a limit and some backoff.',
    );
    expect(answer.length / 16).toBeGreaterThan(33_000);
    // Sent a little faster than real time (a candidate may record no faster than 1.25 times the clock).
    const sent = await live.streamPcm(concatPcm(silence(300), answer, silence(3000)), { speed: 1.2 });
    const next = (await live.waitFor(
      'prompt',
      (p) => (p as Prompt).seq > first.seq && (p as Prompt).kind !== 'interjection',
      60_000,
    )) as Prompt;
    const ending = await endingOf(id, first.seq);
    const heard = (
      await db.query(
        `SELECT string_agg(text, ' / ' ORDER BY seq) AS text FROM transcript_segments WHERE interview_id = $1 AND speaker = 'candidate'`,
        [id],
      )
    ).rows[0].text as string;
    if (ending?.by !== 'interjection') throw new Error(`the answer ended ${JSON.stringify(ending)}; heard: ${heard}`);
    // The next prompt (a follow-up or the next question) opens with a word about the time.
    expect(next.lead).toBe('Let me stop you there, in the interest of time.');
    expect(['follow-up', 'question']).toContain(next.kind);
    expect(ending?.reasons[0]).toMatch(/^ran (?:\d+ s|\d:\d\d|1 minute), past the 30 s for this question$/);
    // The review says it in words.
    await live.emitAck('interview:end');
    await live.waitFor('interview:completed', undefined, 60_000);
    const review = (await browser.get(`/api/interviews/${id}/review`)).body as Review;
    expect(review.questions[0].answers[0].ending).toMatch(
      /^the interviewer cut in: ran .+, past the 30 s for this question$/,
    );
    expect(sent).toBeGreaterThan(0);
    live.close();
  }, 150_000);

  it('brings an answer that has left the question back to it once, and keeps listening', async () => {
    const { live, id, first } = await listening(['synchronous-vs-asynchronous-programming', 'rest-vs-graphql']);
    // Told without a pause long enough for the interviewer to cut in before its end (flite runs sentences together).
    const story = speak(
      'Last summer I went hiking in the mountains with two friends from university. We started early in the morning and carried far too much food. ' +
        'We got lost twice because the trail markers had been washed away by the rain. In the evening we reached a small village, ate soup in a family ' +
        'restaurant and slept in a barn. It taught me to pack lighter and to carry a paper map.',
    );
    let seq = await live.streamPcm(concatPcm(silence(300), story, silence(2500)), { speed: 2 });
    const redirect = (await live.waitFor(
      'prompt',
      (p) => (p as Prompt).kind !== 'question' || (p as Prompt).seq > first.seq,
      60_000,
    )) as Prompt;
    const heard = (
      await db.query(
        `SELECT string_agg(text, ' / ' ORDER BY seq) AS text FROM transcript_segments WHERE interview_id = $1 AND speaker = 'candidate'`,
        [id],
      )
    ).rows[0].text as string;
    if (redirect.kind !== 'interjection')
      throw new Error(`the answer ended ${JSON.stringify(await endingOf(id, first.seq))}; heard: ${heard}`);
    expect(redirect.text).toBe(
      "Let me stop you there — I'd like to bring us back to the question. Can you explain the difference between synchronous and asynchronous programming?",
    );
    // The answer stays open: no next question, and what the candidate says now belongs to the same answer.
    expect(
      live.all('prompt').filter((p) => (p as Prompt).kind === 'question' && (p as Prompt).seq > first.seq),
    ).toHaveLength(0);
    seq = await live.streamPcm(
      concatPcm(
        speak(
          'Synchronous code blocks until each call returns. Asynchronous code starts the input and output and carries on, so one thread can serve many requests.',
        ),
        silence(600),
      ),
      { speed: 2, fromSeq: seq },
    );
    await live.emitAck('answer:done');
    const next = (await live.waitFor(
      'prompt',
      (p) => (p as Prompt).kind === 'question' && (p as Prompt).seq > first.seq,
      60_000,
    )) as Prompt;
    expect(next.questionIndex).toBe(1);
    expect(live.all('prompt').filter((p) => (p as Prompt).kind === 'interjection')).toHaveLength(1);
    const ending = await endingOf(id, first.seq);
    expect(ending?.by).toBe('done-button');
    // Both parts were one answer.
    const answers = (
      await db.query(
        `SELECT count(*)::int AS n FROM interview_answers WHERE interview_id = $1 AND question_index = 0`,
        [id],
      )
    ).rows[0].n as number;
    expect(answers).toBe(1);
    expect(seq).toBeGreaterThan(0);
    live.close();
  }, 120_000);
});
