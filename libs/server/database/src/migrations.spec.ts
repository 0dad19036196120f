import { Client } from 'pg';
import { migrate, revertLastMigration } from './data-source';
import { MIGRATIONS } from './migrations';

async function tables(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`,
    );
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

/** Reverts migrations, newest first, up to and including `name`. */
async function revertThrough(url: string, name: string): Promise<void> {
  for (let i = 0; i < MIGRATIONS.length; i++) if ((await revertLastMigration({ url })) === name) return;
  throw new Error(`${name} was never reverted`);
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
    for (let i = 0; i < MIGRATIONS.length; i++)
      expect(await revertLastMigration({ url: db.url })).toEqual(expect.any(String));
    expect(await tables(db.url)).toEqual([]);
    expect(await migrate({ url: db.url })).toHaveLength(MIGRATIONS.length);
    expect(await tables(db.url)).toEqual(up);
    expect(await migrate({ url: db.url })).toEqual([]);
  });

  it('keeps existing shares when they move from accounts to addresses, and back', async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      // Down to before shares by address, with a share to an account.
      await revertThrough(db.url, 'SharesByAddress1764500000000');
      const user = (
        await client.query(
          `INSERT INTO users (email, email_normalized, password_hash, display_name, role) VALUES ('Mentor@Example.com', 'mentor@example.com', 'x', 'Mentor', 'interviewer') RETURNING id`,
        )
      ).rows[0].id;
      const owner = (
        await client.query(
          `INSERT INTO users (email, email_normalized, password_hash, display_name, role) VALUES ('c@example.com', 'c@example.com', 'x', 'C', 'candidate') RETURNING id`,
        )
      ).rows[0].id;
      const interview = (
        await client.query(
          `INSERT INTO interviews (candidate_id, interviewer_kind, plan, turn, engines) VALUES ($1, 'ai', '{}', '{}', '{}') RETURNING id`,
          [owner],
        )
      ).rows[0].id;
      await client.query(`INSERT INTO interview_shares (interview_id, user_id) VALUES ($1, $2)`, [interview, user]);
      await migrate({ url: db.url });
      expect((await client.query(`SELECT interview_id, email FROM interview_shares`)).rows).toEqual([
        { interview_id: interview, email: 'mentor@example.com' },
      ]);
      await revertThrough(db.url, 'SharesByAddress1764500000000');
      expect((await client.query(`SELECT interview_id, user_id FROM interview_shares`)).rows).toEqual([
        { interview_id: interview, user_id: user },
      ]);
      await migrate({ url: db.url });
    } finally {
      await client.end();
    }
  });
});
