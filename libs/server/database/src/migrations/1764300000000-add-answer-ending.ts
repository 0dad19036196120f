import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = ['intro', 'question', 'follow-up', 'repeat', 'clarification', 'skip', 'closing'];
const KINDS_AFTER = [...KINDS_BEFORE, 'nudge', 'interjection'];

const kindCheck = (kinds: string[]) => `CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(', ')}))`;

/**
 * How each answer ended (the candidate's "I'm done", a silence and what the interviewer judged of it, a typed answer),
 * the interviewer's asides (a nudge during a long silence, an interjection when an answer runs long), and what the
 * interviewer says before a prompt's text (a greeting, "No problem, let's move on.").
 */
export class AddAnswerEnding1764300000000 implements MigrationInterface {
  name = 'AddAnswerEnding1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interview_answers ADD COLUMN ending jsonb`);
    await q.query(`ALTER TABLE interview_prompts ADD COLUMN lead text`);
    await q.query(`ALTER TABLE interview_prompts DROP CONSTRAINT interview_prompts_kind_check`);
    await q.query(
      `ALTER TABLE interview_prompts ADD CONSTRAINT interview_prompts_kind_check ${kindCheck(KINDS_AFTER)}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM interview_prompts WHERE kind IN ('nudge', 'interjection')`);
    await q.query(`ALTER TABLE interview_prompts DROP CONSTRAINT interview_prompts_kind_check`);
    await q.query(
      `ALTER TABLE interview_prompts ADD CONSTRAINT interview_prompts_kind_check ${kindCheck(KINDS_BEFORE)}`,
    );
    await q.query(`ALTER TABLE interview_prompts DROP COLUMN lead`);
    await q.query(`ALTER TABLE interview_answers DROP COLUMN ending`);
  }
}
