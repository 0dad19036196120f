import { JOB_QUEUE, JobName, type InterviewSnapshot, type Prompt, type SocketError } from '@mockroom/contracts';
import { concatPcm, createTestDatabase, LiveClient, silence, speak, TEST_REDIS_URL, TestBrowser, TestDatabase, uniqueEmail, uniqueRedisPrefix } from '@mockroom/server-testing';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { eventually } from './support/eventually';
import { childPid, RunningProduct, startProduct, tempDir } from './support/product';

/**
 * `npm start` keeps its processes running: a worker killed with SIGKILL in the middle of an answer (as the kernel's
 * OOM killer would) is started again by the launcher, the job it held is retried, and the answer completes with its
 * transcript; a killed API comes back on the same address.
 */
describe('the launcher restarts a process that dies', () => {
  let db: TestDatabase;
  let product: RunningProduct;
  const prefix = uniqueRedisPrefix('restart');

  beforeAll(async () => {
    db = await createTestDatabase('e2e_restart');
    product = await startProduct({ DATABASE_URL: db.url, MOCKROOM_DATA_DIR: tempDir('restart'), MOCKROOM_QUEUE_PREFIX: prefix, STT_POOL_SIZE: '1' });
  });

  afterAll(async () => {
    await product?.stop();
    await db?.drop();
  });

  it('restarts a killed worker; the answer it was transcribing completes', async () => {
    const browser = new TestBrowser(product.url);
    await browser.signUp(uniqueEmail('restart'));
    const created = await browser.post('/api/interviews', { questionIds: ['authentication-sessions-end-to-end'], answerSilenceMs: 3000, maxFollowUps: 0, voice: 'browser' });
    expect(created.status).toBe(201);
    const live = new LiveClient(product.url, browser.cookieHeader());
    await live.connect();
    const joined = await live.emitAck<InterviewSnapshot | { error: SocketError }>('interview:join', created.body.id);
    expect('error' in joined).toBe(false);
    await live.emitAck('interview:start');
    await live.waitFor('prompt');
    await live.emitAck('audio:start', { streamId: 'restart-stream', sampleRate: 16_000 });

    const queue = new Queue(JOB_QUEUE[JobName.TranscribeSegment], { connection: { url: TEST_REDIS_URL }, prefix });
    try {
      const speech = concatPcm(
        silence(300),
        speak('The server hashes the password with a strong algorithm like bcrypt.'),
        silence(900),
        speak('Then it creates a session and sets an HTTP only cookie.'),
        silence(4500),
      );
      const streaming = live.streamPcm(speech, { speed: 2 });

      // Kill the worker while it holds a transcription job, as an out-of-memory kill would.
      await eventually(() => queue.getActive(), (jobs) => expect(jobs.length).toBeGreaterThan(0), 30_000);
      const worker = childPid(product, 'worker');
      expect(worker).not.toBeNull();
      process.kill(worker!, 'SIGKILL');
      await streaming;

      // The launcher says what happened and starts it again; the interview carries on to its end.
      await eventually(async () => product.output(), (output) => expect(output).toMatch(/The worker stopped unexpectedly \(SIGKILL\); starting it again in 1 s\./), 10_000);
      await eventually(async () => product.output(), (output) => expect(output).toMatch(/The worker is running again \(pid \d+\)\./), 60_000);
      expect(childPid(product, 'worker')).not.toBe(worker);
      await live.waitFor('prompt', (p: Prompt) => p.kind === 'closing', 120_000);

      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        const rows = (await client.query(`SELECT seq, text FROM transcript_segments WHERE interview_id = $1 AND speaker = 'candidate' ORDER BY seq`, [created.body.id])).rows;
        expect(rows).toHaveLength(2);
        expect(rows.map((r) => r.text).join(' ')).toMatch(/password|session|cookie/);
      } finally {
        await client.end();
      }
      const review = await browser.get(`/api/interviews/${created.body.id}/review`);
      expect(review.status).toBe(200);
    } finally {
      await queue.close();
      live.close();
    }
  }, 240_000);

  it('restarts a killed API on the same address', async () => {
    const api = childPid(product, 'api');
    expect(api).not.toBeNull();
    process.kill(api!, 'SIGKILL');
    await eventually(async () => product.output(), (output) => expect(output).toMatch(/The API stopped unexpectedly \(SIGKILL\)/), 10_000);
    await eventually(
      async () => (await fetch(`${product.url}/api/health`).catch(() => null))?.status ?? 0,
      (status) => expect(status).toBe(200),
      60_000,
    );
    expect(product.output()).toMatch(/The API is running again/);
    // Accounts and sign-in still work through the new API process.
    const browser = new TestBrowser(product.url);
    expect((await browser.signUp(uniqueEmail('after-restart'))).status).toBe(201);
  }, 120_000);
});
