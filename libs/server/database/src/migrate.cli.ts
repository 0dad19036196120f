/**
 * `npm run migrate` — applies pending migrations to DATABASE_URL.
 *   --revert   undo the last applied migration
 */
import { ensureDatabaseExists } from './ensure-database';
import { migrate, revertLastMigration } from './data-source';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      'DATABASE_URL is not set. Example: DATABASE_URL=postgres://postgres@127.0.0.1:5432/mockroom npm run migrate',
    );
    process.exit(2);
  }
  if (process.argv.includes('--revert')) {
    const name = await revertLastMigration({ url });
    console.log(name ? `reverted ${name}` : 'nothing to revert');
    return;
  }
  if (await ensureDatabaseExists(url)) console.log('created the database');
  const applied = await migrate({ url });
  console.log(applied.length ? `applied ${applied.join(', ')}` : 'the database is up to date');
}

main().catch((error: Error) => {
  console.error(`migration failed: ${error.message}`);
  process.exit(1);
});
