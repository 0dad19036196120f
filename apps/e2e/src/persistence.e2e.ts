import {
  createTestDatabase,
  TEST_POSTGRES_URL,
  TestBrowser,
  TestDatabase,
  uniqueEmail,
} from '@mockroom/server-testing';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT, startProduct, tempDir } from './support/product';

/**
 * `npm start` twice over the same data: accounts and sign-in sessions are still there, with the embedded database and
 * with PostgreSQL. `npm run user:role` finds the same database as `npm start` without being told where it is, while
 * the product runs and while it is stopped.
 */
function setRole(env: Record<string, string>, email: string, role: string): { status: number | null; output: string } {
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  delete inherited.MOCKROOM_DATA_DIR;
  const run = spawnSync('npm', ['run', '-s', 'user:role', '--', email, role], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...inherited, ...env },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('data survives a restart of the product', () => {
  let postgres: TestDatabase | null = null;
  afterAll(async () => {
    await postgres?.drop();
  });

  async function signUpThenRestart(env: Record<string, string>, expectDatabase: RegExp, embedded = false) {
    const email = uniqueEmail('restart');
    const password = 'restart proof password';

    let product = await startProduct(env);
    try {
      expect(product.output()).toMatch(expectDatabase);
      const first = new TestBrowser(product.url);
      expect((await first.signUp(email, password, 'Restart Tester')).status).toBe(201);
      // While the product runs: PostgreSQL takes the change; the embedded database serves only the product, and says so.
      if (embedded) {
        expect(setRole(env, email, 'interviewer')).toMatchObject({
          status: 1,
          output: expect.stringContaining('Stop it (Ctrl+C), run this again'),
        });
      } else {
        expect(setRole(env, email, 'interviewer')).toMatchObject({
          status: 0,
          output: expect.stringContaining(`${email} is now interviewer.`),
        });
        expect(setRole(env, uniqueEmail('nobody'), 'admin')).toMatchObject({
          status: 1,
          output: expect.stringContaining('No account with email'),
        });
      }
    } finally {
      expect(await product.stop()).toBe(0);
    }
    // While it is stopped.
    expect(setRole(env, email, 'admin')).toMatchObject({
      status: 0,
      output: expect.stringContaining(`${email} is now admin.`),
    });

    product = await startProduct(env);
    try {
      const again = new TestBrowser(product.url);
      const signIn = await again.signIn(email, password);
      expect(signIn.status).toBe(200);
      expect(signIn.body.user.displayName).toBe('Restart Tester');
      expect(signIn.body.user.role).toBe('admin');
      const duplicate = await new TestBrowser(product.url).signUp(email, password);
      expect(duplicate.status).toBe(409);
    } finally {
      expect(await product.stop()).toBe(0);
    }
  }

  it('with the embedded database (PGlite in the data folder)', async () => {
    const dataDir = tempDir('embedded');
    await signUpThenRestart(
      { MOCKROOM_DATABASE: 'embedded', MOCKROOM_DATA_DIR: dataDir },
      /database\s+PGlite \(embedded PostgreSQL\) \(embedded\)/,
      true,
    );
  });

  it('with PostgreSQL', async () => {
    postgres = await createTestDatabase('restart');
    const dataDir = tempDir('postgres');
    // With trust auth on 127.0.0.1:5432 the launcher finds the server itself; otherwise it is given the URL.
    const trust = !new URL(TEST_POSTGRES_URL).password;
    const env: Record<string, string> = trust
      ? { MOCKROOM_DATABASE: 'local', MOCKROOM_DATABASE_NAME: postgres.name, MOCKROOM_DATA_DIR: dataDir }
      : { DATABASE_URL: postgres.url, MOCKROOM_DATA_DIR: dataDir };
    await signUpThenRestart(env, /database\s+PostgreSQL/);
  });
});
