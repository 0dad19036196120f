import Redis from 'ioredis';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findExecutable, startPrivateRedis } from './local-services';

/**
 * The Redis that `npm start` starts when none is configured keeps its data across a restart (append-only file): jobs
 * queued and their results, and the maintenance schedules, are not lost when it stops.
 */
describe('the private Redis', () => {
  const executable = findExecutable('redis-server');

  it('keeps what was written across a restart (appendonly)', async () => {
    expect(executable).not.toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'mockroom-redis-'));
    const first = await startPrivateRedis(executable!, dir);
    const client = new Redis(first.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await client.connect();
    try {
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
      await client.set('mockroom:kept', 'still here');
    } finally {
      client.disconnect();
      await first.stop();
    }
    const second = await startPrivateRedis(executable!, dir);
    const again = new Redis(second.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await again.connect();
    try {
      expect(await again.get('mockroom:kept')).toBe('still here');
    } finally {
      again.disconnect();
      await second.stop();
    }
  }, 30_000);
});
