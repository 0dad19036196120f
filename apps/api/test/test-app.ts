import type { INestApplication } from '@nestjs/common';
import { AppConfig } from '@mockroom/server-config';
import { createTestDatabase, testConfig, TestDatabase } from '@mockroom/server-testing';
import { createApiApp } from '../src/bootstrap';

export { TestBrowser, uniqueEmail } from '@mockroom/server-testing';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  db: TestDatabase;
  baseUrl: string;
  close(): Promise<void>;
}

/** The real API on a random port, with its own migrated database and its own Redis key prefix. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase('api');
  const config = testConfig(db.url, env);
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return {
    app,
    config,
    db,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/**
 * Another API process of the same installation as `of` (in this test process): the same database, Redis key prefix,
 * secret and data folder, its own port and its own sockets. Closing it leaves the database to `of`.
 */
export async function startPeerApp(of: TestApp, env: Record<string, string> = {}): Promise<TestApp> {
  const config = testConfig(of.db.url, {
    MOCKROOM_QUEUE_PREFIX: of.config.redis.prefix,
    MOCKROOM_DATA_DIR: of.config.dataDir,
    MOCKROOM_MEDIA_DIR: of.config.mediaDir,
    ...env,
  });
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, config, db: of.db, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}
