import type { CodeRunStatus, CodeRunVerdict, CodeRunView, CodeTestResult } from '@mockroom/contracts';

const PROGRESS: Record<CodeRunStatus, number> = { queued: 0, running: 1, done: 2, failed: 2 };

export function isUnfinished(run: CodeRunView): boolean {
  return run.status === 'queued' || run.status === 'running';
}

function byTime(a: CodeRunView, b: CodeRunView): number {
  return a.createdAt.localeCompare(b.createdAt) || a.atMs - b.atMs;
}

/**
 * The list with `run` in it, oldest first. A run already known is replaced, unless what came is older news (a list
 * loaded before the event, an event overtaken by another): a run never goes back from done to running.
 */
export function mergeRun(runs: readonly CodeRunView[], run: CodeRunView): CodeRunView[] {
  const index = runs.findIndex((r) => r.id === run.id);
  if (index === -1) return [...runs, run].sort(byTime);
  if (PROGRESS[run.status] < PROGRESS[runs[index].status]) return runs as CodeRunView[];
  const next = [...runs];
  next[index] = run;
  return next;
}

export function mergeRuns(runs: readonly CodeRunView[], incoming: readonly CodeRunView[]): CodeRunView[] {
  return incoming.reduce<CodeRunView[]>((list, run) => mergeRun(list, run), [...runs]);
}

/** The question's runs, newest first. */
export function runsOf(runs: readonly CodeRunView[], questionId: string): CodeRunView[] {
  return runs.filter((run) => run.questionId === questionId).reverse();
}

const VERDICTS: Record<CodeRunVerdict, string> = {
  ok: 'Finished',
  'runtime-error': 'Runtime error',
  'compile-error': 'Compile error',
  timeout: 'Time limit',
  'cpu-limit': 'CPU limit',
  'memory-limit': 'Memory limit',
  'output-limit': 'Output limit',
  killed: 'Stopped',
  unavailable: 'Runner unavailable',
};

export function verdictLabel(verdict: CodeRunVerdict | null): string | null {
  return verdict ? VERDICTS[verdict] : null;
}

/** One line on how the run went: the server's sentence, or one from its state. */
export function runSummary(run: CodeRunView): string {
  if (run.status === 'queued') return 'Waiting for a runner…';
  if (run.status === 'running') return 'Running your code…';
  if (run.message) return run.message;
  if (run.status === 'failed') return 'The run could not finish.';
  return `${run.passed} of ${run.total} tests passed.`;
}

/** "2/3 passed", or where the run is. */
export function runScore(run: CodeRunView): string {
  if (run.status === 'queued') return 'queued';
  if (run.status === 'running') return 'running';
  if (run.total === 0) return run.status === 'failed' ? 'failed' : 'no tests';
  return `${run.passed}/${run.total} passed`;
}

export type TestOutcome = 'passed' | 'failed' | 'skipped';

export function testOutcome(test: CodeTestResult): TestOutcome {
  if (test.skipped) return 'skipped';
  return test.passed ? 'passed' : 'failed';
}

/** Each test with its label: a visible test by name, a hidden one by its number among the hidden ones. */
export function labelledTests(tests: readonly CodeTestResult[]): { test: CodeTestResult; label: string }[] {
  let hidden = 0;
  return tests.map((test) => ({ test, label: test.hidden ? `Hidden test ${++hidden}` : test.name }));
}
