import { RubricEngine } from '@mockroom/assessment';
import { QuestionBank } from '@mockroom/question-bank';
import { parseJobDescription, parseResume } from '@mockroom/resume';
import { resolvePlanQuestion } from '@mockroom/server-interviews';
import { tailorPlan } from './tailored-plan';

/**
 * Planning a tailored interview, and scoring its claim questions with the offline engine: a specific, measured answer
 * backs a claim better than a vague one, with the words that back it quoted.
 */
const RESUME = [
  'Priya Raman',
  'Senior Backend Engineer',
  '',
  'Experience',
  'Senior Backend Engineer, Acme Payments — Jan 2020 – Present',
  '• Cut p95 latency of the checkout API by 40% by moving session lookups from PostgreSQL to Redis.',
  '• Led the migration from RabbitMQ to Kafka for 30 services with zero downtime.',
  '',
  'Skills',
  'Node.js, TypeScript, PostgreSQL, Redis, Kafka',
].join('\n');

const POSTING = [
  'Senior Backend Engineer',
  'Requirements:',
  '- Kafka and PostgreSQL in production',
  '- You join the on-call rotation',
].join('\n');

const bank = QuestionBank.load();
const sources = {
  resume: { fileName: 'resume.pdf', profile: parseResume(RESUME, { asOf: '2026-12' }) },
  job: { title: 'Senior Backend Engineer', profile: parseJobDescription(POSTING) },
  phrasingNote: 'Phrased offline from templates: no language model is configured.',
};

describe('a tailored interview', () => {
  it('mixes claim questions with bank questions chosen for the posting, and says why', () => {
    const plan = tailorPlan(bank, { questionCount: 5, claimQuestionCount: 2 }, sources, 'server');
    expect(plan.questionIds).toHaveLength(5);
    expect(plan.questionIds[0]).toMatch(/^claim-/);
    expect(plan.questionIds.filter((id) => id.startsWith('claim-'))).toHaveLength(2);
    expect(plan.tailoring?.claims.map((c) => c.questionId)).toEqual(
      plan.questionIds.filter((id) => id.startsWith('claim-')),
    );
    for (const id of plan.questionIds.filter((q) => !q.startsWith('claim-'))) {
      expect(bank.get(id)).toBeDefined();
      expect(plan.tailoring?.reasons[id]?.length).toBeGreaterThan(0);
    }
    expect(plan).toMatchObject({ role: 'backend', level: 'senior', chosenByCandidate: false });
    // Every question of the plan reads as a question, claim questions included.
    for (const id of plan.questionIds) expect(resolvePlanQuestion(bank, plan, id)?.text).toMatch(/\?$|\.$/);
  });

  it('scores a specific, measured answer to a claim above a vague one, quoting the words that back it', async () => {
    const plan = tailorPlan(bank, { questionCount: 3, claimQuestionCount: 1 }, sources, 'server');
    const question = resolvePlanQuestion(bank, plan, plan.questionIds[0])!;
    expect(question.context).toMatch(/^From your résumé: “/);
    const engine = new RubricEngine();
    const specific = await engine.assess({
      question,
      level: 'senior',
      transcript:
        'At Acme the checkout API had a p95 latency of 800 milliseconds, measured with our tracing over two weeks. ' +
        'I profiled it myself and found that each request looked up the session in PostgreSQL. I moved session lookups ' +
        'to Redis with a one minute time to live and wrote the invalidation. After the change p95 fell to 480 ' +
        'milliseconds, a 40 percent cut, measured the same way. The trade-off was a second store and stale sessions ' +
        'for up to a minute, which we accepted. What went wrong: the first rollout missed logout invalidation, so next ' +
        'time I would test that path first.',
    });
    const vague = await engine.assess({
      question,
      level: 'senior',
      transcript: 'We made the service faster as a team. It went well and everyone was happy with the result.',
    });
    expect(specific.scores.overall).toBeGreaterThan(vague.scores.overall + 2);
    const quoted = specific.rubric.filter((p) => p.covered && p.evidence?.quote);
    expect(quoted.length).toBeGreaterThanOrEqual(2);
    expect(vague.rubric.filter((p) => p.covered).length).toBeLessThan(quoted.length);
  });

  it('refuses a plan with nothing to tailor to, or a résumé without a readable claim and no posting', () => {
    expect(() => tailorPlan(bank, {}, { ...sources, resume: null, job: null }, 'server')).toThrow(/Choose a résumé/);
    const bare = { fileName: 'bare.txt', profile: parseResume('Sam Lee\nEngineer\nSkills\nGo, Redis') };
    expect(() => tailorPlan(bank, {}, { ...sources, resume: bare, job: null }, 'server')).toThrow(/No claim/);
  });
});
