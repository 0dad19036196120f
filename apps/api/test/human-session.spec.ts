import type {
  AgreementReport,
  LiveTranscriptSegment,
  ConsoleState,
  HumanSession,
  InterviewerNote,
  InterviewerScore,
  InterviewSnapshot,
  InterviewSummary,
  InvitationInfo,
  Participant,
  Progress,
  Prompt,
  QuestionChecklist,
  Review,
  SocketError,
  TranscriptSegment,
  TurnState,
} from '@mockroom/contracts';
import { RubricEngine } from '@mockroom/assessment';
import { QuestionBank } from '@mockroom/question-bank';
import { InterviewRepository } from '@mockroom/server-database';
import { concatPcm, LiveClient, silence, speakSentences } from '@mockroom/server-testing';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

/**
 * A session run by a human interviewer on the built-in transport: invitation, both voices relayed and transcribed with
 * their speaker, the checklist ticking itself, console commands, and nothing of the rubric, scores or private notes
 * reaching the candidate's socket.
 */
type Ack<T> = T | { error: SocketError };

const QUESTION = 'authentication-sessions-end-to-end';
const INTERVIEWER_SAYS = 'Welcome. Please walk me through how authentication and sessions work, end to end.';
const CANDIDATE_SAYS =
  'The user sends credentials over HTTPS. The server hashes the password with bcrypt and compares it to the stored hash. ' +
  'Then it creates a session and sets the session ID in an HTTP only secure cookie.';
const PRIVATE_NOTE = 'Private: hesitant on token rotation, probe next time';
const SHARED_NOTE = 'Shared: clear structure, mention refresh tokens';

describe('human interviewer session (built-in transport)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      MOCKROOM_WORKER_IN_PROCESS: 'true',
      MOCKROOM_DATA_DIR: mkdtempSync(join(tmpdir(), 'mockroom-human-')),
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

  it('invites one candidate: the link works once, for someone other than the interviewer', async () => {
    const interviewer = await account('Ivy Interviewer', 'interviewer');
    const candidate = await account('Cam Candidate');
    const late = await account('Late Larry');

    expect((await candidate.post('/api/sessions', { questionIds: [QUESTION] })).status).toBe(403);
    expect((await interviewer.post('/api/sessions', { questionIds: [QUESTION], scheduledAt: 'tomorrow' })).status).toBe(
      400,
    );
    const created = await interviewer.post('/api/sessions', {
      questionIds: [QUESTION],
      scheduledAt: '2026-12-01T15:00:00Z',
    });
    expect(created.status).toBe(201);
    const session = created.body as HumanSession;
    expect(session.invitePath).toMatch(/^\/join\/[A-Za-z0-9_-]{20,}$/);
    expect(session).toMatchObject({
      scheduledAt: '2026-12-01T15:00:00.000Z',
      candidateJoined: false,
      interview: { interviewer: { kind: 'human', name: 'Ivy Interviewer' }, candidate: null },
    });
    const token = session.invitePath!.split('/').pop()!;

    expect((await candidate.get(`/api/invitations/${token}`)).body).toMatchObject({
      state: 'open',
      interviewer: { name: 'Ivy Interviewer' },
    } satisfies Partial<InvitationInfo>);
    expect((await candidate.get('/api/invitations/not-a-real-token-at-all-123')).status).toBe(404);
    expect((await interviewer.post(`/api/invitations/${token}/accept`)).status).toBe(400);
    // The candidate cannot open the session before accepting.
    expect((await candidate.get(`/api/interviews/${session.interview.id}`)).status).toBe(403);

    const accepted = await candidate.post(`/api/invitations/${token}/accept`);
    expect(accepted.status).toBe(201);
    expect(accepted.body.candidate.name).toBe('Cam Candidate');
    expect((await candidate.post(`/api/invitations/${token}/accept`)).status).toBe(201); // again: still theirs
    expect((await late.post(`/api/invitations/${token}/accept`)).status).toBe(409);
    expect((await late.get(`/api/invitations/${token}`)).body.state).toBe('taken');
    expect((await late.get(`/api/interviews/${session.interview.id}`)).status).toBe(403);
    // Once accepted, the interviewer no longer gets the link.
    expect(
      ((await interviewer.get(`/api/sessions/${session.interview.id}`)).body as HumanSession).invitePath,
    ).toBeNull();

    // Another interviewer neither opens the session nor sees it listed.
    const otherInterviewer = await account('Oz Interviewer', 'interviewer');
    expect((await otherInterviewer.get(`/api/sessions/${session.interview.id}`)).status).toBe(403);
    expect(((await otherInterviewer.get('/api/interviews')).body as { id: string }[]).map((i) => i.id)).not.toContain(
      session.interview.id,
    );
    expect(((await interviewer.get('/api/interviews')).body as { id: string }[]).map((i) => i.id)).toContain(
      session.interview.id,
    );
    expect(((await candidate.get('/api/interviews')).body as { id: string }[]).map((i) => i.id)).toContain(
      session.interview.id,
    );

    const outsider = await connect(late);
    const refused = await outsider.emitAck<Ack<InterviewSnapshot>>('interview:join', session.interview.id);
    expect(refused).toMatchObject({ error: { code: 'not-your-session' } });
    outsider.close();
  });

  it('gives invitation links an expiry, and a new link revokes the old one', async () => {
    const interviewer = await account('Ina Interviewer', 'interviewer');
    const candidate = await account('Cy Candidate');
    const soon = (await interviewer.post('/api/sessions', { questionIds: [QUESTION] })).body as HumanSession;
    const days = (iso: string | null | undefined) => (new Date(iso!).getTime() - Date.now()) / 86_400_000;
    expect(days(soon.inviteExpiresAt)).toBeGreaterThan(6.9);
    expect(days(soon.inviteExpiresAt)).toBeLessThan(7.1);
    // A session planned further out keeps its link until a day after its time.
    const later = (
      await interviewer.post('/api/sessions', {
        questionIds: [QUESTION],
        scheduledAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      })
    ).body as HumanSession;
    expect(days(later.inviteExpiresAt)).toBeGreaterThan(30.9);

    const id = soon.interview.id;
    const first = soon.invitePath!.split('/').pop()!;
    const renewed = await interviewer.post(`/api/sessions/${id}/invitation`);
    expect(renewed.status).toBe(201);
    const second = (renewed.body as HumanSession).invitePath!.split('/').pop()!;
    expect(second).not.toBe(first);
    expect((await candidate.get(`/api/invitations/${first}`)).status).toBe(404);
    expect((await candidate.post(`/api/invitations/${first}/accept`)).status).toBe(404);
    expect((await candidate.get(`/api/invitations/${second}`)).body.state).toBe('open');
    expect(((await interviewer.get(`/api/sessions/${id}`)).body as HumanSession).invitePath).toBe(`/join/${second}`);
    // Only its interviewer makes new links.
    expect((await candidate.post(`/api/sessions/${id}/invitation`)).status).toBe(403);
    expect(
      (await (await account('Other Interviewer', 'interviewer')).post(`/api/sessions/${id}/invitation`)).status,
    ).toBe(403);

    // Expired: the link says so, and a new one works.
    const db = new Client({ connectionString: t.db.url });
    await db.connect();
    await db.query(`UPDATE interviews SET invite_expires_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    await db.end();
    const expired = await candidate.post(`/api/invitations/${second}/accept`);
    expect(expired.status).toBe(410);
    expect(expired.body.message).toMatch(/expired\. Ask your interviewer for a new one/);
    const third = ((await interviewer.post(`/api/sessions/${id}/invitation`)).body as HumanSession)
      .invitePath!.split('/')
      .pop()!;
    expect((await candidate.post(`/api/invitations/${third}/accept`)).status).toBe(201);
    // Once someone accepted, there is no link to renew.
    expect((await interviewer.post(`/api/sessions/${id}/invitation`)).status).toBe(409);
  });

  it('keeps an unstarted session open for its day while idle AI interviews are abandoned', async () => {
    const interviewer = await account('Sam Scheduler', 'interviewer');
    const candidate = await account('Pat Practiser');
    const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const scheduled = (
      (await interviewer.post('/api/sessions', { questionIds: [QUESTION], scheduledAt: nextWeek })).body as HumanSession
    ).interview.id;
    const stale = (
      (await interviewer.post('/api/sessions', { questionIds: [QUESTION], scheduledAt: '2020-01-01T10:00:00Z' }))
        .body as HumanSession
    ).interview.id;
    const aiInterview = (await candidate.post('/api/interviews', { questionIds: [QUESTION] })).body.id as string;

    const abandoned = await t.app.get(InterviewRepository).abandonIdle(new Date(Date.now() + 60_000));
    expect(abandoned).toEqual(expect.arrayContaining([stale, aiInterview]));
    expect(abandoned).not.toContain(scheduled);
    expect(((await interviewer.get(`/api/sessions/${scheduled}`)).body as HumanSession).interview.status).toBe(
      'created',
    );
  });

  it("ticks the console's checklist by what the candidate said, as the recogniser heard it", async () => {
    // A new user's first hour: "clock skew" said but not ticked, "fail open" ticked on unrelated words.
    const interviewer = await account('Rita Ratelimit', 'interviewer');
    const candidate = await account('Carl Clockskew');
    const session = (await interviewer.post('/api/sessions', { questionIds: ['distributed-rate-limiter'] }))
      .body as HumanSession;
    const id = session.interview.id;
    await candidate.post(`/api/invitations/${session.invitePath!.split('/').pop()}/accept`);
    const lead = await connect(interviewer);
    const cand = await connect(candidate);
    ok(await lead.emitAck<Ack<InterviewSnapshot>>('interview:join', id));
    ok(await cand.emitAck<Ack<InterviewSnapshot>>('interview:join', id));
    ok(await lead.emitAck<Ack<TurnState>>('interview:start'));
    ok(await lead.emitAck<Ack<Prompt>>('console:show', { kind: 'question', questionIndex: 0 }));
    ok(await cand.emitAck('audio:start', { streamId: 'skew-stream', sampleRate: 16_000 }));
    const answer = speakSentences(
      'I would use a token bucket per user stored in Redis. Each request takes a token, and tokens refill at a fixed rate. ' +
        'The check and the decrement must be atomic, so I would run them in a Lua script to avoid the race condition. ' +
        'Servers may disagree about the time, so clock skew matters; I would use the Redis server time. ' +
        'If a login fails, the user can open the page again later.',
    );
    await cand.streamPcm(concatPcm(silence(300), answer, silence(2500)), { speed: 2 });
    const segments = () =>
      lead.all('transcript:segment').filter((s) => (s as TranscriptSegment).speaker === 'candidate').length;
    await lead.waitFor('transcript:segment', () => segments() >= 4, 90_000);
    await lead.waitFor(
      'checklist:update',
      (c) => (c as QuestionChecklist).points.some((p) => /clock skew/.test(p.text) && p.auto),
      60_000,
    );
    // The checklist after the last words were judged.
    await new Promise((r) => setTimeout(r, 1500));
    const checklist = (lead.all('checklist:update') as QuestionChecklist[]).at(-1)!;
    const heard = lead
      .all('transcript:segment')
      .map((s) => (s as TranscriptSegment).text)
      .join(' / ');
    const skew = checklist.points.find((p) => /clock skew/.test(p.text))!;
    const failOpen = checklist.points.find((p) => /fail open/.test(p.text))!;
    expect({ heard, skew: skew.auto, evidence: skew.evidence }).toMatchObject({
      skew: true,
      evidence: expect.stringMatching(/clock|skew/i),
    });
    expect({ heard, failOpen: failOpen.auto, evidence: failOpen.evidence }).toMatchObject({
      failOpen: false,
      evidence: null,
    });
    // A ticked point's quote holds the point's own words, never a neighbouring point's.
    const engine = new RubricEngine();
    const q = QuestionBank.load().get('distributed-rate-limiter')!;
    for (const p of checklist.points.filter((x) => x.auto))
      expect({
        point: p.text,
        evidence: p.evidence,
        supports: engine.quoteSupports(q, p.pointId, p.evidence ?? ''),
      }).toMatchObject({ supports: true });
    ok(await lead.emitAck<Ack<InterviewSnapshot>>('interview:end'));
    lead.close();
    cand.close();
  }, 180_000);

  it('relays and transcribes both voices, ticks the checklist, and keeps the console to the interviewer', async () => {
    const interviewer = await account('Ivy Interviewer', 'interviewer');
    const candidate = await account('Cam Candidate');
    const session = (await interviewer.post('/api/sessions', { questionIds: [QUESTION, 'rest-vs-graphql'] }))
      .body as HumanSession;
    const id = session.interview.id;
    await candidate.post(`/api/invitations/${session.invitePath!.split('/').pop()}/accept`);

    const lead = await connect(interviewer);
    const cand = await connect(candidate);
    const joined = ok(await lead.emitAck<Ack<InterviewSnapshot>>('interview:join', id));
    expect(joined.interview.status).toBe('created');
    ok(await cand.emitAck<Ack<InterviewSnapshot>>('interview:join', id));
    const state = (await lead.waitFor('console:state')) as ConsoleState;
    expect(state.checklists[0].points.length).toBeGreaterThan(2);
    await lead.waitFor('presence', (p) => (p as Participant[]).filter((x) => x.connected).length === 2);

    // The candidate cannot lead.
    expect(await cand.emitAck('interview:start')).toMatchObject({ error: { code: 'not-interviewer' } });
    expect(await cand.emitAck('console:show', { kind: 'question', questionIndex: 1 })).toMatchObject({
      error: { code: 'not-interviewer' },
    });
    expect(await cand.emitAck('console:note', { questionIndex: 0, text: 'x', visibility: 'shared' })).toMatchObject({
      error: { code: 'not-interviewer' },
    });
    expect(await cand.emitAck('answer:done')).toMatchObject({ error: { code: 'bad-request' } });

    // Starting shows no question by itself; the interviewer shows the first one when ready.
    expect(ok(await lead.emitAck<Ack<TurnState>>('interview:start'))).toMatchObject({ phase: 'waiting' });
    const started = ok(await cand.emitAck<Ack<InterviewSnapshot>>('interview:join', id));
    expect(started.interview.status).toBe('live');
    expect(started.prompts).toEqual([]);
    expect(cand.all('prompt')).toHaveLength(0);
    // The candidate does not learn the questions ahead: the plan names only those asked (the interviewer's, all).
    expect(started.plan.questionIds).toEqual([]);
    expect(started.interview.questionCount).toBe(2);
    expect(ok(await lead.emitAck<Ack<InterviewSnapshot>>('interview:join', id)).plan.questionIds).toEqual([
      QUESTION,
      'rest-vs-graphql',
    ]);
    ok(await lead.emitAck<Ack<Prompt>>('console:show', { kind: 'question', questionIndex: 0 }));
    const first = (await cand.waitFor('prompt')) as Prompt;
    expect(first).toMatchObject({ kind: 'question', questionIndex: 0 });
    expect(ok(await cand.emitAck<Ack<InterviewSnapshot>>('interview:join', id)).plan.questionIds).toEqual([QUESTION]);
    expect(((await candidate.get(`/api/interviews/${id}`)).body as InterviewSnapshot).plan.questionIds).toEqual([
      QUESTION,
    ]);

    ok(await lead.emitAck('audio:start', { streamId: 'lead-stream', sampleRate: 16_000 }));
    ok(await cand.emitAck('audio:start', { streamId: 'cand-stream', sampleRate: 16_000 }));
    const question = speakSentences(INTERVIEWER_SAYS);
    const answer = speakSentences(CANDIDATE_SAYS);
    // The interviewer speaks, then listens; the candidate listens, then answers. Both microphones send all along.
    await Promise.all([
      lead.streamPcm(concatPcm(silence(300), question, silence(answer.length / 16 + 3000)), { speed: 2 }),
      cand.streamPcm(concatPcm(silence(300 + question.length / 16 + 500), answer, silence(2500)), { speed: 2 }),
    ]);

    // Each side heard the other (relayed frames), never itself.
    expect(cand.all('audio:relay').length).toBeGreaterThan(50);
    expect(cand.all('audio:relay').every((a) => a.speaker === 'interviewer')).toBe(true);
    expect(lead.all('audio:relay').every((a) => a.speaker === 'candidate')).toBe(true);

    const heard = (speaker: string) => (s: TranscriptSegment) => s.speaker === speaker;
    await lead.waitFor('transcript:segment', heard('interviewer'), 60_000);
    await lead.waitFor('transcript:segment', heard('candidate'), 60_000);
    // Both voices were transcribed while they were spoken (only each segment's end was left to decode).
    expect(lead.all('transcript:segment').every((s) => (s as LiveTranscriptSegment).streamed)).toBe(true);
    const ticked = (await lead.waitFor(
      'checklist:update',
      (c) => (c as QuestionChecklist).points.some((p) => p.auto),
      60_000,
    )) as QuestionChecklist;
    const point = ticked.points.find((p) => p.auto)!;
    expect(point.evidence).toEqual(expect.any(String));

    // The interviewer's word over the engine's.
    const overridden = ok(
      await lead.emitAck<Ack<QuestionChecklist>>('console:rubric', {
        questionIndex: 0,
        pointId: point.pointId,
        covered: false,
      }),
    );
    expect(overridden.points.find((p) => p.pointId === point.pointId)).toMatchObject({
      auto: true,
      override: false,
      covered: false,
    });
    expect(await lead.emitAck('console:rubric', { questionIndex: 0, pointId: 'nope', covered: true })).toMatchObject({
      error: { code: 'bad-request' },
    });
    const scored = ok(
      await lead.emitAck<Ack<InterviewerScore>>('console:score', {
        questionIndex: 0,
        scores: { relevance: 8, depth: 6.5, clarity: 7, correctness: 9 },
      }),
    );
    expect(scored.scores.depth).toBe(6.5);
    expect(
      await lead.emitAck('console:score', {
        questionIndex: 0,
        scores: { relevance: 11, depth: 6, clarity: 7, correctness: 9 },
      }),
    ).toMatchObject({ error: { code: 'bad-request' } });
    ok(
      await lead.emitAck<Ack<InterviewerNote>>('console:note', {
        questionIndex: 0,
        text: PRIVATE_NOTE,
        visibility: 'private',
      }),
    );
    ok(
      await lead.emitAck<Ack<InterviewerNote>>('console:note', {
        questionIndex: 0,
        text: SHARED_NOTE,
        visibility: 'shared',
      }),
    );

    // Bad input is refused before it changes anything: the candidate's answer stays open.
    const prompts = cand.all('prompt').length;
    const openBefore = (await lead.emitAck<Ack<InterviewSnapshot>>('interview:join', id)) as InterviewSnapshot;
    expect(
      await lead.emitAck('console:show', { kind: 'follow-up', questionIndex: 0, text: 'Why\u0000?' }),
    ).toMatchObject({ error: { code: 'bad-request', message: 'The message contains a NUL character.' } });
    expect(
      await lead.emitAck('console:show', { kind: 'follow-up', questionIndex: 0, text: 'Why\u202E?' }),
    ).toMatchObject({ error: { code: 'bad-request', message: 'The follow-up contains control characters.' } });
    expect(
      await lead.emitAck('console:note', {
        questionIndex: 0,
        text: 'x',
        visibility: 'shared',
        extra: JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`),
      }),
    ).toMatchObject({ error: { code: 'bad-request', message: expect.stringMatching(/nested too deeply/) } });
    const openAfter = (await lead.emitAck<Ack<InterviewSnapshot>>('interview:join', id)) as InterviewSnapshot;
    expect(openAfter.turn).toMatchObject({
      phase: 'listening',
      answerId: openBefore.turn.answerId,
      currentPromptSeq: openBefore.turn.currentPromptSeq,
    });
    expect(cand.all('prompt')).toHaveLength(prompts);

    // A follow-up on the candidate's screen.
    ok(
      await lead.emitAck<Ack<Prompt>>('console:show', {
        kind: 'follow-up',
        questionIndex: 0,
        text: 'How would you handle token rotation?',
      }),
    );
    expect(((await cand.waitFor('prompt', (p) => (p as Prompt).kind === 'follow-up')) as Prompt).text).toBe(
      'How would you handle token rotation?',
    );

    // On to question 2, and back to question 1: an earlier question can be shown again.
    ok(await lead.emitAck<Ack<Prompt>>('console:show', { kind: 'question', questionIndex: 1 }));
    const back = ok(await lead.emitAck<Ack<Prompt>>('console:show', { kind: 'question', questionIndex: 0 }));
    expect(back).toMatchObject({ kind: 'question', questionIndex: 0 });
    expect(((await cand.waitFor('prompt', (p) => (p as Prompt).seq === back.seq)) as Prompt).text).toBe(first.text);

    const ended = ok(await lead.emitAck<Ack<InterviewSnapshot>>('interview:end'));
    expect(ended.interview.status).toBe('completed');
    await cand.waitFor('interview:completed', () => true, 60_000);

    // Nothing of the console ever reached the candidate's socket.
    const candidateEvents = new Set(cand.received.map((r) => r.event));
    for (const event of ['console:state', 'checklist:update', 'answer:assessed', 'candidate:listening'])
      expect(candidateEvents.has(event)).toBe(false);
    // The interviewer heard, after the candidate spoke, whether they seemed done or still thinking.
    expect(lead.all('candidate:listening')[0]).toMatchObject({
      questionIndex: 0,
      state: expect.stringMatching(/^(done|unsure|mid-thought|asked-for-time)$/),
      reasons: expect.any(Array),
    });
    const liveTraffic = JSON.stringify(
      cand.received
        .filter((r) => r.event !== 'interview:completed')
        .map((r) => [r.event, r.event === 'audio:relay' ? null : r.args]),
    );
    expect(liveTraffic).not.toContain(PRIVATE_NOTE);
    expect(liveTraffic).not.toContain(SHARED_NOTE);
    expect(liveTraffic).not.toContain('"rubric":[{');
    expect(JSON.stringify(cand.received.map((r) => (r.event === 'audio:relay' ? null : r.args)))).not.toContain(
      PRIVATE_NOTE,
    );

    // The review: both voices, the interviewer's scores and shared note beside the engine's; the private note only for the interviewer.
    const review = (await candidate.get(`/api/interviews/${id}/review`)).body as Review;
    expect(
      review.transcript.some(
        (l) => l.speaker === 'interviewer' && l.answerId === null && /authentication|sessions|welcome/i.test(l.text),
      ),
    ).toBe(true);
    expect(review.transcript.some((l) => l.speaker === 'candidate')).toBe(true);
    expect(review.interviewer?.scores[0]).toMatchObject({ questionIndex: 0, overall: 7.6 });
    expect(review.interviewer?.notes.map((n) => n.text)).toEqual([SHARED_NOTE]);
    expect(review.questions[0].answers[0].scores?.overall).toEqual(expect.any(Number));
    expect(review.audio?.peaks.interviewer.some((v) => v > 0.05)).toBe(true);
    expect(review.audio?.peaks.candidate.some((v) => v > 0.05)).toBe(true);
    const own = (await interviewer.get(`/api/interviews/${id}/review`)).body as Review;
    expect(own.interviewer?.notes.map((n) => n.text)).toEqual([PRIVATE_NOTE, SHARED_NOTE]);
    // The exports say the same: the candidate's has the shared note only.
    const candidateMd = (await candidate.get(`/api/interviews/${id}/review.md`)).body as string;
    expect(candidateMd).toContain("Ivy Interviewer's assessment");
    expect(candidateMd).toContain(SHARED_NOTE.replace(':', ':'));
    expect(candidateMd).not.toContain('token rotation, probe');
    const interviewerMd = (await interviewer.get(`/api/interviews/${id}/review.md`)).body as string;
    expect(interviewerMd).toContain('*(private)* Private: hesitant on token rotation');

    // Admins see how the engine agreed with the interviewer: this question's scores on both sides, and the difference.
    const admin = await account('Ada Admin');
    const roles = new Client({ connectionString: t.db.url });
    await roles.connect();
    await roles.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [
      ((await admin.get('/api/auth/me')).body as { id: string }).id,
    ]);
    await roles.end();
    for (const who of [candidate, interviewer]) expect((await who.get('/api/reports/agreement')).status).toBe(403);
    const report = (await admin.get('/api/reports/agreement')).body as AgreementReport;
    const mine = report.disagreements.find((d) => d.interviewId === id)!;
    const engine = review.questions[0].answers.at(-1)!.scores!;
    expect(mine).toMatchObject({
      questionIndex: 0,
      interviewer: 'Ivy Interviewer',
      human: { relevance: 8, depth: 6.5, clarity: 7, correctness: 9, overall: 7.6 },
      engine,
    });
    expect(mine.difference).toBeCloseTo(Math.abs(engine.overall - 7.6), 2);
    expect(report.pairs).toBeGreaterThanOrEqual(1);
    expect(report.dimensions.map((d) => d.dimension)).toEqual([
      'relevance',
      'depth',
      'clarity',
      'correctness',
      'overall',
    ]);
    if (report.pairs === 1)
      expect(report.dimensions.find((d) => d.dimension === 'overall')!.meanDifference).toBeCloseTo(
        engine.overall - 7.6,
        2,
      );
    lead.close();
    cand.close();

    // The session is the interviewer's. Someone else may not delete it; the candidate may take it out of their own
    // history, with their recording, and the interviewer keeps the rest.
    const stranger = await account('Sly Stranger');
    expect((await stranger.request('DELETE', `/api/interviews/${id}`)).status).toBe(403);
    const mediaDir = t.config.mediaDir;
    const db = new Client({ connectionString: t.db.url });
    await db.connect();
    const candidateFiles = (
      await db.query(`SELECT path FROM recordings WHERE interview_id = $1 AND speaker = 'candidate'`, [id])
    ).rows.map((r) => r.path as string);
    expect(candidateFiles.length).toBeGreaterThan(0);
    expect(candidateFiles.every((f) => existsSync(join(mediaDir, f)))).toBe(true);
    expect((await candidate.request('DELETE', `/api/interviews/${id}`)).status).toBe(204);
    expect((await candidate.get(`/api/interviews/${id}/review`)).status).toBe(404);
    expect(((await candidate.get('/api/interviews')).body as InterviewSummary[]).some((i) => i.id === id)).toBe(false);
    expect(((await candidate.get('/api/progress')).body as Progress).sessions.some((s) => s.id === id)).toBe(false);
    expect(
      (await db.query(`SELECT count(*) FROM recordings WHERE interview_id = $1 AND speaker = 'candidate'`, [id]))
        .rows[0].count,
    ).toBe('0');
    expect(candidateFiles.some((f) => existsSync(join(mediaDir, f)))).toBe(false);
    const kept = (await interviewer.get(`/api/interviews/${id}/review`)).body as Review;
    expect(kept.interview.candidate).toMatchObject({ removed: true });
    expect(kept.interviewer?.notes.map((n) => n.text)).toEqual([PRIVATE_NOTE, SHARED_NOTE]);
    expect(kept.transcript.some((l) => l.speaker === 'candidate')).toBe(true);
    // The session's recording is made again without the candidate's voice.
    expect(kept.audio?.peaks.candidate.every((v) => v === 0)).toBe(true);
    expect(kept.audio?.peaks.interviewer.some((v) => v > 0.05)).toBe(true);
    // The interviewer deletes it for good.
    expect((await interviewer.request('DELETE', `/api/interviews/${id}`)).status).toBe(204);
    expect((await db.query(`SELECT count(*) FROM interviews WHERE id = $1`, [id])).rows[0].count).toBe('0');
    expect((await interviewer.get(`/api/interviews/${id}/review`)).status).toBe(404);
    await db.end();
  }, 180_000);
});
