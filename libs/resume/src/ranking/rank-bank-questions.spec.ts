import type { Question } from '@mockroom/contracts';
import { QuestionBank } from '@mockroom/question-bank';
import { FIXTURE_AS_OF, JOB_FIXTURES, RESUME_FIXTURES } from '../fixtures';
import { parseJobDescription } from '../job/parse-job-description';
import { parseResume } from '../resume/parse-resume';
import type { JobProfile } from '../types';
import { rankBankQuestions } from './rank-bank-questions';

const questionBank = QuestionBank.load();
const bank: Question[] = questionBank
  .list({ limit: 100 })
  .items.map((s) => questionBank.get(s.id))
  .filter((q): q is Question => q !== undefined);
const byId = (id: string) => bank.find((q) => q.id === id) as Question;

const MESSAGING = /kafka|rabbitmq|sqs|message queue|job queue|pub\/sub|change data capture|event-driven|dead-letter/i;
const FRONTEND = /react|vue|frontend|ui\b|page|browser|bundle|optimistic|lighthouse|devtools/i;
const isMessagingOrReliability = (q: Question) =>
  q.category === 'reliability-operations' || q.keyTerms.some((t) => MESSAGING.test(t));
const isFrontendLeaning = (q: Question) => q.keyTerms.some((t) => FRONTEND.test(t)) || FRONTEND.test(q.text);

describe('rankBankQuestions', () => {
  const kafkaJob = parseJobDescription(JOB_FIXTURES['Kafka and on-call backend'].text);
  const reactJob = parseJobDescription(JOB_FIXTURES['React fullstack'].text);

  it('loads the whole bank for the tests', () => {
    expect(bank).toHaveLength(questionBank.info().questionCount);
  });

  it('puts messaging and reliability questions first for a Kafka and on-call posting, and says why', () => {
    const ranked = rankBankQuestions(bank, kafkaJob, { limit: 5 });
    expect(ranked).toHaveLength(5);
    for (const r of ranked.slice(0, 3)) expect(isMessagingOrReliability(byId(r.questionId))).toBe(true);
    expect(ranked.filter((r) => isMessagingOrReliability(byId(r.questionId))).length).toBeGreaterThanOrEqual(4);
    for (const r of ranked.slice(0, 3))
      expect(r.reasons[0]).toMatch(/^asked because the posting stresses .*(Kafka|on-call)/);
  });

  it('puts frontend-leaning fullstack questions first for a React posting', () => {
    const ranked = rankBankQuestions(bank, reactJob, { limit: 5 });
    for (const r of ranked) expect(byId(r.questionId).role).toBe('fullstack');
    expect(ranked.filter((r) => isFrontendLeaning(byId(r.questionId))).length).toBeGreaterThanOrEqual(3);
    expect(ranked[0].reasons[0]).toMatch(/frontend work|React|Node\.js/);
  });

  it('keeps frontend-heavy questions out of a backend plan', () => {
    const ranked = rankBankQuestions(bank, kafkaJob, { limit: 10 });
    const frontendHeavy = ['optimistic-ui-updates-rollback', 'optimize-slow-page-slow-api', 'client-vs-server-logic'];
    for (const id of frontendHeavy) expect(ranked.map((r) => r.questionId)).not.toContain(id);
  });

  it('respects the role: the same posting for a backend role ranks backend questions higher', () => {
    const asBackend = rankBankQuestions(bank, { ...reactJob, role: 'backend' }, { limit: 10 });
    const asFullstack = rankBankQuestions(bank, reactJob, { limit: 10 });
    const backendCount = (list: typeof asBackend) => list.filter((r) => byId(r.questionId).role === 'backend').length;
    expect(backendCount(asBackend)).toBeGreaterThan(backendCount(asFullstack));
    const note = asBackend.find((r) => byId(r.questionId).role === 'fullstack')?.reasons;
    expect(note).toContain('a fullstack question, for a backend role');
  });

  it('respects the level: a senior plan leaves out mid-only questions near the top, a mid plan keeps them', () => {
    const senior = rankBankQuestions(bank, kafkaJob, { limit: 5 });
    for (const r of senior) expect(byId(r.questionId).levels).toContain('senior');
    const mid = rankBankQuestions(bank, { ...kafkaJob, level: 'mid' }, { limit: 5 });
    for (const r of mid) expect(byId(r.questionId).levels).toContain('mid');
  });

  it('balances categories: no category fills more than half of a ten-question plan', () => {
    for (const job of [kafkaJob, reactJob]) {
      const counts = new Map<string, number>();
      for (const r of rankBankQuestions(bank, job, { limit: 10 })) {
        const category = byId(r.questionId).category;
        counts.set(category, (counts.get(category) ?? 0) + 1);
      }
      expect(Math.max(...counts.values())).toBeLessThanOrEqual(5);
    }
  });

  it('returns scores in non-increasing order, at most `limit`, ten by default', () => {
    const ranked = rankBankQuestions(bank, kafkaJob);
    expect(ranked).toHaveLength(10);
    const scores = ranked.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(rankBankQuestions(bank, kafkaJob, { limit: 0 })).toEqual([]);
    expect(rankBankQuestions(bank, kafkaJob, { limit: 200 })).toHaveLength(bank.length);
  });

  it('is deterministic, whatever the order of the bank', () => {
    const first = rankBankQuestions(bank, kafkaJob, { limit: 20 });
    const reversed = rankBankQuestions([...bank].reverse(), kafkaJob, { limit: 20 });
    expect(reversed).toEqual(first);
    expect(rankBankQuestions(bank, kafkaJob, { limit: 20 })).toEqual(first);
  });

  it('breaks ties by question id', () => {
    const blank: JobProfile = { title: null, role: null, level: null, skills: [], themes: [] };
    const ranked = rankBankQuestions(bank, blank, { limit: bank.length });
    expect(ranked[0].questionId).toBe([...bank.map((q) => q.id)].sort()[0]);
    for (let i = 1; i < ranked.length; i++) {
      if (ranked[i].score === ranked[i - 1].score) expect(ranked[i].questionId > ranked[i - 1].questionId).toBe(true);
    }
    expect(ranked[0].reasons[0]).toMatch(/^a general .* question for the role$/);
  });

  it('names the résumé skills a question would probe when a profile is given', () => {
    const profile = parseResume(RESUME_FIXTURES['classic senior backend'].text, { asOf: FIXTURE_AS_OF });
    const withProfile = rankBankQuestions(bank, kafkaJob, { limit: 66, profile });
    const without = rankBankQuestions(bank, kafkaJob, { limit: 66 });
    const rateLimiter = (list: typeof without) => list.find((r) => r.questionId === 'distributed-rate-limiter')!;
    expect(rateLimiter(withProfile).reasons).toContain('your résumé mentions Redis');
    expect(rateLimiter(withProfile).score).toBeGreaterThan(rateLimiter(without).score);
  });

  it('uses the profile’s role and level when the posting has none', () => {
    const profile = parseResume(RESUME_FIXTURES['junior fullstack'].text, { asOf: FIXTURE_AS_OF });
    const job: JobProfile = { ...kafkaJob, role: null, level: null };
    const fromProfile = rankBankQuestions(bank, job, { limit: 10, profile });
    const stated = rankBankQuestions(bank, { ...job, role: 'fullstack', level: 'mid' }, { limit: 10, profile });
    expect(profile).toMatchObject({ suggestedRole: 'fullstack', suggestedLevel: 'mid' });
    expect(fromProfile).toEqual(stated);
  });
});
