import { randomBytes } from 'node:crypto';
import { createScratchDatabase, type ScratchDatabase } from '@mockroom/server-database';

/** The PostgreSQL server tests run against; CI and development machines have one on 127.0.0.1:5432. */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export type TestDatabase = ScratchDatabase;

/** A fresh, migrated database of its own, so test files never see each other's rows. */
export function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  return createScratchDatabase(TEST_POSTGRES_URL, label);
}

/** A Redis key prefix of its own, so parallel test files never share queues. */
export function uniqueRedisPrefix(label = 'test'): string {
  return `mockroom-test-${label}-${randomBytes(4).toString('hex')}`;
}
