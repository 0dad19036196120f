import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Human interviewer sessions: an interview created by an interviewer has no candidate until someone accepts its
 * invitation (only the token's hash is stored); the interviewer's per-question scores, notes and rubric overrides.
 */
export class CreateHumanSessions1764100000000 implements MigrationInterface {
  name = 'CreateHumanSessions1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interviews ALTER COLUMN candidate_id DROP NOT NULL`);
    await q.query(`ALTER TABLE interviews ADD COLUMN scheduled_at timestamptz`);
    await q.query(`ALTER TABLE interviews ADD COLUMN invite_token_hash text`);
    await q.query(
      `CREATE UNIQUE INDEX interviews_invite_token_idx ON interviews (invite_token_hash) WHERE invite_token_hash IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX interviews_interviewer_created_idx ON interviews (interviewer_id, created_at DESC) WHERE interviewer_id IS NOT NULL`,
    );
    // An AI interview always has its candidate; a human session has an interviewer.
    await q.query(`ALTER TABLE interviews ADD CONSTRAINT interviews_participants_check CHECK (
      (interviewer_kind = 'ai' AND candidate_id IS NOT NULL) OR (interviewer_kind = 'human' AND interviewer_id IS NOT NULL))`);

    await q.query(`
      CREATE TABLE interviewer_scores (
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        question_index integer NOT NULL,
        relevance real NOT NULL CHECK (relevance BETWEEN 0 AND 10),
        depth real NOT NULL CHECK (depth BETWEEN 0 AND 10),
        clarity real NOT NULL CHECK (clarity BETWEEN 0 AND 10),
        correctness real NOT NULL CHECK (correctness BETWEEN 0 AND 10),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (interview_id, question_index)
      )`);
    await q.query(`
      CREATE TABLE interviewer_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        question_index integer,
        text text NOT NULL,
        visibility text NOT NULL CHECK (visibility IN ('private', 'shared')),
        at_ms integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX interviewer_notes_interview_idx ON interviewer_notes (interview_id, created_at)`);
    await q.query(`
      CREATE TABLE rubric_overrides (
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        question_index integer NOT NULL,
        point_id text NOT NULL,
        covered boolean NOT NULL,
        PRIMARY KEY (interview_id, question_index, point_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rubric_overrides`);
    await q.query(`DROP TABLE interviewer_notes`);
    await q.query(`DROP TABLE interviewer_scores`);
    await q.query(`DELETE FROM interviews WHERE candidate_id IS NULL`);
    await q.query(`ALTER TABLE interviews DROP CONSTRAINT interviews_participants_check`);
    await q.query(`DROP INDEX interviews_interviewer_created_idx`);
    await q.query(`DROP INDEX interviews_invite_token_idx`);
    await q.query(`ALTER TABLE interviews DROP COLUMN invite_token_hash`);
    await q.query(`ALTER TABLE interviews DROP COLUMN scheduled_at`);
    await q.query(`ALTER TABLE interviews ALTER COLUMN candidate_id SET NOT NULL`);
  }
}
