// Runs a server-side TypeScript entry point: compiles the server code, then runs the compiled file.
// Usage: node tools/scripts/run-ts.mjs <path/to/file.ts> [args...]
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: run-ts.mjs <file.ts> [args...]');
  process.exit(2);
}
const build = spawnSync(process.execPath, [join(root, 'tools/scripts/build-server.mjs')], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) process.exit(build.status ?? 1);
const compiled = join(root, 'dist/server', entry.replace(/\.tsx?$/, '.js'));
const run = spawnSync(process.execPath, ['--enable-source-maps', compiled, ...args], {
  stdio: 'inherit',
  cwd: process.cwd(),
});
process.exit(run.status ?? 1);
