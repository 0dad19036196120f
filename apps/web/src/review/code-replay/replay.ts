import type { CodeLanguage, CodeRunView, CodeSnapshot } from '@mockroom/contracts';
import { clock } from '../../shared/format';

/** A coding question's history on the interview's clock, each list sorted by `atMs`. */
export interface QuestionCode {
  questionId: string;
  snapshots: CodeSnapshot[];
  runs: CodeRunView[];
}

/** The code as it stood from `atMs` on: a snapshot, or the code a run sent. */
export interface CodeVersion {
  atMs: number;
  code: string;
  language: CodeLanguage;
  source: 'snapshot' | 'run';
}

export interface Span {
  startMs: number;
  endMs: number;
}

export type TickKind = 'snapshot' | 'passed' | 'failed' | 'pending';

export interface Tick {
  kind: TickKind;
  atMs: number;
  /** Where on the bar, 0 (start) to 1 (end). */
  offset: number;
  /** The run behind a run tick. */
  run: CodeRunView | null;
}

/** The slider steps by whole seconds, so the span is rounded to them or its last moment could not be reached. */
export const STEP_MS = 1000;

const byTime = <T extends { atMs: number }>(a: T, b: T) => a.atMs - b.atMs;

/** Each question with snapshots or runs, its lists sorted by time, in the order its history starts. */
export function groupByQuestion(
  snapshots: readonly CodeSnapshot[],
  runs: readonly CodeRunView[],
): Map<string, QuestionCode> {
  const groups = new Map<string, QuestionCode>();
  const group = (questionId: string) => {
    let entry = groups.get(questionId);
    if (!entry) groups.set(questionId, (entry = { questionId, snapshots: [], runs: [] }));
    return entry;
  };
  for (const snapshot of snapshots) group(snapshot.questionId).snapshots.push(snapshot);
  for (const run of runs) group(run.questionId).runs.push(run);
  for (const entry of groups.values()) {
    entry.snapshots.sort(byTime);
    entry.runs.sort(byTime);
  }
  return groups;
}

/** From the first snapshot or run to the last, in whole seconds and at least one. */
export function timelineSpan(history: QuestionCode): Span | null {
  const times = [...history.snapshots, ...history.runs].map((item) => item.atMs).filter(Number.isFinite);
  if (times.length === 0) return null;
  const startMs = Math.min(...times);
  const length = Math.max(STEP_MS, Math.ceil((Math.max(...times) - startMs) / STEP_MS) * STEP_MS);
  return { startMs, endMs: startMs + length };
}

/**
 * Snapshots and runs' code in time order, a version equal to the one before it dropped. At the same moment a snapshot
 * counts as the later: a run's code wins only when the run came after the snapshot.
 */
export function codeVersions(history: QuestionCode): CodeVersion[] {
  const all: CodeVersion[] = [
    ...history.runs.map((run) => ({
      atMs: run.atMs,
      code: run.code,
      language: run.language,
      source: 'run' as const,
    })),
    ...history.snapshots.map((snapshot) => ({
      atMs: snapshot.atMs,
      code: snapshot.code,
      language: snapshot.language,
      source: 'snapshot' as const,
    })),
  ].sort((a, b) => a.atMs - b.atMs || (a.source === b.source ? 0 : a.source === 'run' ? -1 : 1));
  return all.filter(
    (version, i) => i === 0 || version.code !== all[i - 1].code || version.language !== all[i - 1].language,
  );
}

/** Index of the last item at or before `ms` (items sorted by time); -1 when none is. */
export function lastAtOrBefore(items: readonly { atMs: number }[], ms: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (items[middle].atMs <= ms) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** The code shown at `ms` and the version before it (for what changed); null before the first. */
export function codeAt(
  versions: readonly CodeVersion[],
  ms: number,
): { version: CodeVersion; previous: CodeVersion | null } | null {
  const index = lastAtOrBefore(versions, ms);
  if (index < 0) return null;
  return { version: versions[index], previous: index > 0 ? versions[index - 1] : null };
}

/** The last run at or before `ms` (runs sorted by time). */
export function runAt(runs: readonly CodeRunView[], ms: number): CodeRunView | null {
  const index = lastAtOrBefore(runs, ms);
  return index < 0 ? null : runs[index];
}

export function runOutcome(run: CodeRunView): Exclude<TickKind, 'snapshot'> {
  if (run.status === 'queued' || run.status === 'running') return 'pending';
  return run.status === 'done' && run.total > 0 && run.passed === run.total ? 'passed' : 'failed';
}

/** Small ticks for snapshots, then one for each run (drawn over them). */
export function timelineTicks(history: QuestionCode, span: Span): Tick[] {
  const offset = (ms: number) => fraction(ms, span);
  return [
    ...history.snapshots.map((s) => ({ kind: 'snapshot' as const, atMs: s.atMs, offset: offset(s.atMs), run: null })),
    ...history.runs.map((run) => ({ kind: runOutcome(run), atMs: run.atMs, offset: offset(run.atMs), run })),
  ];
}

/** Where `ms` falls in the span, 0 to 1. */
export function fraction(ms: number, span: Span): number {
  const length = span.endMs - span.startMs;
  if (!(length > 0)) return 0;
  return Math.min(1, Math.max(0, (ms - span.startMs) / length));
}

/** "03:12" on the interview's clock. */
export function mmss(ms: number): string {
  return clock(ms);
}

/** "Run at 03:12 — 2 of 3 passed". */
export function runTitle(run: CodeRunView): string {
  const what = `${run.kind === 'submit' ? 'Submission' : 'Run'} at ${mmss(run.atMs)}`;
  const outcome = runOutcome(run);
  if (outcome === 'pending') return `${what} — not finished`;
  if (run.total === 0) return `${what} — ${run.status === 'failed' ? 'failed' : 'no tests'}`;
  return `${what} — ${run.passed} of ${run.total} passed`;
}

/** One line on how a run went: the server's sentence, or the count. */
export function runSummary(run: CodeRunView): string {
  if (run.message) return run.message;
  if (runOutcome(run) === 'pending') return 'The run had not finished.';
  if (run.status === 'failed') return 'The run could not finish.';
  return `${run.passed} of ${run.total} tests passed.`;
}

/**
 * The audio position to follow, when it is within the span; in tenths of a second, so a playing recording moves the
 * replay a few times a second rather than on every frame.
 */
export function followPosition(positionMs: number, span: Span): number | null {
  if (!Number.isFinite(positionMs) || positionMs < span.startMs || positionMs > span.endMs) return null;
  return Math.floor(positionMs / 100) * 100;
}

/**
 * The lines of `next` (1-based, inclusive) that differ from `previous`: everything between their common first and
 * last lines. A pure deletion marks the line where it happened; null when nothing changed.
 */
export function changedLines(previous: string, next: string): { from: number; to: number } | null {
  if (previous === next) return null;
  const before = previous.split('\n');
  const after = next.split('\n');
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++;
  const from = head + 1;
  const to = after.length - tail;
  if (to < from) {
    const line = Math.min(from, after.length);
    return { from: line, to: line };
  }
  return { from, to };
}

/** Each test with its label: a visible test by name, a hidden one by its number among the hidden ones. */
export function labelTests<T extends { name: string; hidden: boolean }>(tests: readonly T[]) {
  let hidden = 0;
  return tests.map((test) => ({ test, label: test.hidden ? `Hidden test ${++hidden}` : test.name }));
}
