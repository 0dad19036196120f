import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TEST_REDIS_URL, uniqueRedisPrefix } from '@mockroom/server-testing';

export const REPO_ROOT = resolve(__dirname, '../../../..');
const LAUNCHER = join(REPO_ROOT, 'dist/server/apps/launcher/src/main.js');

export interface RunningProduct {
  url: string;
  /** The launcher's process id (its children are the API, the worker, …). */
  pid: number;
  output: () => string;
  stop(): Promise<number | null>;
}

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `mockroom-${label}-`));
}

/**
 * Starts the product exactly as `npm start` does after building (the launcher: database, Redis, migrations,
 * API serving the web client, worker), on a free port, and waits for its "running at" line.
 * Without MOCKROOM_DATA_DIR in `env` it uses the launcher's default data folder (`.mockroom/` in the checkout), as a
 * user's install does.
 */
export async function startProduct(env: Record<string, string>): Promise<RunningProduct> {
  if (!existsSync(LAUNCHER)) throw new Error('Build first: node tools/scripts/build-server.mjs (npm test does it).');
  const inherited = { ...process.env };
  delete inherited.MOCKROOM_DATA_DIR;
  delete inherited.MOCKROOM_MEDIA_DIR;
  const child: ChildProcess = spawn(process.execPath, [LAUNCHER], {
    cwd: REPO_ROOT,
    env: {
      ...inherited,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      REDIS_URL: TEST_REDIS_URL,
      MOCKROOM_QUEUE_PREFIX: uniqueRedisPrefix('e2e'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`product did not start in 60 s:\n${output}`)), 60_000);
    const check = () => {
      const match = /Mockroom is running at (http:\/\/\S+)/.exec(output);
      if (match && output.includes('Press Ctrl+C to stop.')) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`product exited with ${code} during start-up:\n${output}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    output: () => output,
    stop: () =>
      new Promise((resolvePromise) => {
        if (child.exitCode !== null) return resolvePromise(child.exitCode);
        child.once('exit', (code) => resolvePromise(code));
        child.kill('SIGTERM');
      }),
  };
}

/** The process id of one of the launcher's children ('api', 'worker', 'agent'), or null when it is not running. */
export function childPid(product: RunningProduct, app: 'api' | 'worker' | 'agent'): number | null {
  const run = spawnSync('pgrep', ['-P', String(product.pid), '-f', `apps/${app}/src/main.js`], { encoding: 'utf8' });
  const pid = Number(run.stdout.trim().split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}
