import IORedis, { RedisOptions } from 'ioredis';

/** A Redis connection suitable for BullMQ (workers need maxRetriesPerRequest: null). */
export function createRedisConnection(url: string, options: RedisOptions = {}): IORedis {
  return new IORedis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false, ...options });
}
