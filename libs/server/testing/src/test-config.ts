import { AppConfig, loadConfig } from '@mockroom/server-config';
import { TEST_REDIS_URL, uniqueRedisPrefix } from './test-database';

/** A full AppConfig for tests; pass the database URL and anything to change. */
export function testConfig(databaseUrl: string, env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    MOCKROOM_QUEUE_PREFIX: uniqueRedisPrefix(),
    MOCKROOM_SECRET: 'test-secret-that-is-long-enough-for-csrf-0123456789',
    PORT: '0',
    HOST: '127.0.0.1',
    // Integration tests stream recorded speech faster than it is spoken, to run in seconds rather than minutes; the
    // real-time limit itself is tested with its default (audio-abuse.spec.ts) and by every browser test.
    AUDIO_MAX_RATE_PERCENT: '100000',
    ...env,
  });
}
