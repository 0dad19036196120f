import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reviews shared read-only with another account; revoking deletes the row. */
export class CreateInterviewShares1764000000000 implements MigrationInterface {
  name = 'CreateInterviewShares1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE interview_shares (
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (interview_id, user_id)
      )`);
    await q.query(`CREATE INDEX interview_shares_user_idx ON interview_shares (user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE interview_shares`);
  }
}
