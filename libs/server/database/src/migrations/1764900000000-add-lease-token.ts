import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fencing token of the API process that owns a live interview (its lease in Redis). Every write of the turn carries
 * the writer's token and is refused when a newer owner's is already stored, so a process that lost its lease (paused,
 * cut off) cannot overwrite the state of the process that took over.
 */
export class AddLeaseToken1764900000000 implements MigrationInterface {
  name = 'AddLeaseToken1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interviews ADD COLUMN lease_token bigint NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interviews DROP COLUMN lease_token`);
  }
}
