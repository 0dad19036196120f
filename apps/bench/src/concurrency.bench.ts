/**
 * How many candidates streaming audio one API process sustains. Simulated candidates (concurrency-clients.ts, in
 * `--processes` child processes of their own) each sign up, start an AI interview and stream a loop of flite speech with
 * pauses as 20 ms frames of 16 kHz Int16 mono, paced in real time. No worker runs: segments cut by the API are queued
 * as transcription jobs in a Redis prefix of the run's own and stay there, so engine cost is left out and everything
 * the API does per frame and per segment (gateway, endpointer, recording to disk, queueing) is in.
 *
 *   node tools/scripts/run-ts.mjs apps/bench/src/concurrency.bench.ts [--steps 50,100,125,150,200,250,300,400] [--window 20]
 *        [--settle 5] [--processes 2]
 *
 * For each step, candidates are added up to N, then after `--settle` seconds the API's event-loop delay (p50, p99, max,
 * from perf_hooks.monitorEventLoopDelay inside the API, reported once a second over IPC) and CPU use are recorded for
 * `--window` seconds, with the clients' own figures to show they kept up.
 */
import { fork, ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { concatPcm } from '@mockroom/speech';
import type { ClientCommand, ClientStats } from './concurrency-clients';
import { machineCpuPercent, machineTicks, otherCpuPercent } from './support/machine';
import { silence, spokenAnswers } from './support/speech';
import { EventLoopReport, startStack } from './support/stack';
import { argNumber, argValue, mean, mergedPercentile, ms, pct, percentile, table } from './support/stats';

/** Goal: the API's event loop stays responsive (p99 under this) with the step's candidates streaming. */
const LAG_GOAL_MS = 50;
/** Past this the API is plainly overloaded: later steps are skipped. */
const GIVE_UP_LAG_MS = 250;

interface Timed<T> {
  at: number;
  value: T;
}

interface StepResult {
  n: number;
  seconds: number;
  lagP50: number;
  lagP99: number;
  lagP99Worst: number;
  lagMax: number;
  apiCpu: number;
  machineCpu: number;
  otherCpu: number;
  clientCpu: number;
  clientLoopP99: number;
  framesPerSecond: number;
  lateFramesPct: number;
  ackP50: number;
  ackP99: number;
  errors: number;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A loop of real speech: sample answers spoken sentence by sentence with pauses, and longer pauses between answers. */
async function speechLoop(dir: string): Promise<{ path: string; seconds: number }> {
  const answers = await spokenAnswers({ count: 6, minMs: 20_000, maxMs: 60_000, pauseMs: [250, 1250], seed: 7 });
  const parts = answers.flatMap((a, i) => [a.pcm, silence(1000 + ((i * 700) % 2000))]);
  const pcm = concatPcm(parts);
  const path = join(dir, 'speech.pcm');
  await writeFile(path, Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength));
  return { path, seconds: pcm.length / 16_000 };
}

async function main(): Promise<void> {
  const steps = argValue('steps', '50,100,125,150,200,250,300,400')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0)
    .sort((a, b) => a - b);
  const windowS = Math.max(3, argNumber('window', 20));
  const settleS = Math.max(0, argNumber('settle', 5));
  const processes = Math.max(1, argNumber('processes', 2));

  const stack = await startStack({
    worker: false,
    env: { MOCKROOM_REPORT_EVENT_LOOP: '1', SIGN_UPS_PER_IP_PER_HOUR: '1000000', TTS_ENGINE: 'browser' },
  });
  const apiReports: Timed<EventLoopReport>[] = [];
  let apiExit: string | null = null;
  let stopping = false;
  stack.api.once('exit', (code, signal) => {
    if (!stopping) apiExit = signal ?? `code ${code}`;
  });
  stack.api.on('message', (message: EventLoopReport) => {
    if (message?.type === 'event-loop') apiReports.push({ at: Date.now(), value: message });
  });

  const clients: ChildProcess[] = [];
  const clientReports: (Timed<ClientStats> & { process: number })[] = [];
  const results: StepResult[] = [];
  let crashed: Error | null = null;
  let loop = { path: '', seconds: 0 };
  try {
    process.stderr.write('speaking the speech loop with flite…\n');
    loop = await speechLoop(stack.dataDir);
    // Set-up waits end early if the API dies (its clients' requests would only time out).
    const apiGone = new Promise<void>((resolve) => stack.api.once('exit', () => resolve()));
    for (let i = 0; i < processes; i++) {
      const child = fork(join(__dirname, 'concurrency-clients.js'), [stack.baseUrl, loop.path], {
        execArgv: ['--enable-source-maps'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      child.on('message', (message: ClientStats | { type: string }) => {
        if (message.type === 'stats') clientReports.push({ at: Date.now(), value: message as ClientStats, process: i });
      });
      child.once('exit', (code) => {
        if (code !== 0 && code !== null) crashed = new Error(`a client process exited with code ${code}`);
      });
      clients.push(child);
    }
    const send = (child: ChildProcess, command: ClientCommand) => child.send(command);
    let current = 0;
    for (const n of steps) {
      const perProcess = clients.map(
        (_, i) => Math.floor((n - current) / processes) + (i < (n - current) % processes ? 1 : 0),
      );
      process.stderr.write(`  ${n} candidates: adding ${n - current}…`);
      const setupStarted = Date.now();
      let failed = 0;
      const added = Promise.all(
        clients.map(
          (child, i) =>
            new Promise<void>((resolve) => {
              if (!perProcess[i]) return resolve();
              const onMessage = (message: { type: string; failed?: number }) => {
                if (message.type !== 'added') return;
                failed += message.failed ?? 0;
                child.off('message', onMessage);
                resolve();
              };
              child.on('message', onMessage);
              send(child, { type: 'add', count: perProcess[i] });
            }),
        ),
      );
      await Promise.race([added, apiGone]);
      if (crashed) throw crashed;
      if (apiExit) {
        process.stderr.write(` the API process exited (${apiExit})\n`);
        break;
      }
      current = n - failed;
      process.stderr.write(
        ` set up in ${((Date.now() - setupStarted) / 1000).toFixed(0)} s${failed ? ` (${failed} failed)` : ''}; measuring…\n`,
      );
      await sleep(settleS * 1000);
      const from = Date.now();
      const ticks = machineTicks();
      await sleep(windowS * 1000);
      const to = Date.now();
      const ticksAfter = machineTicks();
      const api = apiReports.filter((r) => r.at > from && r.at <= to).map((r) => r.value);
      const inWindow = clientReports.filter((r) => r.at > from && r.at <= to);
      const client = inWindow.map((r) => r.value);
      // Errors and disconnects are counted from the start: the last report of each process.
      const problems = clients.reduce((sum, _child, i) => {
        const last = inWindow.filter((r) => r.process === i).pop()?.value;
        return sum + (last ? last.errors + last.disconnects : 0);
      }, 0);
      const frames = client.reduce((s, c) => s + c.framesSent, 0);
      const acks = client.flatMap((c) => c.ackRttMs);
      const result: StepResult = {
        n: current,
        seconds: api.length,
        lagP50: mergedPercentile(api, 50),
        lagP99: mergedPercentile(api, 99),
        lagP99Worst: Math.max(...api.map((r) => r.p99)),
        lagMax: Math.max(...api.map((r) => r.max)),
        apiCpu: mean(api.map((r) => r.cpuPercent)),
        machineCpu: machineCpuPercent(ticks, ticksAfter),
        otherCpu: otherCpuPercent(ticks, ticksAfter),
        clientCpu: (client.reduce((s, c) => s + c.cpuPercent, 0) / Math.max(1, client.length)) * processes,
        clientLoopP99: Math.max(...client.map((c) => c.loopP99Ms)),
        framesPerSecond: frames / windowS,
        lateFramesPct: frames ? (client.reduce((s, c) => s + c.lateFrames, 0) / frames) * 100 : NaN,
        ackP50: percentile(acks, 50),
        ackP99: percentile(acks, 99),
        errors: problems,
      };
      if (apiExit) {
        process.stderr.write(` the API process exited (${apiExit}) while measuring\n`);
        break;
      }
      results.push(result);
      process.stderr.write(
        `    API event-loop p99 ${ms(result.lagP99, 1)} (worst second ${ms(result.lagP99Worst, 1)}), API CPU ${pct(result.apiCpu)}, machine ${pct(result.machineCpu)}\n`,
      );
      if (result.lagP99 > GIVE_UP_LAG_MS) {
        process.stderr.write(`    the API is overloaded; skipping larger steps\n`);
        break;
      }
    }
  } finally {
    stopping = true;
    for (const child of clients) if (child.exitCode === null) child.send({ type: 'stop' } satisfies ClientCommand);
    await sleep(1000);
    for (const child of clients) if (child.exitCode === null) child.kill();
    await stack.stop();
  }

  const cores = cpus().length;
  console.log(
    `one API process, no worker (segments queue as jobs in Redis); candidates simulated in ${processes} client processes; speech loop of ${loop.seconds.toFixed(0)} s (flite, pauses)`,
  );
  console.log(
    `each step: ${settleS} s to settle, then ${windowS} s measured; machine: ${cores} cores, node ${process.version}; CPU in % of one core\n`,
  );
  console.log(
    table(
      [
        'candidates',
        'frames/s',
        'API lag p50',
        'API lag p99',
        'worst-second p99',
        'API lag max',
        'API CPU',
        'machine CPU',
        'clients CPU',
        'other CPU',
        'client lag p99',
        'late frames',
        'ack RTT p50',
        'ack RTT p99',
        'socket errors',
        'goal',
      ],
      results.map((r) => [
        String(r.n),
        r.framesPerSecond.toFixed(0),
        ms(r.lagP50, 1),
        ms(r.lagP99, 1),
        ms(r.lagP99Worst, 1),
        ms(r.lagMax, 0),
        pct(r.apiCpu),
        `${pct(r.machineCpu)} of ${cores * 100}`,
        pct(r.clientCpu),
        pct(r.otherCpu),
        ms(r.clientLoopP99, 1),
        `${r.lateFramesPct.toFixed(2)} %`,
        ms(r.ackP50, 1),
        ms(r.ackP99, 1),
        String(r.errors),
        r.lagP99 < LAG_GOAL_MS ? 'yes' : 'no',
      ]),
    ),
  );
  const sustained = results.filter((r) => r.lagP99 < LAG_GOAL_MS).map((r) => r.n);
  if (apiExit) console.log(`\nthe API process exited (${apiExit}) during the step after the last one shown.`);
  console.log(
    `\nAPI lag = event-loop delay inside the API process beyond the 10 ms sampling timer, over the whole measured window (seconds merged); "worst-second p99" is the largest p99 of a single second.`,
  );
  console.log(
    `late frames = sent more than 20 ms after due by the simulated clients; ack RTT = a frame sent → the server's audio:ack for it; other CPU = processes other than the benchmark's (PostgreSQL and Redis, largely for this load, and anything else running).`,
  );
  console.log(
    `largest step with API event-loop p99 < ${LAG_GOAL_MS} ms: ${sustained.length ? `${Math.max(...sustained)} candidates` : 'none'}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
