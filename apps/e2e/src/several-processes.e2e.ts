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
import {
  type Cluster,
  type ClusterProcess,
  concatPcm,
  createTestDatabase,
  LiveClient,
  silence,
  speakSentences,
  startCluster,
  TEST_REDIS_URL,
  TestBrowser,
  TestDatabase,
  uniqueEmail,
} from '@mockroom/server-testing';
import IORedis from 'ioredis';
import {
  blindResendFrom,
  expectLikeUndisturbed,
  FAULT_PRODUCT_ENV,
  type FaultRun,
  takeFaultAnswer,
} from './support/fault-answer';

/**
 * Two API processes and two workers of one installation behind a round-robin nginx, with PostgreSQL and Redis, as a
 * deployment that outgrew one machine runs them. One API process owns each live interview; sockets that reach the other
 * are relayed to it. The answer of three sentences is taken undisturbed first, then with its socket moving to the other
 * process mid-sentence, and with the owner killed (-9) mid-sentence: each must end as the undisturbed one did (the same
 * segments where they were spoken, a recording exact to the frame).
 */
type Ack<T> = T | { error: SocketError };

function ok<T>(reply: Ack<T>): T {
  if (reply && typeof reply === 'object' && 'error' in reply)
    throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply as T;
}

describe('several API processes', () => {
  let db: TestDatabase;
  let cluster: Cluster;
  let redis: IORedis;
  let baseline: FaultRun;

  beforeAll(async () => {
    db = await createTestDatabase('e2e_cluster');
    cluster = await startCluster(db.url, { apis: 2, workers: 2, env: { ...FAULT_PRODUCT_ENV } });
    redis = new IORedis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  }, 120_000);

  afterAll(async () => {
    await redis?.quit();
    await cluster?.stop();
    await db?.drop();
  });

  /** The API process that owns the interview now (its lease), and the other one. */
  async function owner(interviewId: string): Promise<{ owner: ClusterProcess; other: ClusterProcess }> {
    const held = await redis.get(`${cluster.redisPrefix}:lease:${interviewId}`);
    const api = held ? cluster.apiOf(held.slice(0, held.lastIndexOf(':'))) : undefined;
    if (!api) throw new Error(`no API process holds ${interviewId} (${held})`);
    return { owner: api, other: cluster.apis.find((a) => a !== api)! };
  }

  it('takes the answer undisturbed first, through the proxy', async () => {
    baseline = await takeFaultAnswer(cluster.url, db.url, 'cluster-baseline');
    expect(baseline.segments).toHaveLength(3);
    expect(baseline.recordingMs).toBe(baseline.spokenMs);
  }, 240_000);

  it('keeps the answer whole when its socket reconnects to the process that does not own the interview', async () => {
    const run = await takeFaultAnswer(cluster.url, db.url, 'cluster-move', {
      afterMs: 1500,
      concurrent: false,
      strike: async (at) => {
        at.live.close();
        const { other } = await owner(at.interviewId);
        // The page comes back to the other process, which relays it; it resends its whole outbox.
        const { live } = await at.reconnect(other.url!);
        return { live, resendFrom: blindResendFrom(at.sentFrames) };
      },
    });
    expectLikeUndisturbed(run, baseline);
  }, 240_000);

  it('runs a human session whose interviewer and candidate are on different processes', async () => {
    const [one, two] = cluster.apis;
    const interviewer = new TestBrowser(cluster.url);
    await interviewer.signUp(uniqueEmail('cluster-lead'), 'correct horse battery', 'Ivy Interviewer', 'interviewer');
    const candidate = new TestBrowser(cluster.url);
    await candidate.signUp(uniqueEmail('cluster-cand'), 'correct horse battery', 'Cam Candidate');
    const session = (await interviewer.post('/api/sessions', { questionIds: ['authentication-sessions-end-to-end'] }))
      .body as HumanSession;
    const id = session.interview.id;
    expect((await candidate.post(`/api/invitations/${session.invitePath!.split('/').pop()}/accept`)).status).toBe(201);
    // The interviewer on one process, the candidate on the other.
    const lead = new LiveClient(one.url!, interviewer.cookieHeader());
    const cand = new LiveClient(two.url!, candidate.cookieHeader());
    await lead.connect();
    await cand.connect();
    ok(await lead.emitAck<Ack<InterviewSnapshot>>('interview:join', id));
    ok(await cand.emitAck<Ack<InterviewSnapshot>>('interview:join', id));
    await lead.waitFor('console:state');
    ok(await lead.emitAck<Ack<TurnState>>('interview:start'));
    ok(await lead.emitAck<Ack<Prompt>>('console:show', { kind: 'question', questionIndex: 0 }));
    expect(((await cand.waitFor('prompt')) as Prompt).questionIndex).toBe(0);
    ok(await lead.emitAck('audio:start', { streamId: 'cluster-lead-stream', sampleRate: 16_000 }));
    ok(await cand.emitAck('audio:start', { streamId: 'cluster-cand-stream', sampleRate: 16_000 }));
    const question = speakSentences('Please walk me through how authentication and sessions work, end to end.');
    const answer = speakSentences(
      'The server hashes the password with bcrypt. Then it creates a session and sets the session ID in an HTTP only secure cookie.',
    );
    await Promise.all([
      lead.streamPcm(concatPcm(silence(300), question, silence(answer.length / 16 + 3000)), { speed: 1.2 }),
      cand.streamPcm(concatPcm(silence(300 + question.length / 16 + 500), answer, silence(2500)), { speed: 1.2 }),
    ]);
    expect(cand.all('audio:relay').length).toBeGreaterThan(50);
    expect(cand.all('audio:relay').every((r) => r.speaker === 'interviewer')).toBe(true);
    expect(lead.all('audio:relay').every((r) => r.speaker === 'candidate')).toBe(true);
    await lead.waitFor('transcript:segment', (s) => (s as TranscriptSegment).speaker === 'candidate', 60_000);
    await lead.waitFor('transcript:segment', (s) => (s as TranscriptSegment).speaker === 'interviewer', 60_000);
    await lead.waitFor('checklist:update', (c) => (c as QuestionChecklist).points.some((p) => p.auto), 60_000);
    ok(
      await lead.emitAck('console:note', {
        questionIndex: 0,
        text: 'Private: strong on hashing',
        visibility: 'private',
      }),
    );
    await new Promise((r) => setTimeout(r, 500));
    const seen = new Set(cand.received.map((r) => r.event));
    for (const event of ['console:state', 'checklist:update', 'answer:assessed']) expect(seen.has(event)).toBe(false);
    expect(JSON.stringify(cand.received)).not.toContain('strong on hashing');
    expect((lead.all('console:state') as ConsoleState[]).at(-1)!.checklists[0].points.length).toBeGreaterThan(2);
    ok(await lead.emitAck<Ack<InterviewSnapshot>>('interview:end'));
    lead.close();
    cand.close();
  }, 240_000);

  // Last: it kills a process.
  it('moves the interview to the other process when its owner is killed mid-sentence, and loses nothing', async () => {
    let killed: ClusterProcess | null = null;
    const run = await takeFaultAnswer(cluster.url, db.url, 'cluster-kill', {
      afterMs: 1500,
      concurrent: false,
      strike: async (at) => {
        killed = (await owner(at.interviewId)).owner;
        const exited = new Promise((resolve) => killed!.child.once('exit', resolve));
        killed.child.kill('SIGKILL');
        await exited;
        at.live.close();
        // The page reconnects through the proxy (which stops sending anything to the dead process), joins, and
        // resends its whole outbox; the survivor takes the interview once the dead owner's lease lapses.
        const { live } = await at.reconnect();
        return { live, resendFrom: blindResendFrom(at.sentFrames) };
      },
    });
    expect(killed).not.toBeNull();
    expect((await owner(run.interviewId).catch(() => null))?.owner).not.toBe(killed);
    expectLikeUndisturbed(run, baseline);
  }, 240_000);
});
