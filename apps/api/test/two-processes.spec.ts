import type {
  ConsoleState,
  HumanSession,
  InterviewSnapshot,
  Prompt,
  QuestionChecklist,
  SocketError,
  TranscriptSegment,
  TurnState,
} from '@mockroom/contracts';
import { concatPcm, LiveClient, silence, speakSentences } from '@mockroom/server-testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { InterviewRepository } from '@mockroom/server-database';
import IORedis from 'ioredis';
import { LiveRelay } from '../src/interviews/relay/live-relay';
import { InterviewRuntimes } from '../src/interviews/runtime/interview-runtimes.service';
import { startPeerApp, startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

/**
 * One installation, two API processes (here two apps in one test process, each with its own sockets, Redis connections
 * and process id; the same database, Redis and data folder). Exactly one runs a live interview (its lease); sockets
 * connected to the other are relayed to it, and its events reach every socket through the adapter.
 */
type Ack<T> = T | { error: SocketError };

function ok<T>(reply: Ack<T>): T {
  if (reply && typeof reply === 'object' && 'error' in reply)
    throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply as T;
}

describe('two API processes', () => {
  let a: TestApp;
  let b: TestApp;
  let db: Client;

  beforeAll(async () => {
    const env = { MOCKROOM_WORKER_IN_PROCESS: 'true', DECISION_BUDGET_MS: '3000' };
    a = await startTestApp({ ...env, MOCKROOM_DATA_DIR: mkdtempSync(join(tmpdir(), 'mockroom-two-')) });
    b = await startPeerApp(a, env);
    db = new Client({ connectionString: a.db.url });
    await db.connect();
  });

  let aClosed = false;

  afterAll(async () => {
    await db?.end();
    await b?.close();
    if (!aClosed) await a?.close();
    else await a?.db.drop();
  });

  /** Which process runs the interview: its lease names it, and only that process has its runtime loaded. */
  async function ownerOf(id: string): Promise<'a' | 'b' | null> {
    const [ra, rb] = [a.app.get(InterviewRuntimes), b.app.get(InterviewRuntimes)];
    const holder = await ra.leases.holder(id);
    const owner = holder?.owner === ra.processId ? 'a' : holder?.owner === rb.processId ? 'b' : null;
    expect({ a: ra.peek(id) !== null, b: rb.peek(id) !== null }).toEqual({ a: owner === 'a', b: owner === 'b' });
    return owner;
  }

  /** The candidate's recording holds each frame of `sent` once (its length is stored as the interview ends). */
  async function expectRecordingOf(id: string, sent: Int16Array): Promise<void> {
    let recorded = 0;
    for (let waited = 0; waited < 20_000; waited += 250) {
      recorded = (
        await db.query(
          `SELECT coalesce(sum(duration_ms), 0)::int AS ms FROM recordings WHERE interview_id = $1 AND speaker = 'candidate'`,
          [id],
        )
      ).rows[0].ms as number;
      if (recorded >= sent.length / 16 - 40) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(Math.abs(recorded - Math.ceil(sent.length / 320) * 20)).toBeLessThanOrEqual(20);
  }

  async function live(app: TestApp, browser: TestBrowser): Promise<LiveClient> {
    const client = new LiveClient(app.baseUrl, browser.cookieHeader());
    await client.connect();
    return client;
  }

  it('keeps an AI interview whole when its socket reconnects to the other process mid-answer', async () => {
    const candidate = new TestBrowser(a.baseUrl);
    await candidate.signUp(uniqueEmail('two-ai'));
    const id = (
      await candidate.post('/api/interviews', {
        questionIds: ['authentication-sessions-end-to-end', 'rest-vs-graphql'],
        maxFollowUps: 0,
        answerSilenceMs: 4000,
        voice: 'browser',
      })
    ).body.id as string;

    // On A: it owns the interview.
    const first = await live(a, candidate);
    ok(await first.emitAck<Ack<InterviewSnapshot>>('interview:join', id));
    ok(await first.emitAck<Ack<TurnState>>('interview:start'));
    const question = (await first.waitFor('prompt')) as Prompt;
    first.socket.emit('prompt:played', question.seq);
    ok(await first.emitAck('audio:start', { streamId: 'two-process-stream', sampleRate: 16_000 }));
    const answer = concatPcm(
      silence(300),
      speakSentences(
        'The server hashes the password with bcrypt and stores only the hash. At login it compares the hash and creates a session.',
      ),
      silence(400),
      speakSentences(
        'The session id goes back in an HTTP only cookie, and the session itself lives in Redis with an expiry.',
      ),
      silence(800),
    );
    const half = Math.floor(answer.length / 2 / 320);
    const sentUpTo = await first.streamPcm(answer, { speed: 2, stopAfterFrames: half });
    await first.waitFor('transcript:segment', undefined, 60_000);
    first.close();

    // The connection comes back through the load balancer to B, which relays it to A.
    const second = await live(b, candidate);
    const rejoined = ok(await second.emitAck<Ack<InterviewSnapshot>>('interview:join', id));
    expect(rejoined.turn).toMatchObject({ phase: 'listening', currentPromptSeq: question.seq });
    const resumed = ok(
      await second.emitAck<{ streamId: string; nextSeq: number }>('audio:start', {
        streamId: 'two-process-stream',
        sampleRate: 16_000,
      }),
    );
    // A got every frame the first socket sent (the recording is A's); the browser resends from there.
    expect(resumed.nextSeq).toBeGreaterThan(0);
    expect(resumed.nextSeq).toBeLessThanOrEqual(sentUpTo);
    const from = resumed.nextSeq;
    const rest = answer.subarray(from * 320);
    await second.streamPcm(rest, { speed: 2, fromSeq: from });
    expect(ok(await second.emitAck('answer:done'))).toEqual({ ok: true });
    const next = (await second.waitFor(
      'prompt',
      (p) => (p as Prompt).kind === 'question' && (p as Prompt).seq > question.seq,
      60_000,
    )) as Prompt;
    expect(next.questionIndex).toBe(1);
    // B relayed: A ran the interview all along.
    expect(await ownerOf(id)).toBe('a');

    // One answer, its words once each, on the same question; A wrote it all and B wrote nothing of its own.
    const segments = (
      await db.query(
        `SELECT seq, text, start_ms FROM transcript_segments WHERE interview_id = $1 AND speaker = 'candidate' ORDER BY seq`,
        [id],
      )
    ).rows as { seq: number; text: string; start_ms: number }[];
    const text = segments.map((s) => s.text).join(' ');
    expect(text).toMatch(/bcrypt|hash/i);
    expect(text).toMatch(/cookie|redis|session/i);
    expect(new Set(segments.map((s) => s.start_ms)).size).toBe(segments.length);
    const answers = (
      await db.query(
        `SELECT count(*)::int AS n FROM interview_answers WHERE interview_id = $1 AND question_index = 0`,
        [id],
      )
    ).rows[0].n as number;
    expect(answers).toBe(1);
    // The recording holds each frame once: as long as what was sent (its length is stored as the interview ends).
    ok(await second.emitAck<Ack<InterviewSnapshot>>('interview:end'));
    await expectRecordingOf(id, answer);
    second.close();
  }, 180_000);

  it('runs a human session whose interviewer and candidate are on different processes, the console private to the interviewer', async () => {
    const interviewer = new TestBrowser(a.baseUrl);
    await interviewer.signUp(uniqueEmail('two-lead'), 'correct horse battery', 'Ivy Interviewer', 'interviewer');
    const candidate = new TestBrowser(b.baseUrl);
    await candidate.signUp(uniqueEmail('two-cand'), 'correct horse battery', 'Cam Candidate');
    const session = (await interviewer.post('/api/sessions', { questionIds: ['authentication-sessions-end-to-end'] }))
      .body as HumanSession;
    const id = session.interview.id;
    expect((await candidate.post(`/api/invitations/${session.invitePath!.split('/').pop()}/accept`)).status).toBe(201);

    const lead = await live(a, interviewer);
    const cand = await live(b, candidate);
    ok(await lead.emitAck<Ack<InterviewSnapshot>>('interview:join', id));
    ok(await cand.emitAck<Ack<InterviewSnapshot>>('interview:join', id));
    await lead.waitFor('console:state');
    await lead.waitFor('presence', (p) => (p as { connected: boolean }[]).filter((x) => x.connected).length === 2);
    expect(await cand.emitAck('interview:start')).toMatchObject({ error: { code: 'not-interviewer' } });
    ok(await lead.emitAck<Ack<TurnState>>('interview:start'));
    ok(await lead.emitAck<Ack<Prompt>>('console:show', { kind: 'question', questionIndex: 0 }));
    expect(((await cand.waitFor('prompt')) as Prompt).questionIndex).toBe(0);

    ok(await lead.emitAck('audio:start', { streamId: 'two-lead-stream', sampleRate: 16_000 }));
    ok(await cand.emitAck('audio:start', { streamId: 'two-cand-stream', sampleRate: 16_000 }));
    const question = speakSentences('Please walk me through how authentication and sessions work, end to end.');
    const answer = speakSentences(
      'The server hashes the password with bcrypt. Then it creates a session and sets the session ID in an HTTP only secure cookie.',
    );
    await Promise.all([
      lead.streamPcm(concatPcm(silence(300), question, silence(answer.length / 16 + 3000)), { speed: 2 }),
      cand.streamPcm(concatPcm(silence(300 + question.length / 16 + 500), answer, silence(2500)), { speed: 2 }),
    ]);
    // Both voices, each heard by the other side only.
    expect(cand.all('audio:relay').length).toBeGreaterThan(50);
    expect(cand.all('audio:relay').every((r) => r.speaker === 'interviewer')).toBe(true);
    expect(lead.all('audio:relay').length).toBeGreaterThan(50);
    expect(lead.all('audio:relay').every((r) => r.speaker === 'candidate')).toBe(true);
    await lead.waitFor('transcript:segment', (s) => (s as TranscriptSegment).speaker === 'candidate', 60_000);
    await lead.waitFor('transcript:segment', (s) => (s as TranscriptSegment).speaker === 'interviewer', 60_000);
    await cand.waitFor('transcript:segment', (s) => (s as TranscriptSegment).speaker === 'candidate', 60_000);
    const ticked = (await lead.waitFor(
      'checklist:update',
      (c) => (c as QuestionChecklist).points.some((p) => p.auto),
      60_000,
    )) as QuestionChecklist;
    expect(ticked.points.length).toBeGreaterThan(2);
    ok(
      await lead.emitAck('console:note', {
        questionIndex: 0,
        text: 'Private: strong on hashing',
        visibility: 'private',
      }),
    );
    ok(
      await lead.emitAck('console:score', {
        questionIndex: 0,
        scores: { relevance: 8, depth: 6, clarity: 7, correctness: 8 },
      }),
    );
    await new Promise((r) => setTimeout(r, 500));

    // The console's state, the checklist and the interviewer's notes and scores never reach the candidate.
    const candidateEvents = new Set(cand.received.map((r) => r.event));
    for (const event of ['console:state', 'checklist:update', 'answer:assessed', 'candidate:listening'])
      expect(candidateEvents.has(event)).toBe(false);
    expect(JSON.stringify(cand.received)).not.toContain('strong on hashing');
    const state = (lead.all('console:state') as ConsoleState[]).at(-1)!;
    expect(state.checklists[0].points.length).toBeGreaterThan(2);

    // Exactly one process ran it: the one the first socket joined.
    expect(await ownerOf(id)).toBe('a');
    const lease = (await db.query('SELECT lease_token FROM interviews WHERE id = $1', [id])).rows[0]
      .lease_token as string;
    expect(Number(lease)).toBeGreaterThan(0);
    ok(await lead.emitAck<Ack<InterviewSnapshot>>('interview:end'));
    lead.close();
    cand.close();
  }, 180_000);

  it("refuses a write of the turn from a process whose lease is older than the newest owner's", async () => {
    const candidate = new TestBrowser(a.baseUrl);
    await candidate.signUp(uniqueEmail('two-fence'));
    const id = (await candidate.post('/api/interviews', { questionIds: ['rest-vs-graphql'], voice: 'browser' })).body
      .id as string;
    const repository = a.app.get(InterviewRepository);
    const turn = ((await candidate.get(`/api/interviews/${id}`)).body as InterviewSnapshot).turn;
    expect(await repository.saveTurn(id, { ...turn, questionIndex: 0, followUpsAsked: 1 }, 7)).toBe(true);
    // A process that held the lease before (token 6) wakes up and writes: refused, the newer owner's turn stands.
    expect(await repository.saveTurn(id, { ...turn, questionIndex: 0, followUpsAsked: 5 }, 6)).toBe(false);
    expect(await repository.start(id, new Date(), { ...turn, phase: 'prompting' }, 6)).toBe(false);
    expect(((await candidate.get(`/api/interviews/${id}`)).body as InterviewSnapshot).turn.followUpsAsked).toBe(1);
    expect(await repository.leaseToken(id)).toBe(7);
    // The same owner, or a newer one, writes on.
    expect(await repository.saveTurn(id, { ...turn, followUpsAsked: 2 }, 7)).toBe(true);
    expect(await repository.saveTurn(id, { ...turn, followUpsAsked: 3 }, 9)).toBe(true);
    expect(await repository.leaseToken(id)).toBe(9);
  });

  it('lets go of a relayed socket whose process died without saying it left', async () => {
    const relay = a.app.get(LiveRelay);
    const redis = new IORedis(a.config.redis.url, { maxRetriesPerRequest: null });
    try {
      // A frame relayed for a socket no process has (its process was killed before it could say the socket left).
      await redis.publish(
        `${a.config.redis.prefix}:live-relay:${relay.processId}`,
        JSON.stringify({ t: 'frame', socket: { id: 'socket-of-a-dead-process', data: {} }, args: [0, { $bin: '' }] }),
      );
      await new Promise((r) => setTimeout(r, 300));
      expect(await relay.sweep()).toBe(1);
      expect(await relay.sweep()).toBe(0);
    } finally {
      await redis.quit();
    }
  });

  // Last: it stops A.
  it('moves an interview to the other process when its owner stops, and loses nothing of the answer', async () => {
    const candidate = new TestBrowser(a.baseUrl);
    await candidate.signUp(uniqueEmail('two-failover'));
    const id = (
      await candidate.post('/api/interviews', {
        questionIds: ['authentication-sessions-end-to-end', 'rest-vs-graphql'],
        maxFollowUps: 0,
        answerSilenceMs: 4000,
        voice: 'browser',
      })
    ).body.id as string;
    // A takes the interview; the candidate's socket is on B, relayed to A.
    const onA = await live(a, candidate);
    ok(await onA.emitAck<Ack<InterviewSnapshot>>('interview:join', id));
    onA.close();
    const first = await live(b, candidate);
    ok(await first.emitAck<Ack<InterviewSnapshot>>('interview:join', id));
    ok(await first.emitAck<Ack<TurnState>>('interview:start'));
    const question = (await first.waitFor('prompt')) as Prompt;
    first.socket.emit('prompt:played', question.seq);
    ok(await first.emitAck('audio:start', { streamId: 'failover-stream', sampleRate: 16_000 }));
    expect(await ownerOf(id)).toBe('a');
    const answer = concatPcm(
      silence(300),
      speakSentences('The server hashes the password with bcrypt and stores only the hash.'),
      silence(400),
      speakSentences('The session id goes back in an HTTP only cookie, and the session lives in Redis.'),
      silence(800),
    );
    const sent = await first.streamPcm(answer, { speed: 2, stopAfterFrames: Math.floor(answer.length / 2 / 320) });
    await first.waitFor('transcript:segment', undefined, 60_000);

    // A stops. B sees that A no longer holds the interview and sends its socket to join again.
    const disconnected = new Promise<void>((resolve) => first.socket.once('disconnect', () => resolve()));
    aClosed = true;
    await a.app.close();
    await disconnected;
    const second = await live(b, candidate);
    const rejoined = ok(await second.emitAck<Ack<InterviewSnapshot>>('interview:join', id));
    expect(rejoined.turn).toMatchObject({ phase: 'listening', currentPromptSeq: question.seq });
    expect(await b.app.get(InterviewRuntimes).leases.holder(id)).toMatchObject({
      owner: b.app.get(InterviewRuntimes).processId,
    });
    const resumed = ok(
      await second.emitAck<{ nextSeq: number }>('audio:start', { streamId: 'failover-stream', sampleRate: 16_000 }),
    );
    expect(resumed.nextSeq).toBeGreaterThan(0);
    expect(resumed.nextSeq).toBeLessThanOrEqual(sent);
    await second.streamPcm(answer.subarray(resumed.nextSeq * 320), { speed: 2, fromSeq: resumed.nextSeq });
    ok(await second.emitAck('answer:done'));
    await second.waitFor(
      'prompt',
      (p) => (p as Prompt).kind === 'question' && (p as Prompt).seq > question.seq,
      60_000,
    );
    const text =
      ((
        await db.query(
          `SELECT string_agg(text, ' ' ORDER BY seq) AS text FROM transcript_segments WHERE interview_id = $1 AND speaker = 'candidate'`,
          [id],
        )
      ).rows[0].text as string) ?? '';
    expect(text).toMatch(/bcrypt|hash/i);
    expect(text).toMatch(/cookie|redis|session/i);
    ok(await second.emitAck<Ack<InterviewSnapshot>>('interview:end'));
    await expectRecordingOf(id, answer);
    second.close();
  }, 180_000);
});
