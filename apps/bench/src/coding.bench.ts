/**
 * Coding rounds: how long a candidate waits from "Run" to the result, and how many runs a worker carries.
 *
 *   node tools/scripts/run-ts.mjs apps/bench/src/coding.bench.ts [--runs 20 (at most 30)] [--burst 40]
 *
 * 1. Through the product: the API and the worker as their own processes (as `npm start` runs them), a candidate in a
 *    live AI interview on each coding question posts runs over HTTP and waits for the result on the socket (the time
 *    from sending the POST to the `code:run` event that says done). A trivial program first (a function that returns at
 *    once), then each reference solution of the bank's coding questions, `--runs` times each, against the example tests
 *    ("Run") and against all tests ("Submit").
 * 2. Throughput of one worker's sandbox: `--burst` runs of a trivial program at once through the sandbox the worker
 *    uses, at the code queue's concurrency (2 per worker), and the executions per second that gives.
 *
 * Figures are printed, never asserted.
 */
import { QueueName, type CodeLanguage, type CodeRunView } from '@mockroom/contracts';
import { CODING_TASKS, type CodingTask } from '@mockroom/question-bank';
import { executeRun } from '@mockroom/server-jobs';
import { QUEUE_SETTINGS } from '@mockroom/server-queue';
import { BubblewrapSandbox } from '@mockroom/server-sandbox';
import { performance } from 'node:perf_hooks';
import { HttpSession, LiveSocket } from './support/candidate';
import { startStack } from './support/stack';
import { argNumber, ms, percentile, table } from './support/stats';

const TRIVIAL: Record<string, string> = {
  javascript: 'function parseQuery(query) { return {}; }',
  python: 'def parseQuery(query):\n    return {}\n',
};

async function interviewOn(http: HttpSession, questionId: string): Promise<{ id: string; live: LiveSocket }> {
  const id = await http.createInterview({ voice: 'browser', questionIds: [questionId], maxFollowUps: 0 });
  const live = new LiveSocket(http.baseUrl, http.cookieHeader());
  await live.connect();
  await live.join(id);
  await live.start();
  return { id, live };
}

/** Posts a run and waits for its result: milliseconds from the request to the `code:run` event that ends it. */
async function timedRun(
  http: HttpSession,
  session: { id: string; live: LiveSocket },
  body: { questionId: string; language: CodeLanguage; code: string; kind: 'run' | 'submit' },
): Promise<{ ms: number; run: CodeRunView }> {
  // One run at a time per interview: the next run of this interview to end is this one (waited for before asking, so a
  // fast result cannot slip past).
  const ended = session.live.next(
    'code:run',
    (r: CodeRunView) => r.interviewId === session.id && (r.status === 'done' || r.status === 'failed'),
    60_000,
  );
  const started = performance.now();
  await http.request<CodeRunView>('POST', `/api/interviews/${session.id}/code-runs`, body);
  const { payload, at } = await ended;
  return { ms: at - started, run: payload as CodeRunView };
}

function row(label: string, times: number[], runs: CodeRunView[]): string[] {
  const passed = runs.every((r) => r.passed === r.total && r.verdict === 'ok') ? 'all' : 'NOT ALL';
  return [label, String(times.length), ms(percentile(times, 50)), ms(percentile(times, 95)), ms(Math.max(...times)), passed];
}

async function endToEnd(runs: number): Promise<void> {
  const stack = await startStack({ worker: true });
  try {
    const http = new HttpSession(stack.baseUrl);
    await http.signUp('coding');
    const rows: string[][] = [];
    const trivialTask = CODING_TASKS.get('parse-http-query-string')!;
    // An interview per series: one interview takes 30 runs per 10 minutes.
    for (const language of ['javascript', 'python'] as const) {
      const trivial = await interviewOn(http, trivialTask.questionId);
      const times: number[] = [];
      const results: CodeRunView[] = [];
      for (let i = 0; i < runs; i++) {
        const { ms: took, run } = await timedRun(http, trivial, {
          questionId: trivialTask.questionId,
          language,
          code: TRIVIAL[language],
          kind: 'run',
        });
        times.push(took);
        results.push(run);
      }
      // The trivial program answers, wrongly: what is timed is the way through, not the tests.
      rows.push([...row(`trivial program, ${language}, Run`, times, results).slice(0, 5), `${results[0].total} tests`]);
      trivial.live.close();
    }
    for (const task of CODING_TASKS.values()) {
      for (const language of Object.keys(task.reference) as CodeLanguage[]) {
        for (const kind of ['run', 'submit'] as const) {
          const session = await interviewOn(http, task.questionId);
          const times: number[] = [];
          const results: CodeRunView[] = [];
          for (let i = 0; i < runs; i++) {
            const { ms: took, run } = await timedRun(http, session, {
              questionId: task.questionId,
              language,
              code: task.reference[language]!,
              kind,
            });
            times.push(took);
            results.push(run);
          }
          rows.push(row(`${task.questionId}, ${language}, ${kind === 'run' ? 'Run' : 'Submit'}`, times, results));
          session.live.close();
        }
      }
    }
    console.log(`\nRun → result at the client (API and worker processes; ${runs} runs each)`);
    console.log(table(['program', 'runs', 'p50', 'p95', 'max', 'tests passed'], rows));
  } finally {
    await stack.stop();
  }
}

async function throughput(burst: number): Promise<void> {
  const sandbox = new BubblewrapSandbox();
  const task: CodingTask = CODING_TASKS.get('parse-http-query-string')!;
  const concurrency = QUEUE_SETTINGS[QueueName.Code].concurrency;
  for (const language of ['javascript', 'python'] as const) {
    let next = 0;
    const times: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < burst) {
          next++;
          const t0 = performance.now();
          await executeRun(sandbox, task, { language, code: TRIVIAL[language], kind: 'run' });
          times.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `\nOne worker's sandbox, ${language}: ${burst} trivial runs, ${concurrency} at a time: ` +
        `${(burst / seconds).toFixed(1)} runs/s; each run p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}`,
    );
  }
}

async function main(): Promise<void> {
  const runs = Math.min(30, Math.max(1, argNumber('runs', 20)));
  const burst = Math.max(2, argNumber('burst', 40));
  await endToEnd(runs);
  await throughput(burst);
}

main().catch((error: Error) => {
  console.error(`bench: ${error.stack ?? error.message}`);
  process.exit(1);
});
