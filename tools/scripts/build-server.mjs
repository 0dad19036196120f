// Compiles the server-side TypeScript (apps except web and e2e, and all libs) to dist/server with SWC.
// Path aliases from tsconfig.base.json are rewritten to relative requires, so the output runs with plain node.
// Type checking is the `typecheck` targets' job (tsc --noEmit); this stays fast enough to run before every start.
import { transformFile } from '@swc/core';
import { mkdir, readFile, writeFile, readdir, copyFile, rename, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'dist', 'server');
// Built beside it and swapped in at the end: a product already running from dist/server (a test's, a user's second
// terminal running `npm run user:role`) never finds its files half gone.
const stageDir = join(root, 'dist', `server.build-${process.pid}`);
const oldDir = join(root, 'dist', `server.old-${process.pid}`);
const sourceDirs = ['apps/api/src', 'apps/worker/src', 'apps/launcher/src', 'apps/agent/src', 'apps/bench/src', 'libs'];
const skip = /(\.spec\.tsx?|\.test\.tsx?|\.d\.ts)$/;

const tsconfig = JSON.parse(await readFile(join(root, 'tsconfig.base.json'), 'utf8'));
const swcOptions = {
  sourceMaps: true,
  jsc: {
    parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
    baseUrl: root,
    paths: tsconfig.compilerOptions.paths,
  },
  module: { type: 'commonjs' },
};

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (['node_modules', 'dist', 'seeds', 'fixtures'].includes(entry.name)) continue;
      yield* walk(full);
    } else {
      yield full;
    }
  }
}

const started = Date.now();
// Leftovers of builds that did not finish (their process is gone).
for (const entry of await readdir(join(root, 'dist')).catch(() => [])) {
  const pid = Number(/^server\.(?:build|old)-(\d+)$/.exec(entry)?.[1]);
  if (!pid) continue;
  let alive = true;
  try {
    process.kill(pid, 0);
  } catch {
    alive = false;
  }
  if (!alive) await rm(join(root, 'dist', entry), { recursive: true, force: true });
}
await rm(stageDir, { recursive: true, force: true });
let count = 0;
const jobs = [];
for (const dir of sourceDirs) {
  for await (const file of walk(join(root, dir))) {
    const rel = relative(root, file);
    if (rel.startsWith('libs/') && !rel.includes('/src/')) continue;
    if (/\.tsx?$/.test(file) && !skip.test(file)) {
      const target = join(stageDir, rel.replace(/\.tsx?$/, '.js'));
      jobs.push(
        (async () => {
          const result = await transformFile(file, {
            ...swcOptions,
            filename: file,
            sourceFileName: relative(dirname(target), file),
          });
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, `${result.code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
          if (result.map) await writeFile(`${target}.map`, result.map);
          count++;
        })(),
      );
    } else if (/\.(json|sql)$/.test(file)) {
      const target = join(stageDir, rel);
      jobs.push(mkdir(dirname(target), { recursive: true }).then(() => copyFile(file, target)));
    }
  }
}
await Promise.all(jobs);
await rename(outDir, oldDir).catch((error) => {
  if (error.code !== 'ENOENT') throw error;
});
await rename(stageDir, outDir);
await rm(oldDir, { recursive: true, force: true });
console.log(`server: compiled ${count} files to ${relative(root, outDir)} in ${Date.now() - started} ms`);
