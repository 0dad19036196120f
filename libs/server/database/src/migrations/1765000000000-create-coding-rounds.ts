import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coding rounds: every run of the candidate's code against a question's tests, and the editor's content over time
 * (snapshots) for the review's replay. Both go with their interview.
 */
export class CreateCodingRounds1765000000000 implements MigrationInterface {
  name = 'CreateCodingRounds1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE code_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        question_id text NOT NULL,
        user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        by_role text NOT NULL CHECK (by_role IN ('candidate', 'interviewer')),
        kind text NOT NULL CHECK (kind IN ('run', 'submit')),
        language text NOT NULL,
        code text NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
        verdict text,
        message text,
        stdout text NOT NULL DEFAULT '',
        stderr text NOT NULL DEFAULT '',
        tests jsonb NOT NULL DEFAULT '[]',
        passed integer NOT NULL DEFAULT 0,
        total integer NOT NULL DEFAULT 0,
        at_ms integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX code_runs_interview_idx ON code_runs (interview_id, created_at)`);
    await q.query(`
      CREATE TABLE code_snapshots (
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        question_id text NOT NULL,
        at_ms integer NOT NULL,
        language text NOT NULL,
        code text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (interview_id, question_id, at_ms)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE code_snapshots`);
    await q.query(`DROP TABLE code_runs`);
  }
}
