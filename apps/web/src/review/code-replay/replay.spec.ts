import { describe, expect, it } from '@jest/globals';
import type { CodeRunView, CodeSnapshot } from '@mockroom/contracts';
import {
  changedLines,
  codeAt,
  codeVersions,
  followPosition,
  fraction,
  groupByQuestion,
  labelTests,
  lastAtOrBefore,
  mmss,
  runAt,
  runOutcome,
  runSummary,
  runTitle,
  timelineSpan,
  timelineTicks,
  type QuestionCode,
} from './replay';

const snapshot = (atMs: number, code: string, patch: Partial<CodeSnapshot> = {}): CodeSnapshot => ({
  questionId: 'q1',
  language: 'python',
  code,
  atMs,
  ...patch,
});

const run = (atMs: number, patch: Partial<CodeRunView> = {}): CodeRunView => ({
  id: `r${atMs}`,
  interviewId: 'i1',
  questionId: 'q1',
  kind: 'run',
  language: 'python',
  status: 'done',
  verdict: 'ok',
  message: null,
  stdout: '',
  stderr: '',
  tests: [],
  passed: 2,
  total: 3,
  atMs,
  code: 'def f(): pass',
  createdAt: '2030-01-01T10:00:00.000Z',
  finishedAt: '2030-01-01T10:00:01.000Z',
  durationMs: 900,
  by: 'candidate',
  ...patch,
});

const history = (snapshots: CodeSnapshot[], runs: CodeRunView[] = []): QuestionCode => ({
  questionId: 'q1',
  snapshots,
  runs,
});

describe('groupByQuestion', () => {
  it('groups snapshots and runs by question, each sorted by time', () => {
    const groups = groupByQuestion(
      [snapshot(5_000, 'b'), snapshot(1_000, 'a'), snapshot(9_000, 'x', { questionId: 'q2' })],
      [run(7_000), run(3_000), run(12_000, { questionId: 'q3' })],
    );
    expect([...groups.keys()]).toEqual(['q1', 'q2', 'q3']);
    expect(groups.get('q1')?.snapshots.map((s) => s.atMs)).toEqual([1_000, 5_000]);
    expect(groups.get('q1')?.runs.map((r) => r.atMs)).toEqual([3_000, 7_000]);
    expect(groups.get('q2')?.runs).toEqual([]);
    expect(groups.get('q3')?.snapshots).toEqual([]);
  });

  it('is empty without any code', () => {
    expect(groupByQuestion([], []).size).toBe(0);
  });
});

describe('timelineSpan', () => {
  it('runs from the first snapshot to the last snapshot or run, rounded up to whole seconds', () => {
    expect(timelineSpan(history([snapshot(60_000, 'a'), snapshot(70_000, 'b')], [run(75_500)]))).toEqual({
      startMs: 60_000,
      endMs: 76_000,
    });
  });

  it('starts at a run made before the first snapshot', () => {
    expect(timelineSpan(history([snapshot(60_000, 'a')], [run(58_000)]))).toEqual({
      startMs: 58_000,
      endMs: 60_000,
    });
  });

  it('lasts at least a second, and is null without anything', () => {
    expect(timelineSpan(history([snapshot(4_200, 'a')]))).toEqual({ startMs: 4_200, endMs: 5_200 });
    expect(timelineSpan(history([]))).toBeNull();
  });
});

describe('codeAt', () => {
  const versions = codeVersions(
    history(
      [snapshot(10_000, 'one'), snapshot(20_000, 'two'), snapshot(40_000, 'four')],
      [run(30_000, { code: 'three' }), run(40_000, { code: 'run at the same moment' })],
    ),
  );

  it('shows the last snapshot at or before the time', () => {
    expect(codeAt(versions, 10_000)?.version.code).toBe('one');
    expect(codeAt(versions, 19_999)?.version.code).toBe('one');
    expect(codeAt(versions, 20_000)?.version).toMatchObject({ code: 'two', source: 'snapshot', atMs: 20_000 });
  });

  it("shows a run's code when the run came after the last snapshot", () => {
    expect(codeAt(versions, 35_000)?.version).toMatchObject({ code: 'three', source: 'run', atMs: 30_000 });
  });

  it('prefers the snapshot when a run and a snapshot share a moment', () => {
    expect(codeAt(versions, 40_000)?.version.code).toBe('four');
    expect(codeAt(versions, 99_000)?.version.code).toBe('four');
  });

  it('gives the version before, for what changed', () => {
    expect(codeAt(versions, 25_000)?.previous?.code).toBe('one');
    expect(codeAt(versions, 10_000)?.previous).toBeNull();
  });

  it('is null before the first version', () => {
    expect(codeAt(versions, 9_999)).toBeNull();
    expect(codeAt([], 0)).toBeNull();
  });

  it('drops a version that repeats the one before it', () => {
    const repeated = codeVersions(
      history([snapshot(1_000, 'same'), snapshot(5_000, 'other')], [run(2_000, { code: 'same' })]),
    );
    expect(repeated.map((v) => [v.atMs, v.code])).toEqual([
      [1_000, 'same'],
      [5_000, 'other'],
    ]);
  });

  it('keeps the same code in another language', () => {
    const switched = codeVersions(history([snapshot(1_000, ''), snapshot(2_000, '', { language: 'javascript' })]));
    expect(codeAt(switched, 2_000)?.version.language).toBe('javascript');
  });
});

describe('runAt', () => {
  const runs = [run(10_000), run(20_000), run(30_000)];

  it('is the last run at or before the time', () => {
    expect(runAt(runs, 9_999)).toBeNull();
    expect(runAt(runs, 10_000)?.id).toBe('r10000');
    expect(runAt(runs, 29_000)?.id).toBe('r20000');
    expect(runAt(runs, 90_000)?.id).toBe('r30000');
    expect(runAt([], 5_000)).toBeNull();
  });

  it('finds by binary search over sorted times', () => {
    expect(lastAtOrBefore([{ atMs: 1 }, { atMs: 1 }, { atMs: 2 }], 1)).toBe(1);
    expect(lastAtOrBefore([{ atMs: 1 }], 0)).toBe(-1);
  });
});

describe('runs on the timeline', () => {
  it('tells a passed, failed and unfinished run apart', () => {
    expect(runOutcome(run(0, { passed: 3, total: 3 }))).toBe('passed');
    expect(runOutcome(run(0, { passed: 2, total: 3 }))).toBe('failed');
    expect(runOutcome(run(0, { passed: 0, total: 0 }))).toBe('failed');
    expect(runOutcome(run(0, { status: 'failed', passed: 3, total: 3 }))).toBe('failed');
    expect(runOutcome(run(0, { status: 'running' }))).toBe('pending');
  });

  it('titles a run by its time and its tests', () => {
    expect(runTitle(run(192_000))).toBe('Run at 03:12 — 2 of 3 passed');
    expect(runTitle(run(5_000, { kind: 'submit', passed: 3 }))).toBe('Submission at 00:05 — 3 of 3 passed');
    expect(runTitle(run(5_000, { status: 'failed', total: 0, passed: 0 }))).toBe('Run at 00:05 — failed');
    expect(runTitle(run(5_000, { status: 'queued' }))).toBe('Run at 00:05 — not finished');
  });

  it("sums a run up in the server's words, or by its count", () => {
    expect(runSummary(run(0, { message: 'Compile error on line 3.' }))).toBe('Compile error on line 3.');
    expect(runSummary(run(0))).toBe('2 of 3 tests passed.');
    expect(runSummary(run(0, { status: 'failed' }))).toBe('The run could not finish.');
  });

  it('places a tick for each snapshot and run along the span', () => {
    const code = history([snapshot(10_000, 'a'), snapshot(15_000, 'b')], [run(20_000, { passed: 3 })]);
    const span = timelineSpan(code);
    if (!span) throw new Error('no span');
    expect(timelineTicks(code, span).map(({ kind, offset, run }) => [kind, offset, run?.id ?? null])).toEqual([
      ['snapshot', 0, null],
      ['snapshot', 0.5, null],
      ['passed', 1, 'r20000'],
    ]);
  });

  it('clamps a place to the span', () => {
    const span = { startMs: 1_000, endMs: 3_000 };
    expect(fraction(0, span)).toBe(0);
    expect(fraction(2_000, span)).toBe(0.5);
    expect(fraction(9_000, span)).toBe(1);
    expect(fraction(5, { startMs: 5, endMs: 5 })).toBe(0);
  });

  it('labels hidden tests by number', () => {
    const tests = [
      { name: 'example 1', hidden: false },
      { name: 'h-a', hidden: true },
      { name: 'h-b', hidden: true },
    ];
    expect(labelTests(tests).map((t) => t.label)).toEqual(['example 1', 'Hidden test 1', 'Hidden test 2']);
  });
});

describe('followPosition', () => {
  const span = { startMs: 60_000, endMs: 120_000 };

  it('follows the recording within the span, by tenths of a second', () => {
    expect(followPosition(61_234, span)).toBe(61_200);
    expect(followPosition(60_000, span)).toBe(60_000);
    expect(followPosition(120_000, span)).toBe(120_000);
  });

  it('lets go outside the span', () => {
    expect(followPosition(59_999, span)).toBeNull();
    expect(followPosition(120_001, span)).toBeNull();
    expect(followPosition(Number.NaN, span)).toBeNull();
  });
});

describe('changedLines', () => {
  it('marks the lines between the unchanged start and end', () => {
    expect(changedLines('a\nb\nc\nd', 'a\nB\nC\nd')).toEqual({ from: 2, to: 3 });
    expect(changedLines('a\nb', 'a\nb\nc\nd')).toEqual({ from: 3, to: 4 });
    expect(changedLines('', 'x = 1')).toEqual({ from: 1, to: 1 });
  });

  it('marks where lines were removed', () => {
    expect(changedLines('a\nb\nc', 'a\nc')).toEqual({ from: 2, to: 2 });
    expect(changedLines('a\nb', 'a')).toEqual({ from: 1, to: 1 });
  });

  it('is null when nothing changed', () => {
    expect(changedLines('a\nb', 'a\nb')).toBeNull();
  });
});

describe('mmss', () => {
  it('reads minutes and seconds on the interview clock', () => {
    expect(mmss(0)).toBe('00:00');
    expect(mmss(192_999)).toBe('03:12');
    expect(mmss(3_725_000)).toBe('1:02:05');
  });
});
