// `npm run migrate [-- --revert]`: applies (or reverts the last of) the database migrations on DATABASE_URL.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildServer, checkNode, ensureDependencies, root } from './lib.mjs';

checkNode();
ensureDependencies();
buildServer();
const result = spawnSync(
  process.execPath,
  [join(root, 'dist/server/libs/server/database/src/migrate.cli.js'), ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
