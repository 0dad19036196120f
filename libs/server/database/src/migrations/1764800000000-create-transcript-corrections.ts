import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Corrections of misheard transcript lines by the candidate. The line keeps the corrected text; each correction keeps
 * the text before it, so the recogniser's original stays in the history. Deleting the interview (or the line) deletes them.
 */
export class CreateTranscriptCorrections1764800000000 implements MigrationInterface {
  name = 'CreateTranscriptCorrections1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE transcript_corrections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        interview_id uuid NOT NULL,
        seq integer NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        before text NOT NULL,
        after text NOT NULL,
        terms text[] NOT NULL DEFAULT '{}',
        changes jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (interview_id, seq) REFERENCES transcript_segments (interview_id, seq) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX transcript_corrections_interview_idx ON transcript_corrections (interview_id, created_at)`,
    );
    await q.query(`CREATE INDEX transcript_corrections_user_idx ON transcript_corrections (user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE transcript_corrections`);
  }
}
