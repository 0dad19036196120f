import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitation links expire (a week after they are made, or a day after the session's time when that is later), and
 * the interviewer can make a new one, which revokes the old: `invite_version` is part of what the token is made from.
 */
export class AddInvitationExpiry1764600000000 implements MigrationInterface {
  name = 'AddInvitationExpiry1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interviews ADD COLUMN invite_version integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE interviews ADD COLUMN invite_expires_at timestamptz`);
    // Links already sent stay valid for the same time from now.
    await q.query(
      `UPDATE interviews SET invite_expires_at = GREATEST(now() + interval '7 days', COALESCE(scheduled_at + interval '1 day', now()))
       WHERE invite_token_hash IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interviews DROP COLUMN invite_expires_at`);
    await q.query(`ALTER TABLE interviews DROP COLUMN invite_version`);
  }
}
