import { JobName, QueueName, type CorrectionResult, type Review } from '@mockroom/contracts';
import { JobQueueService } from '@mockroom/server-queue';
import { concatPcm, LiveClient, silence, speakSentences, takeSpokenInterview } from '@mockroom/server-testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

/**
 * The candidate corrects what the recogniser misheard, on an interview taken through the real pipeline (flite speech →
 * PocketSphinx → rubric engine): the line reads as corrected and keeps what was heard, the answer is assessed again and
 * the scores that moved are shown, nobody else can correct it, bad input changes nothing, and the words brought in are
 * given to the recogniser in the candidate's next interview.
 */
const QUESTION = 'rest-vs-graphql';
// Spoken vaguely: the correction below is what a strong answer says, so the scores must move when it is applied.
const ANSWER = 'I think it depends on the project. Both of them are fine for most things.';
const CORRECTED =
  'REST exposes resources at fixed endpoints and uses HTTP caching well. GraphQL has a single endpoint and a schema, and the client asks for exactly the fields it needs, ' +
  'which avoids over fetching and under fetching. The trade off is that caching and rate limiting are harder with GraphQL.';

describe('correcting a misheard transcript', () => {
  let t: TestApp;
  let db: Client;
  let owner: TestBrowser;
  let id: string;
  let line: { seq: number; text: string };

  async function account(label: string, role?: string): Promise<TestBrowser & { email: string }> {
    const browser = new TestBrowser(t.baseUrl) as TestBrowser & { email: string };
    browser.email = uniqueEmail(label.toLowerCase().replace(/\W+/g, '-'));
    expect((await browser.signUp(browser.email, 'correct horse battery', label, role)).status).toBe(201);
    return browser;
  }

  const counts = async () =>
    (
      await db.query(
        `SELECT (SELECT count(*) FROM transcript_corrections WHERE interview_id = $1)::int AS corrections, (SELECT string_agg(text, '|' ORDER BY seq) FROM transcript_segments WHERE interview_id = $1) AS texts`,
        [id],
      )
    ).rows[0];

  beforeAll(async () => {
    t = await startTestApp({
      MOCKROOM_WORKER_IN_PROCESS: 'true',
      MOCKROOM_DATA_DIR: mkdtempSync(join(tmpdir(), 'mockroom-corrections-')),
      DECISION_BUDGET_MS: '3000',
    });
    db = new Client({ connectionString: t.db.url });
    await db.connect();
    owner = await account('Candidate');
    const taken = await takeSpokenInterview(
      t.baseUrl,
      owner.cookieHeader(),
      async (body) => {
        const res = await owner.post('/api/interviews', body);
        expect(res.status).toBe(201);
        return res.body as { id: string };
      },
      { questionIds: [QUESTION], answers: [ANSWER] },
    );
    id = taken.id;
    const review = (await owner.get(`/api/interviews/${id}/review`)).body as Review;
    const spoken = review.transcript.filter((l) => l.speaker === 'candidate');
    expect(spoken.length).toBeGreaterThan(0);
    line = spoken[0];
  }, 300_000);

  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('refuses anyone but the candidate, lines that are not theirs, and bad input, changing nothing', async () => {
    const before = await counts();
    const stranger = await account('Stranger');
    const mentor = await account('Mentor', 'interviewer');
    expect((await owner.post(`/api/interviews/${id}/shares`, { email: mentor.email })).status).toBe(201);
    const url = `/api/interviews/${id}/transcript/${line.seq}/corrections`;
    expect((await stranger.post(url, { text: CORRECTED })).status).toBe(403);
    const shared = await mentor.post(url, { text: CORRECTED });
    expect(shared.status).toBe(403);
    expect(shared.body.message).toMatch(/only the candidate/i);
    const review = (await owner.get(`/api/interviews/${id}/review`)).body as Review;
    const interviewerLine = review.transcript.find((l) => l.speaker === 'interviewer');
    if (interviewerLine)
      expect(
        (
          await owner.post(`/api/interviews/${id}/transcript/${interviewerLine.seq}/corrections`, {
            text: 'Something else',
          })
        ).status,
      ).toBe(400);
    for (const body of [
      {},
      { text: '' },
      { text: '   ' },
      { text: 42 },
      { text: 'x'.repeat(2001) },
      { text: 'bad\u0007bell' },
      { text: line.text },
    ]) {
      const res = await owner.post(url, body);
      expect(res.status).toBe(400);
      expect(typeof res.body.message === 'string' || Array.isArray(res.body.message)).toBe(true);
    }
    expect((await owner.post(`/api/interviews/${id}/transcript/abc/corrections`, { text: CORRECTED })).status).toBe(
      400,
    );
    expect((await owner.post(`/api/interviews/${id}/transcript/99999/corrections`, { text: CORRECTED })).status).toBe(
      404,
    );
    expect((await owner.post(url, { text: CORRECTED }, { csrf: false })).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('reads as corrected, keeps what was heard, assesses the answer again and shows the scores that moved', async () => {
    const scoredBefore = ((await owner.get(`/api/interviews/${id}/review`)).body as Review).questions[0].scores!;
    const res = await owner.post(`/api/interviews/${id}/transcript/${line.seq}/corrections`, {
      text: `  ${CORRECTED}\n`,
    });
    expect(res.status).toBe(201);
    const { correction, review } = res.body as CorrectionResult;
    expect(correction).toMatchObject({ seq: line.seq, before: line.text, after: CORRECTED });
    const corrected = review.transcript.find((l) => l.seq === line.seq)!;
    expect(corrected.text).toBe(CORRECTED);
    expect(corrected.heardAs).toBe(line.text);
    // The strong answer's words cover more of the rubric: the scores moved, and the change says from what to what.
    const scores = review.questions[0].scores!;
    expect(scores.overall).toBeGreaterThan(scoredBefore.overall);
    const overall = correction.changes!.find((c) => c.dimension === 'overall')!;
    expect(overall).toEqual({
      questionIndex: 0,
      dimension: 'overall',
      before: scoredBefore.overall,
      after: scores.overall,
    });
    // Evidence is highlighted on the corrected words.
    expect(corrected.highlights.length).toBeGreaterThan(0);
    expect(review.corrections).toEqual([correction]);
    // Stored: the interview's score follows, the original stays in the history.
    const stored = (
      await db.query('SELECT before, after, terms FROM transcript_corrections WHERE interview_id = $1', [id])
    ).rows;
    expect(stored).toEqual([expect.objectContaining({ before: line.text, after: CORRECTED })]);
    expect(stored[0].terms).toEqual(expect.arrayContaining(['GraphQL']));
    const overallScore = (await db.query('SELECT overall_score FROM interviews WHERE id = $1', [id])).rows[0]
      .overall_score as number;
    expect(overallScore).toBeCloseTo(scores.overall, 1);
  });

  it('keeps what the recogniser heard through later corrections', async () => {
    const text = CORRECTED.replace('a single endpoint', 'one endpoint');
    const res = await owner.post(`/api/interviews/${id}/transcript/${line.seq}/corrections`, { text });
    expect(res.status).toBe(201);
    const { review } = res.body as CorrectionResult;
    expect(review.corrections.map((c) => c.after)).toEqual([CORRECTED, text]);
    expect(review.transcript.find((l) => l.seq === line.seq)).toMatchObject({ text, heardAs: line.text });
    // The shared interviewer reads the correction too.
    const reread = (await owner.get(`/api/interviews/${id}/review`)).body as Review;
    expect(reread.corrections).toHaveLength(2);
  });

  it('bounds how often one account corrects: each correction scores answers again', async () => {
    const url = `/api/interviews/${id}/transcript/${line.seq}/corrections`;
    const made = Number(
      (await db.query('SELECT count(*) FROM transcript_corrections WHERE interview_id = $1', [id])).rows[0].count,
    );
    let last = '';
    for (let i = made; i < 30; i++) {
      last = `${CORRECTED} Correction ${i}.`;
      expect((await owner.post(url, { text: last })).status).toBe(201);
    }
    const refused = await owner.post(url, { text: `${CORRECTED} One too many.` });
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/Too many corrections\. Try again in \d+ minutes/);
    const review = (await owner.get(`/api/interviews/${id}/review`)).body as Review;
    expect(review.transcript.find((l) => l.seq === line.seq)!.text).toBe(last);
    expect(review.corrections).toHaveLength(30);
  }, 120_000);

  it("gives the words a correction brought in to the recogniser in the candidate's next interview", async () => {
    const created = await owner.post('/api/interviews', {
      questionIds: ['authentication-sessions-end-to-end'],
      maxFollowUps: 0,
      voice: 'browser',
    });
    expect(created.status).toBe(201);
    const live = new LiveClient(t.baseUrl, owner.cookieHeader());
    await live.connect();
    try {
      await live.emitAck('interview:join', created.body.id);
      await live.emitAck('interview:start');
      const prompt = (await live.waitFor('prompt')) as { seq: number };
      await live.emitAck('audio:start', { streamId: 'vocabulary', sampleRate: 16_000 });
      live.socket.emit('prompt:played', prompt.seq);
      await live.streamPcm(
        concatPcm(silence(300), speakSentences('The server checks the password hash.'), silence(1000)),
        { speed: 2 },
      );
      await live.waitFor('transcript:segment', undefined, 30_000);
    } finally {
      live.close();
    }
    const jobs = await t.app
      .get(JobQueueService)
      .queue(QueueName.Transcription)
      .getJobs(['completed', 'active', 'waiting']);
    const mine = jobs.filter((j) => j.name === JobName.TranscribeSegment && j.data.interviewId === created.body.id);
    expect(mine.length).toBeGreaterThan(0);
    for (const job of mine) expect(job.data.hints).toEqual(expect.arrayContaining(['GraphQL']));
  }, 60_000);
});
