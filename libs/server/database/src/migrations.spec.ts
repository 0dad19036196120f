import { Client } from 'pg';
import { migrate, revertLastMigration } from './data-source';
import { MIGRATIONS } from './migrations';

async function tables(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`);
    return rows.rows.map((r: { tablename: string }) => r.tablename);
  } finally {
    await client.end();
  }
}

// A database of its own (the testing library builds on this one, so it cannot be used here).
const server = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `mockroom_migrations_${process.pid}_${Date.now()}`;

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: server });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

describe('migrations', () => {
  const db = { url: Object.assign(new URL(server), { pathname: `/${name}` }).toString() };
  beforeAll(async () => {
    await admin(`CREATE DATABASE "${name}"`);
    await migrate({ url: db.url });
  });
  afterAll(() => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

  it('go all the way down and up again, and are idempotent', async () => {
    const up = await tables(db.url);
    expect(up).toEqual(expect.arrayContaining(['users', 'auth_sessions']));
    for (let i = 0; i < MIGRATIONS.length; i++) expect(await revertLastMigration({ url: db.url })).toEqual(expect.any(String));
    expect(await tables(db.url)).toEqual([]);
    expect(await migrate({ url: db.url })).toHaveLength(MIGRATIONS.length);
    expect(await tables(db.url)).toEqual(up);
    expect(await migrate({ url: db.url })).toEqual([]);
  });
});
