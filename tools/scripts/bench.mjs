// `npm run bench`: builds the server code, then runs the benchmarks one after another and prints their figures.
//
//   npm run bench                          all of them (about 25 minutes on 2 cores)
//   npm run bench -- live stt              some of them: live, concurrency, turn-taking, cluster, flood, review, stt, robustness, coding, assessment
//   npm run bench -- --quick               small runs, to check that everything works (about six minutes)
//   npm run bench -- live --answers 6      other options go to the benchmarks (see each file's header)
//
// Figures are printed, never asserted: the exit code is non-zero only when a benchmark crashes.
// docs/benchmarks.md has the figures of a full run and what each one measures.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { buildServer, checkNode, ensureDependencies, root } from './lib.mjs';

const BENCHES = {
  live: {
    title: 'Live turn latency (one candidate in real time; PocketSphinx and flite in the worker)',
    entry: 'apps/bench/src/live.bench.js',
    quick: ['--answers', '3'],
  },
  concurrency: {
    title: 'Candidates streaming audio into one API process (event-loop delay and CPU per step)',
    entry: 'apps/bench/src/concurrency.bench.js',
    quick: ['--steps', '10,25', '--window', '8', '--settle', '2'],
  },
  'turn-taking': {
    title:
      'When an answer is over: false cut-offs in mid-thought pauses, response delay after a true end, first partial words, sounds over the interviewer',
    entry: 'apps/bench/src/turn-taking.bench.js',
    quick: ['--cases', '4'],
  },
  cluster: {
    title:
      'Several API processes: what relaying a frame to the owner adds, and the time from the owner killed to the next transcript',
    entry: 'apps/bench/src/cluster.bench.js',
    quick: ['--seconds', '10', '--failovers', '1'],
  },
  flood: {
    title: 'One candidate flooding the API with streams and frames (health latency, memory, disk)',
    entry: 'apps/bench/src/flood.bench.js',
    quick: ['--seconds', '10'],
  },
  review: {
    title: 'Review of a 30-minute session: load time in Chromium, the review API, audio seeks',
    entry: 'apps/bench/src/review.bench.js',
    quick: ['--minutes', '5', '--runs', '3'],
  },
  stt: {
    title: 'PocketSphinx word error rate on flite-spoken sample answers, without and with vocabulary hints',
    entry: 'libs/speech/src/bench/stt.bench.js',
    quick: ['--count', '2'],
  },
  robustness: {
    title:
      'Scores of answers as heard: held-out answers spoken by flite, transcribed by PocketSphinx, scored clean and heard',
    entry: 'apps/bench/src/scoring-robustness.bench.js',
    quick: ['--questions', '3'],
  },
  coding: {
    title: 'Coding rounds: Run → result for a trivial program and the reference solutions, runs per second per worker',
    entry: 'apps/bench/src/coding.bench.js',
    quick: ['--runs', '3', '--burst', '10'],
  },
  assessment: {
    title: 'Assessment engine throughput (answers/s, p95 for a 300-word answer)',
    entry: 'libs/assessment/src/bench/assessment.bench.js',
    quick: ['100'],
    // This one exits 1 when its own goal is missed; only its "bench: <error>" line means it crashed.
    crashed: (code, stderr) => code !== 0 && (code !== 1 || /^bench: /m.test(stderr)),
  },
};

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const named = args.filter((a) => a in BENCHES);
const unknown = args.filter((a, i) => !a.startsWith('--') && !(a in BENCHES) && !args[i - 1]?.startsWith('--'));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose among ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const passThrough = args.filter((a) => a !== '--quick' && !(a in BENCHES));
const selected = named.length ? Object.keys(BENCHES).filter((name) => named.includes(name)) : Object.keys(BENCHES);

/** Clock ticks (1/100 s) the whole machine was busy, and in all, from /proc/stat; null off Linux. */
function machineTicks() {
  try {
    const values = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    return {
      busy: values.reduce((s, v) => s + v, 0) - values[3] - values[4],
      total: values.reduce((s, v) => s + v, 0),
    };
  } catch {
    return null;
  }
}

/** Clock ticks used by this process and its finished children (and theirs, once reaped): the benchmark's own CPU. */
function ownTicks() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ').map(Number);
    return fields[11] + fields[12] + fields[13] + fields[14];
  } catch {
    return null;
  }
}

/** How busy the machine was during a benchmark and how much of that was the benchmark's processes (% of one core). */
function cpuNote(before, after, ownBefore, ownAfter) {
  if (!before || !after || ownBefore === null || ownAfter === null) return '';
  const cores = cpus().length;
  const share = (ticks) => ((ticks / (after.total - before.total)) * 100 * cores).toFixed(0);
  return `; machine CPU ${share(after.busy - before.busy)} % of ${cores * 100} %, of which this benchmark's processes ${share(ownAfter - ownBefore)} % (the rest: PostgreSQL, Redis, anything else running)`;
}

let current = null;
let interrupted = false;
// Interrupted: the running benchmark cleans up (its processes, database, Redis keys); no further one starts.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true;
    if (current) current.kill(signal);
    else process.exit(130);
  });
}

function runBench(bench) {
  return new Promise((resolve) => {
    const child = (current = spawn(
      process.execPath,
      ['--enable-source-maps', join(root, 'dist/server', bench.entry), ...(quick ? bench.quick : []), ...passThrough],
      {
        cwd: root,
        stdio: ['ignore', 'inherit', 'pipe'],
      },
    ));
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code, signal) => {
      current = null;
      resolve({ code: code ?? 1, signal, stderr });
    });
  });
}

checkNode();
ensureDependencies();
buildServer();
console.log(
  `\nMockroom benchmarks, ${new Date().toISOString()}: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), node ${process.version}${quick ? ', quick' : ''}`,
);
const crashed = [];
for (const name of selected) {
  if (interrupted) break;
  const bench = BENCHES[name];
  console.log(`\n== ${name}: ${bench.title} ==\n`);
  const started = Date.now();
  const ticks = machineTicks();
  const own = ownTicks();
  const { code, signal, stderr } = await runBench(bench);
  const note = cpuNote(ticks, machineTicks(), own, ownTicks());
  const failed = !interrupted && (signal !== null || (bench.crashed ? bench.crashed(code, stderr) : code !== 0));
  if (failed) crashed.push(name);
  const outcome = interrupted ? ', interrupted' : failed ? `, crashed: ${signal ?? `exit ${code}`}` : '';
  console.log(`\n(${name}: ${((Date.now() - started) / 1000).toFixed(0)} s${outcome}${note})`);
}
if (interrupted) process.exit(130);
if (crashed.length) {
  console.error(`\ncrashed: ${crashed.join(', ')}`);
  process.exit(1);
}
