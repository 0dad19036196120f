/**
 * `npm run user:role -- <email> <candidate|interviewer|admin>` — appoints admins (nobody can sign up as one) or
 * changes an account's role, in the database `npm start` uses (found the same way; DATABASE_URL if set).
 */
import { USER_ROLES, UserRole } from '@mockroom/contracts';
import { repoRoot } from '@mockroom/server-config';
import { createDataSource, UserEntity, UserRepository } from '@mockroom/server-database';
import { mkdir } from 'node:fs/promises';
import { DatabaseDiscoveryError, dataDirOf, findDatabase } from './database-discovery';

async function main(): Promise<void> {
  const [email, role] = process.argv.slice(2);
  if (!email || !USER_ROLES.includes(role as UserRole)) {
    console.error(`usage: npm run user:role -- <email> <${USER_ROLES.join('|')}>`);
    process.exit(2);
  }
  const dataDir = dataDirOf(process.env, repoRoot(__dirname));
  await mkdir(dataDir, { recursive: true });
  const database = await findDatabase(dataDir, process.env, 'command');
  try {
    // One connection for all of it (the embedded database serves one at a time). A fresh database has no accounts
    // yet, but its tables must exist for the answer to be "no such account".
    const dataSource = createDataSource({ url: database.url, poolSize: 1 });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      const changed = await new UserRepository(dataSource.getRepository(UserEntity)).setRole(email, role as UserRole);
      if (!changed) {
        console.error(`No account with email ${email} (in ${describe(database.mode, database.url)}).`);
        process.exitCode = 1;
      } else {
        console.log(`${email} is now ${role}.`);
      }
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.stop();
  }
}

function describe(mode: string, url: string): string {
  if (mode === 'embedded') return 'the embedded database';
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

main().catch((error: Error) => {
  console.error(error instanceof DatabaseDiscoveryError ? error.message : (error.stack ?? error.message));
  process.exit(1);
});
