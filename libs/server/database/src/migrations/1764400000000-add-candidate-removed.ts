import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A human session belongs to its interviewer; its candidate may remove it from their own history (and their
 * recording with it) while the interviewer keeps the session, its transcript, notes and scores.
 */
export class AddCandidateRemoved1764400000000 implements MigrationInterface {
  name = 'AddCandidateRemoved1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interviews ADD COLUMN candidate_removed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interviews DROP COLUMN candidate_removed_at`);
  }
}
