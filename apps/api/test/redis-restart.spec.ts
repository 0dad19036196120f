import { JobName, QueueName } from '@mockroom/contracts';
import { engineKey } from '@mockroom/server-jobs';
import { JobQueueService, REDIS } from '@mockroom/server-queue';
import type IORedis from 'ioredis';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

/**
 * Redis restarted without its data (no persistence, as many hosted set-ups run it): the product notices and puts
 * back what lived only in Redis, and a job someone was waiting for is not lost with it.
 */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A redis-server without persistence: a restart loses everything, as the fault does. */
class ForgetfulRedis {
  private child: ChildProcess | null = null;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'mockroom-redis-'));
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    for (;;) {
      const answered = await new Promise<boolean>((resolve) => {
        const socket = connect(this.port, '127.0.0.1');
        socket.once('connect', () => (socket.end(), resolve(true)));
        socket.once('error', () => resolve(false));
      });
      if (answered) return;
      if (Date.now() > deadline) throw new Error('redis-server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined as T);
    if (value !== undefined && ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`not so after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('Redis restarted without its data', () => {
  let redis: ForgetfulRedis;
  let t: TestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    redis = new ForgetfulRedis(await freePort());
    await redis.start();
    t = await startTestApp({ REDIS_URL: redis.url, MOCKROOM_WORKER_IN_PROCESS: 'true', MOCKROOM_DATA_DIR: mkdtempSync(join(tmpdir(), 'mockroom-redis-restart-')) });
    browser = new TestBrowser(t.baseUrl);
    await browser.signUp(uniqueEmail('redis-restart'));
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await redis?.kill();
  });

  async function restartRedis(): Promise<void> {
    await redis.kill();
    await redis.start();
  }

  it('reports the engines and registers the maintenance schedules again', async () => {
    const client = t.app.get<IORedis>(REDIS);
    const maintenance = t.app.get(JobQueueService).queue(QueueName.Maintenance);
    expect(await client.get(engineKey(t.config))).toBeTruthy();
    expect((await maintenance.getJobSchedulers()).map((s) => s.key).sort()).toEqual([JobName.AbandonIdleInterviews, JobName.PurgeExpiredSessions].sort());

    await restartRedis();

    await eventually(() => client.get(engineKey(t.config)), (value) => value !== null);
    const schedules = await eventually(() => maintenance.getJobSchedulers(), (list) => list.length === 2);
    expect(schedules.map((s) => s.key).sort()).toEqual([JobName.AbandonIdleInterviews, JobName.PurgeExpiredSessions].sort());
    const system = await eventually(() => browser.get('/api/system'), (res) => res.status === 200);
    expect(system.body.engines.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['stt', 'tts', 'assessment']));
  }, 60_000);

  it('does not lose a job someone is waiting for: it is added again and its result arrives', async () => {
    const queue = t.app.get(JobQueueService);
    const maintenance = queue.queue(QueueName.Maintenance);
    // Held so it cannot finish before the fault: the pause lives in Redis and goes with it.
    await maintenance.pause();
    const started = Date.now();
    const waiting = queue.addAndWait(JobName.PurgeExpiredSessions, {}, { jobId: `purge-across-restart-${Date.now()}` }, 45_000);
    await eventually(() => maintenance.count(), (count) => count > 0);

    await restartRedis();

    await expect(waiting).resolves.toEqual({ deleted: expect.any(Number) });
    // Well before the wait's own timeout (which was all a lost job used to get).
    expect(Date.now() - started).toBeLessThan(40_000);
  }, 60_000);
});
