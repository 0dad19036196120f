import type { Assessment } from '@mockroom/contracts';
import { overallOf } from '../rubric/rubric-engine';
import { runThatCounts, withCodeResults } from './code-correctness';

const spoken: Assessment = {
  questionId: 'parse-http-query-string',
  engine: { name: 'rubric', version: '1' },
  scores: { relevance: 7, depth: 6, clarity: 7, correctness: 5, overall: overallOf({ relevance: 7, depth: 6, clarity: 7, correctness: 5 }) },
  reasons: { relevance: 'r', depth: 'd', clarity: 'c', correctness: 'Explained decoding.' },
  rubric: [],
  commonMistakes: [],
  keyTermsUsed: [],
  star: null,
  analytics: null,
  feedback: '',
  followUp: null,
} as unknown as Assessment;

describe('correctness of a coding answer with its tests', () => {
  it('counts the last submit over later example runs', () => {
    const runs = [
      { kind: 'run' as const, passed: 1, total: 3, verdict: 'ok', id: 1 },
      { kind: 'submit' as const, passed: 9, total: 11, verdict: 'ok', id: 2 },
      { kind: 'run' as const, passed: 3, total: 3, verdict: 'ok', id: 3 },
    ];
    expect(runThatCounts(runs)?.id).toBe(2);
    expect(runThatCounts(runs.filter((r) => r.kind === 'run'))?.id).toBe(3);
    expect(runThatCounts([])).toBeNull();
  });

  it('lifts correctness for code that passes every test and lowers it for code that fails them', () => {
    const passing = withCodeResults(spoken, { kind: 'submit', passed: 11, total: 11, verdict: 'ok' });
    expect(passing.scores.correctness).toBe(8); // 0.6 × 10 + 0.4 × 5
    expect(passing.scores.overall).toBe(overallOf(passing.scores));
    expect(passing.code).toEqual({ kind: 'submit', passed: 11, total: 11, verdict: 'ok', testScore: 10, spokenCorrectness: 5 });
    expect(passing.reasons.correctness).toBe('The code passed 11 of 11 tests (hidden ones included). Explained decoding.');
    const failing = withCodeResults(spoken, { kind: 'submit', passed: 0, total: 11, verdict: 'timeout' });
    expect(failing.scores.correctness).toBe(2);
    expect(failing.reasons.correctness).toContain('stopped early (timeout)');
    expect(failing.scores.overall).toBeLessThan(passing.scores.overall);
  });

  it('holds examples alone below a full test score, and says when the code was never run', () => {
    const examples = withCodeResults(spoken, { kind: 'run', passed: 3, total: 3, verdict: 'ok' });
    expect(examples.code?.testScore).toBe(8);
    expect(examples.scores.correctness).toBe(6.8);
    const unrun = withCodeResults(spoken, null);
    expect(unrun.scores).toEqual(spoken.scores);
    expect(unrun.code).toBeNull();
    expect(unrun.reasons.correctness).toMatch(/not run against the tests/);
  });
});
