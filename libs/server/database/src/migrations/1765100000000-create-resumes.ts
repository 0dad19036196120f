import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Résumés and job descriptions a candidate keeps to tailor interviews: the text read from each, what was understood of
 * it (and the candidate's corrections), and which interviews were tailored to them. A résumé is personal data: it goes
 * with its owner's account, and deleting it leaves interviews with no link to it.
 */
export class CreateResumes1765100000000 implements MigrationInterface {
  name = 'CreateResumes1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE resumes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        file_name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('pdf', 'docx', 'markdown', 'text')),
        byte_size integer NOT NULL,
        file_path text NOT NULL,
        text text NOT NULL,
        profile jsonb NOT NULL,
        edited_profile jsonb,
        llm_consent boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX resumes_user_idx ON resumes (user_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE job_descriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        title text,
        text text NOT NULL,
        profile jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX job_descriptions_user_idx ON job_descriptions (user_id, created_at DESC)`);
    await q.query(`
      ALTER TABLE interviews
        ADD COLUMN resume_id uuid REFERENCES resumes (id) ON DELETE SET NULL,
        ADD COLUMN job_description_id uuid REFERENCES job_descriptions (id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interviews DROP COLUMN job_description_id, DROP COLUMN resume_id`);
    await q.query(`DROP TABLE job_descriptions`);
    await q.query(`DROP TABLE resumes`);
  }
}
