function portAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolvePromise(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Which database `npm start` uses, found the same way by every command of the product (the launcher, `npm run
 * user:role`): DATABASE_URL if set; else a PostgreSQL answering on 127.0.0.1:5432 (a `mockroom` database, created
 * when missing); else the embedded PGlite in the data folder.
 *
 * PGlite is one process's database: while the product runs, its launcher serves it on a private port and writes that
 * address to `<data>/pglite.url`, so a command run meanwhile knows not to open the files a second time.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureDatabaseExists } from '@mockroom/server-database';
import { startEmbeddedPostgres } from './embedded-postgres';
import { probePostgres } from './local-services';

export class DatabaseDiscoveryError extends Error {}

export interface FoundDatabase {
  url: string;
  mode: 'external' | 'local' | 'embedded';
  /** Why a PostgreSQL that was there could not be used, when it fell back to the embedded one. */
  note?: string;
  /** Stops what was started for this database (the embedded one), if anything. */
  stop(): Promise<void>;
}

const NOTHING_TO_STOP = async () => undefined;

/** The data folder: MOCKROOM_DATA_DIR, or `.mockroom` in the checkout. */
export function dataDirOf(env: NodeJS.ProcessEnv, root: string): string {
  return resolve(env.MOCKROOM_DATA_DIR || join(root, '.mockroom'));
}

export function embeddedUrlFile(dataDir: string): string {
  return join(dataDir, 'pglite.url');
}

/**
 * @param serve the product itself (it serves the embedded database to its API and announces it), or a command
 * that only needs it for a moment.
 */
export async function findDatabase(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  serve: 'product' | 'command',
  say: (line: string) => void = () => undefined,
): Promise<FoundDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, mode: 'external', stop: NOTHING_TO_STOP };
  const wanted = env.MOCKROOM_DATABASE ?? 'auto';
  if (!['auto', 'embedded', 'local'].includes(wanted))
    throw new DatabaseDiscoveryError(`MOCKROOM_DATABASE must be auto, local or embedded, got "${wanted}".`);
  let note: string | undefined;
  if (wanted !== 'embedded') {
    const users = [...new Set(['postgres', userInfo().username])];
    let lastError = '';
    for (const user of users) {
      const server = `postgres://${encodeURIComponent(user)}@127.0.0.1:5432`;
      const problem = await probePostgres(`${server}/postgres`);
      if (problem === null) {
        const url = `${server}/${env.MOCKROOM_DATABASE_NAME ?? 'mockroom'}`;
        if (await ensureDatabaseExists(url)) say(`created database ${url}`);
        return { url, mode: 'local', stop: NOTHING_TO_STOP };
      }
      lastError = problem;
    }
    if (wanted === 'local') throw new DatabaseDiscoveryError(`No usable PostgreSQL on 127.0.0.1:5432 (${lastError}).`);
    if (!/ECONNREFUSED|timeout/i.test(lastError))
      note = `PostgreSQL on 127.0.0.1:5432 did not let us in (${lastError}); set DATABASE_URL to use it.`;
  }

  // The embedded database: its files may be opened by one process only. While the product runs, that is the product's
  // launcher, whose server takes one connection (the API's): a command cannot get in and says so.
  const urlFile = embeddedUrlFile(dataDir);
  if (existsSync(urlFile)) {
    const url = new URL((await readFile(urlFile, 'utf8')).trim());
    if (await portAnswers(url.hostname, Number(url.port))) {
      throw new DatabaseDiscoveryError(
        serve === 'product'
          ? `Mockroom is already running with this data folder (${dataDir}); stop it first.`
          : 'Mockroom is running with its embedded database, which serves only the running product. Stop it (Ctrl+C), run this again, then start it.',
      );
    }
    await rm(urlFile, { force: true }); // left by a product that did not stop cleanly
  }
  const embedded = await startEmbeddedPostgres(join(dataDir, 'pgdata'));
  if (serve === 'product') await writeFile(urlFile, `${embedded.url}\n`, { mode: 0o600 });
  return {
    url: embedded.url,
    mode: 'embedded',
    note,
    async stop() {
      if (serve === 'product') await rm(urlFile, { force: true });
      await embedded.stop();
    },
  };
}
