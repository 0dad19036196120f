import { repoRoot } from '@mockroom/server-config';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_REDIS_URL, uniqueRedisPrefix } from './test-database';

const REPO_ROOT = repoRoot();

/** A TCP port nothing listens on right now (asked of the OS in a child process, so this stays synchronous). */
function freePortSync(): number {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

/** One server process of the cluster, as built in dist/server. */
export interface ClusterProcess {
  kind: 'api' | 'worker';
  child: ChildProcess;
  /** The API's own address (bypassing the proxy), for a test that must reach one process. */
  url: string | null;
  /** The id its leases carry (APIs), read from its log. */
  processId: () => string | null;
  output: () => string;
}

export interface Cluster {
  /** The round-robin proxy in front of the APIs: what a browser would use. */
  url: string;
  apis: ClusterProcess[];
  workers: ClusterProcess[];
  redisPrefix: string;
  /** The API process whose lease `holder` names. */
  apiOf(processId: string): ClusterProcess | undefined;
  /** Starts an API process again on the address of one that stopped (it is replaced in `apis`). */
  respawn(api: ClusterProcess): Promise<ClusterProcess>;
  stop(): Promise<void>;
}

const SECRET = 'cluster-test-secret-that-is-long-enough-0123456789';

async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function start(kind: 'api' | 'worker', env: Record<string, string>, port: number | null): ClusterProcess {
  const main = join(REPO_ROOT, `dist/server/apps/${kind}/src/main.js`);
  if (!existsSync(main)) throw new Error('Build first: node tools/scripts/build-server.mjs (npm test does it).');
  const child = spawn(process.execPath, [main], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, ...(port ? { PORT: String(port), HOST: '127.0.0.1' } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    kind,
    child,
    url: port ? `http://127.0.0.1:${port}` : null,
    processId: () => /live interviews run here as process ([0-9a-f-]{36})/.exec(output)?.[1] ?? null,
    output: () => output,
  };
}

/**
 * Several API processes and several workers of one installation, as a deployment runs them: the same database, Redis
 * (one key prefix), secret and media folder; the APIs behind nginx, round-robin (no stickiness, so sockets of one
 * interview land on different processes and are relayed to its owner).
 */
export async function startCluster(
  databaseUrl: string,
  options: { apis?: number; workers?: number; env?: Record<string, string> } = {},
): Promise<Cluster> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mockroom-cluster-'));
  const redisPrefix = uniqueRedisPrefix('cluster');
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    MOCKROOM_QUEUE_PREFIX: redisPrefix,
    MOCKROOM_SECRET: SECRET,
    MOCKROOM_DATA_DIR: dataDir,
    MOCKROOM_MEDIA_DIR: join(dataDir, 'media'),
    MOCKROOM_DATABASE_MODE: 'external',
    MOCKROOM_REDIS_MODE: 'external',
    LOG_LEVEL: 'log',
    ...options.env,
  };
  const apis = Array.from({ length: options.apis ?? 2 }, () => start('api', env, freePortSync()));
  const workers = Array.from({ length: options.workers ?? 2 }, () => start('worker', env, null));
  const healthy = (api: ClusterProcess) =>
    waitFor(async () => {
      if (api.child.exitCode !== null) throw new Error(`an API process exited:\n${api.output()}`);
      return (await fetch(`${api.url}/api/health`).catch(() => null))?.ok === true;
    }, `the API at ${api.url}`);
  for (const api of apis) await healthy(api);
  for (const worker of workers) {
    await waitFor(() => {
      if (worker.child.exitCode !== null) throw new Error(`a worker exited:\n${worker.output()}`);
      return worker.output().includes('worker ready');
    }, 'a worker');
  }

  // nginx from Debian on loopback, with a configuration of the test's own.
  const nginxDir = join(dataDir, 'nginx');
  mkdirSync(join(nginxDir, 'temp'), { recursive: true });
  const port = freePortSync();
  const conf = join(nginxDir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
pid ${nginxDir}/nginx.pid;
error_log ${nginxDir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${nginxDir}/temp/body;
  proxy_temp_path ${nginxDir}/temp/proxy;
  fastcgi_temp_path ${nginxDir}/temp/fastcgi;
  uwsgi_temp_path ${nginxDir}/temp/uwsgi;
  scgi_temp_path ${nginxDir}/temp/scgi;
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  upstream api {
${apis.map((a) => `    server ${new URL(a.url!).host} max_fails=1 fail_timeout=2s;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://api;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_read_timeout 3600s;
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
    }
  }
}
`,
  );
  const nginx = spawn(
    existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx',
    ['-c', conf, '-p', nginxDir, '-g', 'daemon off;'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let nginxOutput = '';
  nginx.stderr!.on('data', (chunk: Buffer) => (nginxOutput += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => {
    if (nginx.exitCode !== null) throw new Error(`nginx exited: ${nginxOutput}`);
    return (await fetch(`${url}/api/health`).catch(() => null))?.ok === true;
  }, 'nginx');

  const stopChild = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  return {
    url,
    apis,
    workers,
    redisPrefix,
    apiOf: (processId) => apis.find((a) => a.processId() === processId),
    async respawn(old) {
      const api = start('api', env, Number(new URL(old.url!).port));
      apis[apis.indexOf(old)] = api;
      await healthy(api);
      return api;
    },
    async stop() {
      await Promise.all([nginx, ...apis.map((a) => a.child), ...workers.map((w) => w.child)].map(stopChild));
    },
  };
}
