import { JobName, QueueName } from '@mockroom/contracts';
import { engineKey } from '@mockroom/server-interviews';
import { JobQueueService, REDIS } from '@mockroom/server-queue';
import type IORedis from 'ioredis';
import { ForgetfulRedis } from '@mockroom/server-testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp, TestBrowser, uniqueEmail } from './test-app';

async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined as T);
    if (value !== undefined && ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`not so after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Redis restarted without its data (no persistence, as many hosted set-ups run it): the product notices and puts
 * back what lived only in Redis, and a job someone was waiting for is not lost with it.
 */
describe('Redis restarted without its data', () => {
  let redis: ForgetfulRedis;
  let t: TestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    redis = await ForgetfulRedis.create();
    t = await startTestApp({
      REDIS_URL: redis.url,
      MOCKROOM_WORKER_IN_PROCESS: 'true',
      MOCKROOM_DATA_DIR: mkdtempSync(join(tmpdir(), 'mockroom-redis-restart-')),
    });
    browser = new TestBrowser(t.baseUrl);
    await browser.signUp(uniqueEmail('redis-restart'));
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await redis?.stop();
  });

  it('reports the engines and registers the maintenance schedules again', async () => {
    const client = t.app.get<IORedis>(REDIS);
    const maintenance = t.app.get(JobQueueService).queue(QueueName.Maintenance);
    expect(await client.get(engineKey(t.config))).toBeTruthy();
    expect((await maintenance.getJobSchedulers()).map((s) => s.key).sort()).toEqual(
      [JobName.AbandonIdleInterviews, JobName.PurgeExpiredSessions].sort(),
    );

    await redis.restart();

    await eventually(
      () => client.get(engineKey(t.config)),
      (value) => value !== null,
    );
    const schedules = await eventually(
      () => maintenance.getJobSchedulers(),
      (list) => list.length === 2,
    );
    expect(schedules.map((s) => s.key).sort()).toEqual(
      [JobName.AbandonIdleInterviews, JobName.PurgeExpiredSessions].sort(),
    );
    const system = await eventually(
      () => browser.get('/api/system'),
      (res) => res.status === 200,
    );
    expect(system.body.engines.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['stt', 'tts', 'assessment']),
    );
  }, 60_000);

  it('does not lose a job someone is waiting for: it is added again and its result arrives', async () => {
    const queue = t.app.get(JobQueueService);
    const maintenance = queue.queue(QueueName.Maintenance);
    // Held so it cannot finish before the fault: the pause lives in Redis and goes with it.
    await maintenance.pause();
    const started = Date.now();
    const waiting = queue.addAndWait(
      JobName.PurgeExpiredSessions,
      {},
      { jobId: `purge-across-restart-${Date.now()}` },
      45_000,
    );
    await eventually(
      () => maintenance.count(),
      (count) => count > 0,
    );

    await redis.restart();

    await expect(waiting).resolves.toEqual({ deleted: expect.any(Number) });
    // Well before the wait's own timeout (which was all a lost job used to get).
    expect(Date.now() - started).toBeLessThan(40_000);
  }, 60_000);
});
