/**
 * `npm start`: finds or starts what the product needs, then runs the API (serving the web client) and the worker.
 *
 * Database: DATABASE_URL if set; else a PostgreSQL answering on 127.0.0.1:5432; else an embedded PGlite whose
 * files live in the data folder. Redis: REDIS_URL if set; else 127.0.0.1:6379; else a private redis-server;
 * else it stops and says what to install.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describeEngines, loadConfig, repoRoot } from '@mockroom/server-config';
import { migrate } from '@mockroom/server-database';
import { DatabaseDiscoveryError, dataDirOf, findDatabase, type FoundDatabase } from './database-discovery';
import { findExecutable, PrivateRedis, probeRedis, startPrivateRedis } from './local-services';
import { type ReadyMessage, StartupError, SupervisedProcess } from './supervisor';

const root = repoRoot(__dirname);
const env = process.env;
const cleanups: (() => Promise<void>)[] = [];
const processes: SupervisedProcess[] = [];

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

class StartError extends Error {}

async function secret(dataDir: string): Promise<string> {
  if (env.MOCKROOM_SECRET) return env.MOCKROOM_SECRET;
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const value = randomBytes(32).toString('base64url');
  await writeFile(file, `${value}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return value;
}

async function database(dataDir: string): Promise<FoundDatabase> {
  try {
    const found = await findDatabase(dataDir, env, 'product', say);
    cleanups.push(() => found.stop());
    return found;
  } catch (error) {
    if (error instanceof DatabaseDiscoveryError) throw new StartError(error.message);
    throw error;
  }
}

async function redis(dataDir: string): Promise<{ url: string; mode: 'external' | 'local' | 'private' }> {
  if (env.REDIS_URL) return { url: env.REDIS_URL, mode: 'external' };
  // Where to look for a Redis already running on this machine (overridable so the fallbacks can be tested).
  const [localHost, localPort] = (env.MOCKROOM_LOCAL_REDIS ?? '127.0.0.1:6379').split(':');
  if (await probeRedis(localHost, Number(localPort)))
    return { url: `redis://${localHost}:${localPort}`, mode: 'local' };
  const executable = findExecutable('redis-server');
  if (!executable) {
    throw new StartError(
      [
        'Redis is needed (job queue and live sessions) and none was found:',
        `  nothing answers on ${localHost}:${localPort} and there is no redis-server program to start.`,
        'Install it:   sudo apt-get install -y redis-server   (Debian/Ubuntu)',
        'or point to one:   REDIS_URL=redis://host:6379 npm start',
      ].join('\n'),
    );
  }
  const server: PrivateRedis = await startPrivateRedis(executable, join(dataDir, 'redis'));
  cleanups.push(() => server.stop());
  return { url: server.url, mode: 'private' };
}

async function start(
  name: string,
  script: string,
  childEnv: NodeJS.ProcessEnv,
  readyMessage: string,
): Promise<ReadyMessage> {
  const supervised = new SupervisedProcess(name, join(root, 'dist/server', script), childEnv, readyMessage, (line) =>
    console.error(line),
  );
  processes.push(supervised);
  try {
    const ready = await supervised.start();
    // Started again after a crash, the API listens where browsers already know to find it.
    if (ready.port) supervised.setEnv({ PORT: String(ready.port) });
    return ready;
  } catch (error) {
    throw error instanceof StartupError ? new StartError(error.message) : error;
  }
}

async function shutdown(code: number): Promise<never> {
  await Promise.all(processes.map((p) => p.stop()));
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error: Error) => console.error(error.message));
  process.exit(code);
}

async function main(): Promise<void> {
  const dataDir = dataDirOf(env, root);
  await mkdir(dataDir, { recursive: true });
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  const db = await database(dataDir);
  if (db.note) say(db.note);
  const applied = await migrate({ url: db.url });
  if (applied.length) say(`database migrations applied: ${applied.join(', ')}`);
  const queue = await redis(dataDir);
  const webRoot = join(root, 'apps/web/dist');

  const childEnv: NodeJS.ProcessEnv = {
    ...env,
    NODE_ENV: env.NODE_ENV ?? 'production',
    PORT: env.PORT ?? '3000',
    DATABASE_URL: db.url,
    MOCKROOM_DATABASE_MODE: db.mode,
    REDIS_URL: queue.url,
    MOCKROOM_REDIS_MODE: queue.mode,
    MOCKROOM_SECRET: await secret(dataDir),
    MOCKROOM_DATA_DIR: dataDir,
    MOCKROOM_WEB_ROOT: existsSync(join(webRoot, 'index.html')) ? webRoot : '',
  };
  const config = loadConfig(childEnv);

  const api = start('API', 'apps/api/src/main.js', childEnv, 'listening');
  const worker = config.workerInProcess ? null : start('worker', 'apps/worker/src/main.js', childEnv, 'ready');
  // With LiveKit, the media agent carries the rooms' audio into the pipeline.
  const agent = config.livekit
    ? start(
        'media agent',
        'apps/agent/src/main.js',
        { ...childEnv, MOCKROOM_API_URL: `http://127.0.0.1:${childEnv.PORT}` },
        'ready',
      )
    : null;
  const [started, workerStarted] = await Promise.all([api, worker, agent]);
  const engines = workerStarted?.engines ?? started.engines;

  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  say('');
  say(`Mockroom is running at http://${host}:${started.port ?? config.port}`);
  for (const engine of describeEngines(config))
    say(`  ${engine.kind.padEnd(10)} ${engine.name} (${engine.mode})${engine.detail ? `  ${engine.detail}` : ''}`);
  if (engines) {
    say(`  speech     ${engines.stt}`);
    say(`  voice      ${engines.tts}`);
    say(`  scoring    ${engines.assessment}`);
  }
  say(
    `  audio      ${config.livekit ? `LiveKit at ${config.livekit.url}, with the media agent` : 'built-in transport (Socket.IO)'}`,
  );
  say(
    `  jobs       ${config.workerInProcess ? 'run inside the API process (the embedded database allows one connection)' : 'worker process'}`,
  );
  if (!childEnv.MOCKROOM_WEB_ROOT) say('  web client not built: run `npm run build` (npm start builds it for you)');
  say(`  data       ${dataDir}`);
  say('Press Ctrl+C to stop.');
}

main().catch(async (error: Error) => {
  console.error(error instanceof StartError ? error.message : `Could not start: ${error.stack ?? error.message}`);
  await shutdown(1);
});
