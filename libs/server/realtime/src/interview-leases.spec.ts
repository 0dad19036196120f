import IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { InterviewLeases } from './interview-leases';

const prefix = `test-leases-${randomUUID().slice(0, 8)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('InterviewLeases (real Redis)', () => {
  let redis: IORedis;

  beforeAll(() => {
    redis = new IORedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('gives an interview one owner at a time; the others are told who', async () => {
    const a = new InterviewLeases(redis, prefix, 'process-a');
    const b = new InterviewLeases(redis, prefix, 'process-b');
    const id = randomUUID();
    const [first, second] = await Promise.all([a.acquire(id), b.acquire(id)]);
    expect([first.mine, second.mine].filter(Boolean)).toHaveLength(1);
    expect(first.owner).toBe(second.owner);
    expect(first.token).toBe(second.token);
    // The owner asking again keeps its lease and token.
    const owner = first.mine ? a : b;
    expect(await owner.acquire(id)).toMatchObject({ mine: true, token: first.token });
    expect(await a.holder(id)).toEqual({ owner: first.owner, token: first.token });
  });

  it('passes to another process once the owner stops renewing, with a higher token; the old owner cannot renew or release it', async () => {
    const a = new InterviewLeases(redis, prefix, 'process-a', 300);
    const b = new InterviewLeases(redis, prefix, 'process-b', 300);
    const id = randomUUID();
    const first = await a.acquire(id);
    expect(first.mine).toBe(true);
    // Renewed, it outlives its first term.
    for (let i = 0; i < 4; i++) {
      await sleep(150);
      expect(await a.renew(id, first.token)).toBe(true);
    }
    expect((await b.acquire(id)).mine).toBe(false);
    // The owner stops (killed, or paused past its lease): another process takes it, fenced above the old token.
    await sleep(400);
    const second = await b.acquire(id);
    expect(second).toMatchObject({ mine: true, owner: 'process-b' });
    expect(second.token).toBeGreaterThan(first.token);
    expect(await a.renew(id, first.token)).toBe(false);
    await a.release(id, first.token);
    expect(await b.holder(id)).toEqual({ owner: 'process-b', token: second.token });
    // Released by its owner, it is free at once.
    await b.release(id, second.token);
    expect(await a.holder(id)).toBeNull();
    expect((await a.acquire(id)).token).toBeGreaterThan(second.token);
  });

  it('never hands out a token below the floor the database has seen, as after Redis lost its data', async () => {
    const a = new InterviewLeases(redis, prefix, 'process-a');
    const id = randomUUID();
    expect((await a.acquire(id, 41)).token).toBe(42);
    await a.release(id, 42);
    expect((await a.acquire(id, 41)).token).toBe(43);
  });
});
