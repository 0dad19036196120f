import { describe, expect, it } from '@jest/globals';
import type { CodeRunView } from '@mockroom/contracts';
import { labelledTests, mergeRun, mergeRuns, runScore, runsOf, runSummary } from './code-runs';

function run(patch: Partial<CodeRunView>): CodeRunView {
  return {
    id: 'r1',
    interviewId: 'i1',
    questionId: 'q1',
    kind: 'run',
    language: 'javascript',
    status: 'queued',
    verdict: null,
    message: null,
    stdout: '',
    stderr: '',
    tests: [],
    passed: 0,
    total: 0,
    atMs: 1_000,
    code: '',
    createdAt: '2025-01-01T10:00:01.000Z',
    finishedAt: null,
    durationMs: null,
    by: 'candidate',
    ...patch,
  };
}

describe('mergeRun', () => {
  it('adds a new run in time order and replaces a known one by id', () => {
    const a = run({ id: 'a', createdAt: '2025-01-01T10:00:01.000Z' });
    const b = run({ id: 'b', createdAt: '2025-01-01T10:00:05.000Z' });
    let list = mergeRun([], b);
    list = mergeRun(list, a);
    expect(list.map((r) => r.id)).toEqual(['a', 'b']);
    list = mergeRun(list, { ...a, status: 'running' });
    list = mergeRun(list, { ...a, status: 'done', passed: 2, total: 3 });
    expect(list.map((r) => [r.id, r.status])).toEqual([
      ['a', 'done'],
      ['b', 'queued'],
    ]);
  });

  it('never takes a finished run back to queued or running', () => {
    const done = run({ status: 'done', passed: 1, total: 1 });
    const list = [done];
    expect(mergeRun(list, run({ status: 'running' }))).toBe(list);
    expect(mergeRun(list, run({ status: 'queued' }))).toBe(list);
    expect(mergeRun([run({ status: 'running' })], run({ status: 'failed' }))[0].status).toBe('failed');
  });

  it('merges a loaded list into runs that arrived as events meanwhile', () => {
    const live = [run({ id: 'b', status: 'done', createdAt: '2025-01-01T10:00:09.000Z' })];
    const loaded = [
      run({ id: 'a', status: 'done' }),
      run({ id: 'b', status: 'running', createdAt: '2025-01-01T10:00:09.000Z' }),
    ];
    expect(mergeRuns(live, loaded).map((r) => [r.id, r.status])).toEqual([
      ['a', 'done'],
      ['b', 'done'],
    ]);
  });
});

describe('run views', () => {
  it("lists a question's runs newest first", () => {
    const runs = [run({ id: 'a' }), run({ id: 'b', questionId: 'q2' }), run({ id: 'c' })];
    expect(runsOf(runs, 'q1').map((r) => r.id)).toEqual(['c', 'a']);
  });

  it('sums a run up from its state', () => {
    expect(runSummary(run({ status: 'running', message: 'ignored' }))).toBe('Running your code…');
    expect(runSummary(run({ status: 'done', message: '2 of 3 tests passed.' }))).toBe('2 of 3 tests passed.');
    expect(runSummary(run({ status: 'done', passed: 3, total: 3 }))).toBe('3 of 3 tests passed.');
    expect(runScore(run({ status: 'done', passed: 2, total: 5 }))).toBe('2/5 passed');
    expect(runScore(run({ status: 'failed' }))).toBe('failed');
  });

  it('numbers hidden tests among themselves', () => {
    const labels = labelledTests([
      { name: 'example', hidden: false, passed: true },
      { name: 'secret-a', hidden: true, passed: true },
      { name: 'another example', hidden: false, passed: false },
      { name: 'secret-b', hidden: true, passed: false },
    ]).map((t) => t.label);
    expect(labels).toEqual(['example', 'Hidden test 1', 'another example', 'Hidden test 2']);
  });
});
