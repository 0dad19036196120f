import type { CodingTask } from './coding-task';
import { crudFeatureTask } from './tasks/crud-feature.task';
import { optimisticUpdateTask } from './tasks/optimistic-update.task';
import { parseQueryStringTask } from './tasks/parse-query-string.task';
import { slidingWindowTask } from './tasks/sliding-window.task';
import { streamingMedianTask } from './tasks/streaming-median.task';

export type { CodingTask, CodingTestCase, RunLanguage } from './coding-task';
export { buildHarness, judgeTests, readHarnessOutput, testsFor, toTaskView } from './harness';
export type { HarnessProgram } from './harness';
export { sameValue } from './same-value';

/** The bank's coding questions that open an editor, by question id. */
export const CODING_TASKS: ReadonlyMap<string, CodingTask> = new Map(
  [streamingMedianTask, parseQueryStringTask, slidingWindowTask, optimisticUpdateTask, crudFeatureTask].map((t) => [
    t.questionId,
    t,
  ]),
);

export function codingTaskFor(questionId: string): CodingTask | null {
  return CODING_TASKS.get(questionId) ?? null;
}
