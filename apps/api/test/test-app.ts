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

