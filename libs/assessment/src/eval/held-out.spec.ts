import { QuestionBank } from '@mockroom/question-bank';
import { RubricEngine } from '../rubric/rubric-engine';
import { formatHeldOutReport, HELD_OUT_KINDS, heldOutAnswers, labelledAnswers, runHeldOutEval } from './held-out';

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
      const reference = [q.sampleAnswer, q.answerFramework, q.starExample && Object.values(q.starExample).join(' ')]
        .join(' ')
        .toLowerCase()
        .replace(/[^a-z0-9 ]+/g, ' ');
      const words = a.answer
        .toLowerCase()
        .replace(/[^a-z0-9 ]+/g, ' ')
        .split(/\s+/)
        .filter(Boolean);
      for (let i = 0; i + 8 <= words.length; i++)
        expect({
          question: a.questionId,
          run: words.slice(i, i + 8).join(' '),
          copied: reference.includes(words.slice(i, i + 8).join(' ')),
        }).toMatchObject({ copied: false });
    }
  });

  it('has a separate development set: four kinds for 24+ questions of every category, in words of its own', () => {
    const dev = labelledAnswers('dev');
    const heldOut = heldOutAnswers();
    const byQuestion = new Map<string, string[]>();
    for (const a of dev) byQuestion.set(a.questionId, [...(byQuestion.get(a.questionId) ?? []), a.kind]);
    expect(byQuestion.size).toBeGreaterThanOrEqual(24);
    for (const kinds of byQuestion.values()) expect([...kinds].sort()).toEqual([...HELD_OUT_KINDS].sort());
    const categories = new Set([...byQuestion.keys()].map((id) => bank.get(id)!.category));
    const all = new Set(bank.list({ limit: 100 }).items.map((q) => q.category));
    expect([...categories].sort()).toEqual([...all].sort());
    // Neither the seeds' reference answers nor the held-out answers share a run of eight words with a dev answer.
    const norm = (text: string) =>
      text
        .toLowerCase()
        .replace(/[^a-z0-9 ]+/g, ' ')
        .split(/\s+/)
        .filter(Boolean);
    for (const a of dev) {
      const q = bank.get(a.questionId)!;
      const others = heldOut.filter((h) => h.questionId === a.questionId).map((h) => h.answer);
      const reference = ` ${norm([q.sampleAnswer, q.answerFramework, q.starExample && Object.values(q.starExample).join(' '), ...others].join(' ')).join(' ')} `;
      const words = norm(a.answer);
      for (let i = 0; i + 8 <= words.length; i++) {
        const run = words.slice(i, i + 8).join(' ');
        expect({ question: a.questionId, kind: a.kind, run, copied: reference.includes(` ${run} `) }).toMatchObject({
          copied: false,
        });
      }
    }
  });

  it('orders and bands the held-out answers at least as well as it does today (the goals are 0.95 and 0.85)', async () => {
    const report = await runHeldOutEval(new RubricEngine());
    console.log(formatHeldOutReport(report));
    // Floors a little under the current figures, so a change that makes them worse fails; docs/benchmarks.md has the
    // figures and the gap to the goals (band accuracy, wrong answers and behavioural stories are still short of them).
    expect(report.pairwise.accuracy).toBeGreaterThanOrEqual(0.97);
    expect(report.perPair['strong > partial'].accuracy).toBeGreaterThanOrEqual(0.95);
    expect(report.perPair['strong > wrong'].accuracy).toBeGreaterThanOrEqual(0.96);
    expect(report.bands.accuracy).toBeGreaterThanOrEqual(0.63);
    expect(report.perKind.strong.inBand / report.perKind.strong.answers).toBeGreaterThanOrEqual(0.8);
    expect(report.perKind.partial.inBand / report.perKind.partial.answers).toBeGreaterThanOrEqual(0.55);
    expect(report.perKind.vague.inBand / report.perKind.vague.answers).toBeGreaterThanOrEqual(0.85);
    expect(report.perKind.vague.mean).toBeLessThan(2.3);
    expect(report.perKind.wrong.mean).toBeLessThan(5);
    expect(report.behavioural.strongMean).toBeGreaterThan(6.8);
  }, 60_000);

  it('orders and bands the development set as well as it does today', async () => {
    const report = await runHeldOutEval(new RubricEngine(), labelledAnswers('dev'), undefined, 'dev');
    expect(report.pairwise.accuracy).toBeGreaterThanOrEqual(0.98);
    expect(report.perPair['strong > wrong'].accuracy).toBeGreaterThanOrEqual(1);
    expect(report.bands.accuracy).toBeGreaterThanOrEqual(0.77);
    expect(report.perKind.wrong.inBand / report.perKind.wrong.answers).toBeGreaterThanOrEqual(0.5);
    expect(report.perKind.wrong.mean).toBeLessThan(3.7);
    expect(report.perKind.vague.mean).toBeLessThan(1.6);
    expect(report.behavioural.strongMean).toBeGreaterThanOrEqual(8.2);
  }, 60_000);
});
