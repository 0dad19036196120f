import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What LiveKit reports about an interview's room (webhooks: room, participants, egress), as JSON. */
export class AddMediaState1764200000000 implements MigrationInterface {
  name = 'AddMediaState1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interviews ADD COLUMN media_state jsonb NOT NULL DEFAULT '{}'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interviews DROP COLUMN media_state`);
  }
}
