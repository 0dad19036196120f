import { repoRoot } from '@mockroom/server-config';
import { createScratchDatabase } from '@mockroom/server-database';
import { ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';

/** PostgreSQL (trust auth) and Redis the benchmarks run against; the same defaults as the tests. */
export const BENCH_POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** What the API reports once a second when started with MOCKROOM_REPORT_EVENT_LOOP=1 (ms; CPU in % of one core). */
export interface EventLoopReport {
  type: 'event-loop';
  p50: number;
  p99: number;
  max: number;
  /** Samples in the second, and the histogram as [percentile, delay ms] steps. */
  count: number;
  percentiles: [number, number][];
  cpuPercent: number;
}

export interface StackOptions {
  /** Run the job worker (speech and scoring engines) as its own process, as `npm start` does. */
  worker: boolean;
  /** Extra environment for the API and the worker (engines, limits, log level). */
  env?: Record<string, string>;
}

export interface Stack {
  baseUrl: string;
  api: ChildProcess;
  worker: ChildProcess | null;
  prefix: string;
  /** The run's own database (for benchmarks that prepare data the product would have made). */
  databaseUrl: string;
  /** A temporary folder of the run's own (data and media), removed by stop(). */
  dataDir: string;
  stop(): Promise<void>;
}

/** Deletes every key under a prefix (queues, rate limits, engine names). */
async function deleteRedisPrefix(prefix: string): Promise<void> {
  const redis = new IORedis(BENCH_REDIS_URL, { maxRetriesPerRequest: 3 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the API process of a run. */
function apiNodeArgs(script: string): string[] {
  const args = process.env.BENCH_API_NODE_ARGS?.trim();
  return args && script.startsWith('apps/api/') ? args.split(/\s+/) : [];
}

/** Forks a compiled entry point and resolves once it sends `readyType` over IPC. */
function startProcess(
  script: string,
  env: NodeJS.ProcessEnv,
  readyType: string,
): Promise<{ child: ChildProcess; message: { port?: number } }> {
  return new Promise((resolvePromise, reject) => {
    // Only errors are shown (LOG_LEVEL): output is the benchmark's.
    const child = fork(join(repoRoot(__dirname), 'dist/server', script), [], {
      env,
      execArgv: ['--enable-source-maps', ...apiNodeArgs(script)],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const onExit = (code: number | null) => reject(new Error(`${script} exited during start-up (code ${code})`));
    child.once('exit', onExit);
    const onMessage = (message: { type?: string; port?: number }) => {
      if (message?.type !== readyType) return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolvePromise({ child, message });
    };
    child.on('message', onMessage);
  });
}

function stopProcess(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The product as `npm start` runs it, from dist/server, on a fresh migrated database of its own and a Redis key prefix
 * of its own; `stop()` ends the processes and removes the database, the keys and the media files.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const id = randomBytes(4).toString('hex');
  const prefix = `mockroom-bench-${id}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'mockroom-bench-'));
  // Created and migrated before the processes start, as `npm start` would migrate it.
  const database = await createScratchDatabase(BENCH_POSTGRES_URL, 'bench');
  const children: ChildProcess[] = [];
  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      await Promise.all(children.map(stopProcess));
      await deleteRedisPrefix(prefix).catch((error: Error) =>
        console.error(`could not delete the Redis keys ${prefix}:*: ${error.message}`),
      );
      await database.drop().catch((error: Error) => console.error(`could not drop ${database.name}: ${error.message}`));
      await rm(dataDir, { recursive: true, force: true });
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    })();
    return stopped;
  };
  // Interrupted (Ctrl+C): leave no processes, database or keys behind; a second signal while cleaning up changes nothing.
  const onSignal = (signal: NodeJS.Signals) => {
    if (!stopped)
      process.stderr.write(`\n${signal}: stopping the benchmark's processes, removing its database and keys…\n`);
    void stop().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'error',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: database.url,
      MOCKROOM_DATABASE_MODE: 'external',
      REDIS_URL: BENCH_REDIS_URL,
      MOCKROOM_QUEUE_PREFIX: prefix,
      MOCKROOM_SECRET: randomBytes(32).toString('hex'),
      MOCKROOM_DATA_DIR: dataDir,
      MOCKROOM_MEDIA_DIR: join(dataDir, 'media'),
      MOCKROOM_WEB_ROOT: '',
      MOCKROOM_WORKER_IN_PROCESS: 'false',
      ...options.env,
    };
    const api = await startProcess('apps/api/src/main.js', env, 'listening');
    children.push(api.child);
    const worker = options.worker ? await startProcess('apps/worker/src/main.js', env, 'ready') : null;
    if (worker) children.push(worker.child);
    return {
      baseUrl: `http://127.0.0.1:${api.message.port}`,
      api: api.child,
      worker: worker?.child ?? null,
      prefix,
      databaseUrl: database.url,
      dataDir,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
