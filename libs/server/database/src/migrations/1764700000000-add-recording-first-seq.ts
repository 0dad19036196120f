import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The frame number a recording starts with. With the recording's start on the interview's clock and its length on
 * disk, it tells where a stream had got to, so a stream resumed after the API restarted takes up exactly there: what
 * the client sends again is not recorded twice and lands where it was spoken. (Null for recordings made before.)
 */
export class AddRecordingFirstSeq1764700000000 implements MigrationInterface {
  name = 'AddRecordingFirstSeq1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE recordings ADD COLUMN first_seq integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE recordings DROP COLUMN first_seq`);
  }
}
