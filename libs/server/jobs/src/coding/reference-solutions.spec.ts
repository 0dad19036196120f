import type { CodeLanguage } from '@mockroom/contracts';
import { CODING_TASKS } from '@mockroom/question-bank';
import { BubblewrapSandbox } from '@mockroom/server-sandbox';
import { executeRun } from './execute-run';

/**
 * The bank's coding questions against their own tests, in the sandbox the worker uses: every reference solution passes
 * every test (hidden ones included), the starter code passes none of the examples, and known wrong answers fail.
 */
const sandbox = new BubblewrapSandbox();

const cases = [...CODING_TASKS.values()].flatMap((task) =>
  (Object.keys(task.reference) as CodeLanguage[]).map((language) => [task.questionId, language] as const),
);

describe('the coding questions’ tests', () => {
  it('can run here', async () => {
    expect(await sandbox.check()).toEqual({ ok: true });
  });

  it.each(cases)('%s: the %s reference solution passes every test', async (questionId, language) => {
    const task = CODING_TASKS.get(questionId)!;
    const outcome = await executeRun(sandbox, task, { language, code: task.reference[language]!, kind: 'submit' });
    expect(outcome.tests.filter((t) => !t.passed)).toEqual([]);
    expect(outcome).toMatchObject({ verdict: 'ok' });
    expect(outcome.tests).toHaveLength(task.tests.length);
  });

  it.each([...CODING_TASKS.keys()])('%s: the starter code passes none of the examples', async (questionId) => {
    const task = CODING_TASKS.get(questionId)!;
    for (const language of task.languages) {
      const outcome = await executeRun(sandbox, task, { language, code: task.starter[language]!, kind: 'run' });
      expect({ language, passed: outcome.tests.filter((t) => t.passed).map((t) => t.name) }).toEqual({
        language,
        passed: questionId === 'sliding-window-request-counts' ? ['exactly k is not over'] : [],
      });
    }
  });

  it('fails a rollback that restores the whole list when two adds overlap', async () => {
    const task = CODING_TASKS.get('optimistic-ui-updates-rollback')!;
    const naive = `async function addTodo(state, title, api) {
  const previous = state.todos.slice();
  state.todos.push({ id: 'tmp-' + title, title, pending: true });
  state.error = null;
  try {
    const saved = await api.create(title);
    state.todos = state.todos.map((t) => (t.id === 'tmp-' + title ? { id: saved.id, title: saved.title } : t));
  } catch {
    state.todos = previous;
    state.error = 'Could not save';
  }
}`;
    const outcome = await executeRun(sandbox, task, { language: 'javascript', code: naive, kind: 'submit' });
    const failed = outcome.tests.filter((t) => !t.passed);
    expect(failed.map((t) => t.name)).toEqual([
      'a failure does not undo another add',
      'a late failure after later adds succeeded',
      'two failures',
    ]);
    expect(failed.every((t) => t.hidden && t.input === undefined)).toBe(true);
  });

  it('fails a median that sorts on every call, on time rather than on answers', async () => {
    const task = CODING_TASKS.get('streaming-median-two-heaps')!;
    const slow = `class MedianFinder {
  constructor() { this.values = []; }
  add(num) { this.values.push(num); }
  median() {
    const s = [...this.values].sort((a, b) => a - b);
    const n = s.length;
    return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}`;
    const outcome = await executeRun(sandbox, task, { language: 'javascript', code: slow, kind: 'submit' });
    expect(['timeout', 'cpu-limit']).toContain(outcome.verdict);
    expect(outcome.tests.filter((t) => t.passed).length).toBeGreaterThanOrEqual(7);
    expect(outcome.tests.at(-1)).toMatchObject({ name: '50,000 random integers', passed: false, skipped: true });
  }, 30_000);
});
