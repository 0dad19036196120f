import {
  JobName,
  QueueName,
  type InterviewSummary,
  type Progress,
  type Review,
  type ShareInfo,
} from '@mockroom/contracts';
import { JobQueueService } from '@mockroom/server-queue';
import { takeSpokenInterview } from '@mockroom/server-testing';
import { decodeWav } from '@mockroom/speech';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

/**
 * The review of an interview taken through the real pipeline (flite speech → PocketSphinx → rubric engine):
 * the review's content, its audio, exports, sharing with an interviewer, progress, and deletion.
 */
const QUESTIONS = ['authentication-sessions-end-to-end', 'rest-vs-graphql'];
const ANSWERS = [
  'Authentication starts with the user sending credentials over HTTPS. The server hashes the password with bcrypt and compares it to the stored hash. ' +
    'Then it creates a session and sets the session ID in an HTTP only secure cookie.',
  'REST exposes resources at fixed endpoints and uses HTTP caching well. GraphQL has one endpoint where the client asks for exactly the fields it needs, which avoids over fetching.',
];

describe('reviews', () => {
  let t: TestApp;
  let db: Client;
  let mediaDir: string;
  let owner: TestBrowser;
  let id: string;

  async function account(label: string, role?: string): Promise<TestBrowser> {
    const browser = new TestBrowser(t.baseUrl);
    const email = uniqueEmail(label.toLowerCase().replace(/\W+/g, '-'));
    const res = await browser.signUp(email, 'correct horse battery', label, role);
    expect(res.status).toBe(201);
    (browser as TestBrowser & { email: string }).email = email;
    return browser;
  }
  const emailOf = (b: TestBrowser) => (b as TestBrowser & { email: string }).email;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mockroom-review-'));
    mediaDir = join(dataDir, 'media');
    t = await startTestApp({
      MOCKROOM_WORKER_IN_PROCESS: 'true',
      MOCKROOM_DATA_DIR: dataDir,
      DECISION_BUDGET_MS: '3000',
    });
    db = new Client({ connectionString: t.db.url });
    await db.connect();
    owner = await account('Candidate One');
    const taken = await takeSpokenInterview(
      t.baseUrl,
      owner.cookieHeader(),
      async (body) => {
        const res = await owner.post('/api/interviews', body);
        expect(res.status).toBe(201);
        return res.body as { id: string };
      },
      { questionIds: QUESTIONS, answers: ANSWERS },
    );
    id = taken.id;
    expect(taken.snapshot.interview.status).toBe('completed');
  }, 300_000);

  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('mixes the session audio in the background when the interview ends, before anyone opens the review', async () => {
    // The job writes the mix, then is marked completed: wait for both.
    const mixJobs = async () =>
      (await t.app.get(JobQueueService).queue(QueueName.Maintenance).getJobs(['completed'])).filter(
        (j) => j.name === JobName.MixSessionAudio && j.data.interviewId === id,
      );
    const deadline = Date.now() + 20_000;
    while ((!existsSync(join(mediaDir, id, 'session.json')) || (await mixJobs()).length === 0) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(join(mediaDir, id, 'session.wav'))).toBe(true);
    expect((await mixJobs()).length).toBeGreaterThan(0);
  });

  it('shows every question with scores, reasons, rubric evidence highlighted in the transcript, and insights', async () => {
    const res = await owner.get(`/api/interviews/${id}/review`);
    expect(res.status).toBe(200);
    const review = res.body as Review;
    expect(review.access).toBe('owner');
    expect(review.interview.status).toBe('completed');
    expect(review.questions.map((q) => q.questionId)).toEqual(QUESTIONS);

    // Both voices in the transcript, in time order.
    expect(review.transcript.some((l) => l.speaker === 'interviewer')).toBe(true);
    expect(review.transcript.some((l) => l.speaker === 'candidate')).toBe(true);
    for (let i = 1; i < review.transcript.length; i++)
      expect(review.transcript[i].startMs).toBeGreaterThanOrEqual(review.transcript[i - 1].startMs);

    for (const question of review.questions) {
      expect(question.asked).toBe(true);
      expect(question.sampleAnswer).toEqual(expect.any(String));
      expect(question.answers).toHaveLength(1);
      const [answer] = question.answers;
      expect(answer.scores?.overall).toEqual(expect.any(Number));
      expect(answer.reasons?.depth).toEqual(expect.any(String));
      expect(answer.analytics?.wordsPerMinute).toBeGreaterThan(0);
      expect(question.scores).toEqual(answer.scores);
    }

    // Every covered point's evidence is highlighted in the candidate's lines, on the very words quoted.
    const covered = review.questions.flatMap((q) => q.answers.flatMap((a) => a.rubric.filter((p) => p.covered)));
    expect(covered.length).toBeGreaterThan(0);
    const lines = new Map(review.transcript.map((l) => [l.seq, l]));
    for (const point of covered) {
      expect(point.evidence?.spans.length).toBeGreaterThan(0);
      const quoted = point.evidence!.spans.map((s) => lines.get(s.seq)!.text.slice(s.start, s.end)).join(' ');
      expect(quoted).toBe(point.evidence!.quote);
      for (const span of point.evidence!.spans) {
        expect(lines.get(span.seq)!.speaker).toBe('candidate');
        expect(lines.get(span.seq)!.highlights).toContainEqual({
          start: span.start,
          end: span.end,
          pointId: point.pointId,
        });
      }
      expect(point.evidence!.startMs).toBeGreaterThanOrEqual(lines.get(point.evidence!.spans[0].seq)!.startMs);
    }

    expect(review.scores?.overall).toEqual(expect.any(Number));
    expect(review.insights.workOn.length + review.insights.strengths.length).toBeGreaterThan(0);
  });

  it('mixes both voices into one seekable recording with a waveform per voice', async () => {
    const review = (await owner.get(`/api/interviews/${id}/review`)).body as Review;
    const audio = review.audio!;
    expect(audio.url).toBe(`/api/interviews/${id}/audio`);
    expect(audio.peaks.candidate.length).toBe(audio.peaks.interviewer.length);
    expect(audio.peaks.candidate.length).toBe(Math.ceil(audio.durationMs / audio.bucketMs));
    const level = (speaker: 'candidate' | 'interviewer', atMs: number) =>
      audio.peaks[speaker][Math.floor(atMs / audio.bucketMs)];
    // The interviewer is heard while asking the first question, the candidate while answering it.
    const question = review.transcript.find((l) => l.speaker === 'interviewer' && l.questionIndex === 0)!;
    const answer = review.transcript.find((l) => l.speaker === 'candidate')!;
    expect(level('interviewer', (question.startMs + question.endMs) / 2)).toBeGreaterThan(0.05);
    expect(level('candidate', (answer.startMs + answer.endMs) / 2)).toBeGreaterThan(0.05);

    const whole = await fetch(`${t.baseUrl}${audio.url}`, { headers: { cookie: owner.cookieHeader() } });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/wav');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    const wav = decodeWav(Buffer.from(await whole.arrayBuffer()));
    expect(wav.sampleRate).toBe(16_000);
    expect(Math.abs((wav.frames / 16_000) * 1000 - audio.durationMs)).toBeLessThanOrEqual(1);

    const part = await fetch(`${t.baseUrl}${audio.url}`, {
      headers: { cookie: owner.cookieHeader(), range: 'bytes=44-1043' },
    });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toMatch(/^bytes 44-1043\/\d+$/);
    expect((await part.arrayBuffer()).byteLength).toBe(1000);

    // Asking again reuses the stored mix.
    const again = (await owner.get(`/api/interviews/${id}/review`)).body as Review;
    expect(again.audio).toEqual(audio);
    const stranger = await account('Stranger');
    expect((await stranger.get(audio.url)).status).toBe(403);
  });

  it('exports the review as Markdown and PDF', async () => {
    const md = await fetch(`${t.baseUrl}/api/interviews/${id}/review.md`, {
      headers: { cookie: owner.cookieHeader() },
    });
    expect(md.status).toBe(200);
    expect(md.headers.get('content-disposition')).toMatch(/attachment; filename="mockroom-review-.*\.md"/);
    const text = await md.text();
    expect(text).toContain('authentication and sessions');
    expect(text).toMatch(/REST and GraphQL/);

    const pdf = await fetch(`${t.baseUrl}/api/interviews/${id}/review.pdf`, {
      headers: { cookie: owner.cookieHeader() },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).toString('latin1', 0, 5)).toBe('%PDF-');
  });

  it('shares read-only with an interviewer by address, answering alike for every address, and revokes', async () => {
    const mentor = await account('Mentor', 'interviewer');
    const otherMentor = await account('Other Mentor', 'interviewer');
    const peer = await account('Peer');

    // The same answer whether an address has no account, a candidate's or an interviewer's: nothing to enumerate.
    const replies = await Promise.all(
      [uniqueEmail('nobody'), emailOf(peer), emailOf(otherMentor)].map((email) =>
        owner.post(`/api/interviews/${id}/shares`, { email }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201]);
    for (const reply of replies) expect(Object.keys(reply.body).sort()).toEqual(['createdAt', 'email', 'id']);
    expect((await owner.post(`/api/interviews/${id}/shares`, { email: 'not an email' })).status).toBe(400);
    expect((await owner.post(`/api/interviews/${id}/shares`, { email: emailOf(owner) })).status).toBe(400);
    expect((await owner.post(`/api/interviews/${id}/shares`, { email: emailOf(mentor) }, { csrf: false })).status).toBe(
      403,
    );

    const shared = await owner.post(`/api/interviews/${id}/shares`, { email: emailOf(mentor) });
    expect(shared.status).toBe(201);
    expect(shared.body).toMatchObject({ email: emailOf(mentor) });
    expect((await owner.post(`/api/interviews/${id}/shares`, { email: emailOf(mentor).toUpperCase() })).status).toBe(
      200,
    );
    expect(
      (await db.query('SELECT count(*)::int AS n FROM interview_shares WHERE interview_id = $1', [id])).rows[0].n,
    ).toBe(4);

    // The mentor reads it and finds it in their list; they cannot share, delete or join it.
    const seen = await mentor.get(`/api/interviews/${id}/review`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ access: 'shared', shares: [] });
    expect(((await mentor.get('/api/interviews')).body as InterviewSummary[]).map((i) => i.id)).toContain(id);
    expect((await mentor.get(`/api/interviews/${id}/review.md`)).status).toBe(200);
    expect((await mentor.post(`/api/interviews/${id}/shares`, { email: uniqueEmail('x') })).status).toBe(403);
    expect((await mentor.request('DELETE', `/api/interviews/${id}`)).status).toBe(403);

    // A share opens the review to an interviewer's account only: the candidate's account at a shared address gets nothing.
    const denied = await peer.get(`/api/interviews/${id}/review`);
    expect(denied.status).toBe(403);
    expect((await peer.get(`/api/interviews/${id}/audio`)).status).toBe(403);
    expect((await peer.get(`/api/interviews/${id}/review.pdf`)).status).toBe(403);
    expect(((await peer.get('/api/interviews')).body as InterviewSummary[]).map((i) => i.id)).not.toContain(id);

    // An interviewer who signs up later at a shared address finds it.
    const later = uniqueEmail('later-mentor');
    expect((await owner.post(`/api/interviews/${id}/shares`, { email: later })).status).toBe(201);
    const newcomer = new TestBrowser(t.baseUrl);
    await newcomer.signUp(later, 'correct horse battery', 'Late Mentor', 'interviewer');
    expect((await newcomer.get(`/api/interviews/${id}/review`)).status).toBe(200);

    // Revoking takes access back at once.
    const shares = (await owner.get(`/api/interviews/${id}/shares`)).body as ShareInfo[];
    expect(shares.map((s) => s.email)).toContain(emailOf(mentor));
    const mentorShare = shares.find((s) => s.email === emailOf(mentor))!;
    expect((await owner.request('DELETE', `/api/interviews/${id}/shares/${mentorShare.id}`)).status).toBe(204);
    expect((await owner.request('DELETE', `/api/interviews/${id}/shares/${mentorShare.id}`)).status).toBe(404);
    expect((await owner.request('DELETE', `/api/interviews/${id}/shares/not-a-uuid`)).status).toBe(404);
    expect((await mentor.get(`/api/interviews/${id}/review`)).status).toBe(403);
    for (const share of shares.filter((s) => s.id !== mentorShare.id))
      expect((await owner.request('DELETE', `/api/interviews/${id}/shares/${share.id}`)).status).toBe(204);
  });

  it('shares only finished interviews, and nothing of a live one reaches a viewer it was shared with', async () => {
    const mentor = await account('Live Mentor', 'interviewer');
    const running = await owner.post('/api/interviews', { questionIds: ['rest-vs-graphql'] });
    expect(running.status).toBe(201);
    const liveId = running.body.id as string;
    const refused = await owner.post(`/api/interviews/${liveId}/shares`, { email: emailOf(mentor) });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/not finished yet/);
    // A share made some other way (an older version allowed it) opens nothing while the interview runs.
    await db.query(`UPDATE interviews SET status = 'live' WHERE id = $1`, [liveId]);
    await db.query(`INSERT INTO interview_shares (interview_id, email) VALUES ($1, $2)`, [
      liveId,
      emailOf(mentor).toLowerCase(),
    ]);
    for (const path of ['', '/review', '/audio', '/prompts/1/audio'])
      expect({ path, status: (await mentor.get(`/api/interviews/${liveId}${path}`)).status }).toEqual({
        path,
        status: 403,
      });
    expect(((await mentor.get('/api/interviews')).body as InterviewSummary[]).map((i) => i.id)).not.toContain(liveId);
    await db.query(`DELETE FROM interviews WHERE id = $1`, [liveId]);
  });

  it('charts progress across finished sessions and filters the history', async () => {
    const progress = (await owner.get('/api/progress')).body as Progress;
    expect(progress.sessions).toHaveLength(1);
    expect(progress.sessions[0]).toMatchObject({ id, answers: 2, scores: { overall: expect.any(Number) } });
    expect(progress.categories.length).toBeGreaterThan(0);
    for (const category of progress.categories) expect(category.first).toBe(category.last);

    const today = new Date().toISOString().slice(0, 10);
    const ids = async (query: string) =>
      ((await owner.get(`/api/interviews${query}`)).body as InterviewSummary[]).map((i) => i.id);
    expect(await ids(`?from=${today}&to=${today}`)).toEqual([id]);
    expect(await ids('?to=2000-01-01')).toEqual([]);
    expect(await ids('?trackId=some-other-track')).toEqual([]);
    expect((await owner.get('/api/interviews?from=2026-02-30')).status).toBe(400);
    expect((await owner.get('/api/interviews?from=2026-02-03&to=2026-02-01')).status).toBe(400);
    expect((await owner.get('/api/interviews?from=yesterday')).status).toBe(400);
  });

  it('has no review while the interview runs, and cannot be deleted then', async () => {
    const created = await owner.post('/api/interviews', { questionIds: ['rest-vs-graphql'] });
    expect((await owner.get(`/api/interviews/${created.body.id}/review`)).status).toBe(409);
    await db.query(`UPDATE interviews SET status = 'live', started_at = now() WHERE id = $1`, [created.body.id]);
    const refused = await owner.request('DELETE', `/api/interviews/${created.body.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/end it before deleting/);
  });

  it('deletes the interview with its recording, transcript and scores', async () => {
    expect(existsSync(join(mediaDir, id, 'session.wav'))).toBe(true);
    const someoneElse = await account('Someone Else');
    expect((await someoneElse.request('DELETE', `/api/interviews/${id}`)).status).toBe(403);
    expect((await owner.request('DELETE', `/api/interviews/${id}`, undefined, { csrf: false })).status).toBe(403);

    expect((await owner.request('DELETE', `/api/interviews/${id}`)).status).toBe(204);
    expect(existsSync(join(mediaDir, id))).toBe(false);
    for (const table of [
      'interviews',
      'interview_prompts',
      'interview_answers',
      'transcript_segments',
      'recordings',
      'interview_shares',
    ]) {
      const column = table === 'interviews' ? 'id' : 'interview_id';
      expect((await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [id])).rows[0].n).toBe(0);
    }
    expect((await owner.get(`/api/interviews/${id}/review`)).status).toBe(404);
    expect((await owner.request('DELETE', `/api/interviews/${id}`)).status).toBe(404);
    expect(((await owner.get('/api/progress')).body as Progress).sessions).toEqual([]);
  });
});
