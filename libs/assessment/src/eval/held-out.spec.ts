import { QuestionBank } from '@mockroom/question-bank';
import { RubricEngine } from '../rubric/rubric-engine';
import { formatHeldOutReport, HELD_OUT_KINDS, heldOutAnswers, runHeldOutEval } from './held-out';

describe('held-out evaluation (answers written for the tests)', () => {
  const bank = QuestionBank.load();

  it('has a strong, a partial, a vague and a wrong answer for every bank question, none copied from the seeds', () => {
    const answers = heldOutAnswers();
    const byQuestion = new Map<string, string[]>();
    for (const a of answers) byQuestion.set(a.questionId, [...(byQuestion.get(a.questionId) ?? []), a.kind]);
    expect(byQuestion.size).toBe(bank.list({ limit: 100 }).total);
    for (const kinds of byQuestion.values()) expect([...kinds].sort()).toEqual([...HELD_OUT_KINDS].sort());
    // In other words than the seed: no run of eight words of a strong answer appears in the question's reference answers.
    for (const a of answers.filter((x) => x.kind === 'strong')) {
      const q = bank.get(a.questionId)!;
      const reference = [q.sampleAnswer, q.answerFramework, q.starExample && Object.values(q.starExample).join(' ')].join(' ').toLowerCase().replace(/[^a-z0-9 ]+/g, ' ');
      const words = a.answer.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/).filter(Boolean);
      for (let i = 0; i + 8 <= words.length; i++) expect({ question: a.questionId, run: words.slice(i, i + 8).join(' '), copied: reference.includes(words.slice(i, i + 8).join(' ')) }).toMatchObject({ copied: false });
    }
  });

  it('orders and bands the answers at least as well as it does today (the goals are 0.95 and 0.85)', async () => {
    const report = await runHeldOutEval(new RubricEngine());
    console.log(formatHeldOutReport(report));
    // Floors at the current figures, so a change that makes them worse fails; docs/benchmarks.md has the gap to the goals.
    expect(report.pairwise.accuracy).toBeGreaterThanOrEqual(0.93);
    expect(report.perPair['strong > partial'].accuracy).toBeGreaterThanOrEqual(0.95);
    expect(report.bands.accuracy).toBeGreaterThanOrEqual(0.5);
    expect(report.perKind.strong.inBand / report.perKind.strong.answers).toBeGreaterThanOrEqual(0.8);
    expect(report.perKind.vague.mean).toBeLessThan(4);
    expect(report.behavioural.strongMean).toBeGreaterThan(6);
  }, 60_000);
});
