import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reviews are shared with an e-mail address, not an account: sharing answers the same for every address (it never
 * says whether an account exists there, or its role), and the share opens the review to an interviewer account at
 * that address, now or once one is made.
 */
export class SharesByAddress1764500000000 implements MigrationInterface {
  name = 'SharesByAddress1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interview_shares ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()`);
    await q.query(`ALTER TABLE interview_shares ADD COLUMN email text`);
    await q.query(`UPDATE interview_shares s SET email = u.email_normalized FROM users u WHERE u.id = s.user_id`);
    await q.query(`ALTER TABLE interview_shares DROP CONSTRAINT interview_shares_pkey`);
    await q.query(`DROP INDEX interview_shares_user_idx`);
    await q.query(`ALTER TABLE interview_shares DROP COLUMN user_id`);
    await q.query(`ALTER TABLE interview_shares ALTER COLUMN email SET NOT NULL`);
    await q.query(`ALTER TABLE interview_shares ADD PRIMARY KEY (id)`);
    await q.query(
      `ALTER TABLE interview_shares ADD CONSTRAINT interview_shares_address_key UNIQUE (interview_id, email)`,
    );
    await q.query(`CREATE INDEX interview_shares_email_idx ON interview_shares (email, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interview_shares ADD COLUMN user_id uuid REFERENCES users (id) ON DELETE CASCADE`);
    await q.query(`UPDATE interview_shares s SET user_id = u.id FROM users u WHERE u.email_normalized = s.email`);
    await q.query(`DELETE FROM interview_shares WHERE user_id IS NULL`);
    await q.query(`DROP INDEX interview_shares_email_idx`);
    await q.query(`ALTER TABLE interview_shares DROP CONSTRAINT interview_shares_address_key`);
    await q.query(`ALTER TABLE interview_shares DROP CONSTRAINT interview_shares_pkey`);
    await q.query(`ALTER TABLE interview_shares DROP COLUMN id`);
    await q.query(`ALTER TABLE interview_shares DROP COLUMN email`);
    await q.query(`ALTER TABLE interview_shares ALTER COLUMN user_id SET NOT NULL`);
    await q.query(`ALTER TABLE interview_shares ADD PRIMARY KEY (interview_id, user_id)`);
    await q.query(`CREATE INDEX interview_shares_user_idx ON interview_shares (user_id, created_at DESC)`);
  }
}
