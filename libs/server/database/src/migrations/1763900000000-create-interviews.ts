import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInterviews1763900000000 implements MigrationInterface {
  name = 'CreateInterviews1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE interviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        interviewer_kind text NOT NULL CHECK (interviewer_kind IN ('ai', 'human')),
        interviewer_id uuid REFERENCES users (id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'created' CHECK (status IN ('created', 'live', 'completed', 'abandoned')),
        plan jsonb NOT NULL,
        turn jsonb NOT NULL,
        engines jsonb NOT NULL,
        next_seq integer NOT NULL DEFAULT 0,
        overall_score real,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        ended_at timestamptz,
        last_activity_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX interviews_candidate_created_idx ON interviews (candidate_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX interviews_live_activity_idx ON interviews (last_activity_at) WHERE status IN ('created', 'live')`,
    );

    // Interviewer prompts and candidate segments share one sequence per interview: the transcript order.
    await q.query(`
      CREATE TABLE interview_prompts (
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('intro', 'question', 'follow-up', 'repeat', 'clarification', 'skip', 'closing')),
        question_id text,
        question_index integer NOT NULL,
        text text NOT NULL,
        at_ms integer NOT NULL,
        audio_path text,
        audio_duration_ms integer,
        PRIMARY KEY (interview_id, seq)
      )`);

    await q.query(`
      CREATE TABLE interview_answers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        question_id text NOT NULL,
        question_index integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('answer', 'follow-up')),
        prompt_seq integer NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'request')),
        intent text CHECK (intent IN ('repeat', 'skip', 'clarify')),
        start_ms integer NOT NULL,
        end_ms integer,
        assessment jsonb,
        overall_score real,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX interview_answers_interview_idx ON interview_answers (interview_id, start_ms)`);

    await q.query(`
      CREATE TABLE transcript_segments (
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        speaker text NOT NULL CHECK (speaker IN ('candidate', 'interviewer')),
        answer_id uuid REFERENCES interview_answers (id) ON DELETE SET NULL,
        question_id text,
        start_ms integer NOT NULL,
        end_ms integer NOT NULL,
        text text NOT NULL,
        words jsonb,
        engine text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (interview_id, seq)
      )`);

    await q.query(`
      CREATE TABLE recordings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        speaker text NOT NULL CHECK (speaker IN ('candidate', 'interviewer')),
        stream_id text NOT NULL,
        start_ms integer NOT NULL,
        sample_rate integer NOT NULL,
        path text NOT NULL,
        duration_ms integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT recordings_stream_key UNIQUE (interview_id, speaker, stream_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE recordings`);
    await q.query(`DROP TABLE transcript_segments`);
    await q.query(`DROP TABLE interview_answers`);
    await q.query(`DROP TABLE interview_prompts`);
    await q.query(`DROP TABLE interviews`);
  }
}
