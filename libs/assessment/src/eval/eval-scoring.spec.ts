import type { Question } from '@mockroom/contracts';
import { RubricEngine } from '../rubric/rubric-engine';
import {
  bankQuestions,
  formatEvalReport,
  keywordStuff,
  labelledSet,
  padWithFillers,
  runScoringEval,
  truncateToOnePoint,
} from './eval-scoring';

describe('scoring evaluation harness', () => {
  it('builds the labelled set from the seeds: strong plus four weaker variants per question', () => {
    const questions = bankQuestions();
    const set = labelledSet(questions);
    expect(set).toHaveLength(questions.length * 5);
    const rateLimiter = questions.find((q) => q.id === 'distributed-rate-limiter') as Question;
    const strong = set.find((s) => s.questionId === rateLimiter.id && s.kind === 'strong')?.transcript;
    expect(strong).toBe(rateLimiter.answerFramework); // no sample answer: the framework
    const truncated = truncateToOnePoint(strong as string, rateLimiter.rubric.length);
    expect(truncated.length).toBeLessThan((strong as string).length / 2);
    expect(padWithFillers('one two three four five six')).toBe('one two three um four five six uh');
    const stuffed = keywordStuff(rateLimiter);
    for (const k of rateLimiter.keyTerms) expect(stuffed).toContain(k);
    const offTopic = set.find((s) => s.questionId === rateLimiter.id && s.kind === 'off-topic');
    expect(offTopic?.fromQuestionId).not.toBe(rateLimiter.id);
  });

  it('orders strong answers above weaker ones at least 90% of the time, identically across runs', async () => {
    const report = await runScoringEval({ makeEngine: () => new RubricEngine(), runs: 3 });
    console.log(formatEvalReport(report));
    expect(report.pairs).toBe(report.questions * 4);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.98);
    for (const v of Object.values(report.perVariant)) expect(v.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.stability).toBe(1);
    expect(report.means.strong.overall).toBeGreaterThan(report.means.stuffed.overall + 3);
    expect(report.means['off-topic'].relevance).toBeLessThanOrEqual(3);
  }, 60_000);
});
