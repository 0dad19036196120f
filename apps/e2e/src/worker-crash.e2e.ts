import { JOB_QUEUE, JobName } from '@mockroom/contracts';
import type { InterviewSnapshot, Prompt, SocketError } from '@mockroom/contracts';
import {
  concatPcm,
  createTestDatabase,
  LiveClient,
  silence,
  speak,
  TEST_REDIS_URL,
  TestBrowser,
  TestDatabase,
  uniqueEmail,
  uniqueRedisPrefix,
} from '@mockroom/server-testing';
import { Queue } from 'bullmq';
import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { eventually } from './support/eventually';
import { REPO_ROOT, tempDir } from './support/product';

/** A worker killed in the middle of a transcription: the job is retried elsewhere and the segment is stored once. */
describe('a worker dies mid-transcription', () => {
  let db: TestDatabase;
  const processes: ChildProcess[] = [];
  const prefix = uniqueRedisPrefix('crash');
  let env: NodeJS.ProcessEnv;

  function startProcess(app: 'api' | 'worker', ready: string): Promise<{ child: ChildProcess; port?: number }> {
    const child = fork(join(REPO_ROOT, `dist/server/apps/${app}/src/main.js`), [], {
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    processes.push(child);
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    return new Promise((resolve, reject) => {
      child.on('message', (m: { type: string; port?: number }) => m.type === ready && resolve({ child, port: m.port }));
      child.once('exit', (code) => reject(new Error(`${app} exited (${code}) during start-up:\n${output}`)));
    });
  }

  beforeAll(async () => {
    db = await createTestDatabase('crash');
    const dataDir = tempDir('crash');
    env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      MOCKROOM_QUEUE_PREFIX: prefix,
      MOCKROOM_SECRET: 'crash-test-secret-long-enough-for-csrf-tokens',
      MOCKROOM_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      STT_POOL_SIZE: '1',
    };
  });

  afterAll(async () => {
    for (const child of processes) if (child.exitCode === null) child.kill('SIGKILL');
    await db?.drop();
  });

  it('retries the job on another worker; exactly one row per segment', async () => {
    const { port } = await startProcess('api', 'listening');
    const baseUrl = `http://127.0.0.1:${port}`;
    const first = await startProcess('worker', 'ready');

    const browser = new TestBrowser(baseUrl);
    await browser.signUp(uniqueEmail('crash'));
    const created = await browser.post('/api/interviews', {
      questionIds: ['authentication-sessions-end-to-end'],
      answerSilenceMs: 3000,
      maxFollowUps: 0,
      voice: 'browser',
    });
    expect(created.status).toBe(201);
    const live = new LiveClient(baseUrl, browser.cookieHeader());
    await live.connect();
    const joined = await live.emitAck<InterviewSnapshot | { error: SocketError }>('interview:join', created.body.id);
    expect('error' in joined).toBe(false);
    await live.emitAck('interview:start');
    await live.waitFor('prompt');
    await live.emitAck('audio:start', { streamId: 'crash-stream', sampleRate: 16_000 });

    const queue = new Queue(JOB_QUEUE[JobName.TranscribeSegment], { connection: { url: TEST_REDIS_URL }, prefix });
    const speech = concatPcm(
      silence(300),
      speak('The server hashes the password with a strong algorithm like bcrypt.'),
      silence(900),
      speak('Then it creates a session and sets an HTTP only cookie.'),
      silence(4000),
    );
    const streaming = live.streamPcm(speech, { speed: 4 });

    // Kill the worker while it holds a transcription job.
    const active = await eventually(
      () => queue.getActive(),
      (jobs) => expect(jobs.length).toBeGreaterThan(0),
      30_000,
    );
    const killedSeq = (active[0].data as { seq: number }).seq;
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    await streaming;
    await startProcess('worker', 'ready');

    // The interview carries on: both segments transcribed, the answer closed, the interview over.
    await live.waitFor('prompt', (p: Prompt) => p.kind === 'closing', 90_000);
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const rows = (
        await client.query(
          `SELECT seq, text FROM transcript_segments WHERE interview_id = $1 AND speaker = 'candidate' ORDER BY seq`,
          [created.body.id],
        )
      ).rows;
      expect(rows.filter((r) => r.seq === killedSeq)).toHaveLength(1);
      expect(rows.length).toBe(2);
      expect(new Set(rows.map((r) => r.seq)).size).toBe(rows.length);
      const job = await queue.getJob(`stt.${created.body.id}.${killedSeq}`);
      expect(job?.finishedOn).toBeTruthy();
    } finally {
      await client.end();
      await queue.close();
      live.close();
    }
  });
});
