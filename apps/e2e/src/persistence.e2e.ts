import { createTestDatabase, TEST_POSTGRES_URL, TestBrowser, TestDatabase, uniqueEmail } from '@mockroom/server-testing';
import { startProduct, tempDir } from './support/product';

/**
 * `npm start` twice over the same data: accounts and sign-in sessions are still there,
 * with the embedded database and with PostgreSQL.
 */
describe('data survives a restart of the product', () => {
  let postgres: TestDatabase | null = null;
  afterAll(async () => {
    await postgres?.drop();
  });

  async function signUpThenRestart(env: Record<string, string>, expectDatabase: RegExp) {
    const email = uniqueEmail('restart');
    const password = 'restart proof password';

    let product = await startProduct(env);
    try {
      expect(product.output()).toMatch(expectDatabase);
      const first = new TestBrowser(product.url);
      expect((await first.signUp(email, password, 'Restart Tester')).status).toBe(201);
    } finally {
      expect(await product.stop()).toBe(0);
    }

    product = await startProduct(env);
    try {
      const again = new TestBrowser(product.url);
      const signIn = await again.signIn(email, password);
      expect(signIn.status).toBe(200);
      expect(signIn.body.user.displayName).toBe('Restart Tester');
      const duplicate = await new TestBrowser(product.url).signUp(email, password);
      expect(duplicate.status).toBe(409);
    } finally {
      expect(await product.stop()).toBe(0);
    }
  }

  it('with the embedded database (PGlite in the data folder)', async () => {
    const dataDir = tempDir('embedded');
    await signUpThenRestart({ MOCKROOM_DATABASE: 'embedded', MOCKROOM_DATA_DIR: dataDir }, /database\s+PGlite \(embedded PostgreSQL\) \(embedded\)/);
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
