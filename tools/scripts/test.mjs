// `npm test`: the whole suite. Static checks (lint with module boundaries, type checks), a build,
// then every Jest project (unit, integration against real PostgreSQL and Redis, browser tests in Chromium).
// Ends with one line "N passed, N failed" and a non-zero exit code on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildServer, buildWeb, checkNode, ensureDependencies, root } from './lib.mjs';

checkNode();
ensureDependencies();
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  FORCE_COLOR: process.env.FORCE_COLOR ?? '0',
};
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const jestArgs = args.filter((a) => a !== '--quick');

let staticFailures = 0;
if (!quick) {
  console.log('\n== lint and type checks ==');
  const nx = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/nx/dist/bin/nx.js'),
      'run-many',
      '-t',
      'lint',
      'typecheck',
      '--outputStyle=static',
      '--parallel=2',
    ],
    { cwd: root, stdio: 'inherit', env },
  );
  if (nx.status !== 0) staticFailures++;
}

console.log('\n== build ==');
buildServer();
buildWeb();

console.log('\n== tests ==');
const reportDir = join(root, 'reports');
mkdirSync(reportDir, { recursive: true });
const report = join(reportDir, 'jest.json');
rmSync(report, { force: true });
const jest = spawnSync(
  process.execPath,
  [join(root, 'node_modules/jest/bin/jest.js'), '--json', `--outputFile=${report}`, '--maxWorkers=2', ...jestArgs],
  { cwd: root, stdio: 'inherit', env },
);

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
  for (const suite of results.testResults) {
    if (suite.status === 'failed' && suite.assertionResults.every((a) => a.status !== 'failed')) {
      console.log(`suite failed to run: ${suite.name}\n${suite.message}`);
    }
  }
} else {
  failed = 1;
}
if (staticFailures) console.log(`lint or type checks failed`);
failed += staticFailures;
if (jest.status !== 0 && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
