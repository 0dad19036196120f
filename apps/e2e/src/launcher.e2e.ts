import { createTestDatabase, TestBrowser, TestDatabase, uniqueEmail } from '@mockroom/server-testing';
import { spawnSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { freePortSync } from './support/ports';
import { REPO_ROOT, startProduct, tempDir } from './support/product';

/** How `npm start` finds Redis when REDIS_URL is not set. */
describe('the launcher without REDIS_URL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('launcher');
  });
  afterAll(() => db.drop());

  it('starts a private redis-server when none is running, and stops it on exit', async () => {
    const dataDir = tempDir('private-redis');
    const product = await startProduct({
      REDIS_URL: '',
      MOCKROOM_LOCAL_REDIS: `127.0.0.1:${freePortSync()}`,
      DATABASE_URL: db.url,
      MOCKROOM_DATA_DIR: dataDir,
    });
    try {
      expect(product.output()).toMatch(/queue\s+BullMQ on Redis \(local\)\s+redis:\/\/127\.0\.0\.1:\d+/);
      const browser = new TestBrowser(product.url);
      expect((await browser.signUp(uniqueEmail('private-redis'))).status).toBe(201);
    } finally {
      expect(await product.stop()).toBe(0);
    }
    const leftovers = spawnSync('pgrep', ['-f', `redis-server.*${dataDir}`]);
    expect(leftovers.stdout.toString().trim()).toBe('');
  });

  it('stops with a message that says what to install when there is no Redis at all', () => {
    // A PATH with node and nothing else, so no redis-server can be found.
    const bin = tempDir('bin');
    symlinkSync(process.execPath, join(bin, 'node'));
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/server/apps/launcher/src/main.js')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        PATH: bin,
        REDIS_URL: '',
        MOCKROOM_LOCAL_REDIS: `127.0.0.1:${freePortSync()}`,
        DATABASE_URL: db.url,
        MOCKROOM_DATA_DIR: tempDir('no-redis'),
      },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Redis is needed');
    expect(run.stderr).toContain('sudo apt-get install -y redis-server');
    expect(run.stderr).toContain('REDIS_URL=redis://host:6379');
  });
});
