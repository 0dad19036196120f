import type IORedis from 'ioredis';

/**
 * Redis's `run_id` changes with every start of the server: the way to tell a restart, which may have lost its data
 * (no persistence), from a connection that dropped and came back to the same server.
 */
export async function redisRunId(redis: IORedis): Promise<string | null> {
  const info = await redis.info('server');
  return /^run_id:(\w+)/m.exec(info)?.[1] ?? null;
}

/**
 * Calls `listener` each time this connection comes back to a restarted Redis (not on its first connection). What was
 * kept only in Redis (job schedulers, the engines the worker reported) can then be put back.
 */
export function onRedisRestart(redis: IORedis, listener: () => void | Promise<void>): () => void {
  let known: string | null = null;
  const check = async (): Promise<void> => {
    try {
      const id = await redisRunId(redis);
      if (!id) return;
      const restarted = known !== null && id !== known;
      known = id;
      if (restarted) await listener();
    } catch {
      // Not reachable right now: the next 'ready' checks again.
    }
  };
  const onReady = (): void => void check();
  if (redis.status === 'ready') onReady();
  redis.on('ready', onReady);
  return () => {
    redis.off('ready', onReady);
  };
}
