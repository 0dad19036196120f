/**
 * One signed-in candidate floods the API over loopback: it opens audio streams and sends 20 ms frames as fast as its
 * socket takes them (a new stream every `--frames-per-stream` frames, every tenth frame skipping ahead in the
 * sequence), for `--seconds` (at most 60). Meanwhile the health endpoint is asked every 100 ms, and the API's memory
 * and the interview's files on disk are sampled. The API must stay up, refuse what is beyond its limits (too-fast,
 * too-many-streams, recording-full) and keep answering others.
 *
 *   node tools/scripts/run-ts.mjs apps/bench/src/flood.bench.ts [--seconds 30] [--frames-per-stream 2000]
 *
 * Figures are printed, never asserted. Caps stated in docs/benchmarks.md: API resident memory under 400 MB, the
 * interview's recording under its cap (real time × 1.25 plus a 12 s burst per stream), health answered within 100 ms.
 */
import { AUDIO_FRAME_SAMPLES, type AudioStreamAccepted, type SocketError } from '@mockroom/contracts';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { HttpSession, LiveSocket } from './support/candidate';
import { startStack } from './support/stack';
import { argNumber, ms, percentile, table } from './support/stats';

function rssMb(pid: number): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function folderBytes(dir: string): number {
  let total = 0;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of entries) {
    const path = join(dir, name);
    try {
      const info = statSync(path);
      total += info.isDirectory() ? folderBytes(path) : info.size;
    } catch {
      // Removed meanwhile.
    }
  }
  return total;
}

const sleep = (delay: number) => new Promise((resolve) => setTimeout(resolve, delay));

async function main(): Promise<void> {
  const seconds = Math.min(60, Math.max(5, argNumber('seconds', 30)));
  const framesPerStream = Math.max(10, argNumber('frames-per-stream', 2000));
  const stack = await startStack({ worker: false });
  try {
    const http = new HttpSession(stack.baseUrl);
    await http.signUp('flood');
    const id = await http.createInterview({
      role: 'backend',
      level: 'mid',
      questionCount: 10,
      maxFollowUps: 0,
      answerSilenceMs: 30_000,
      voice: 'browser',
    });
    const live = new LiveSocket(stack.baseUrl, http.cookieHeader());
    await live.connect();
    const joined = await live.socket.timeout(30_000).emitWithAck('interview:join', id);
    if ('error' in joined) throw new Error(`join: ${joined.error.message}`);
    await live.socket.timeout(30_000).emitWithAck('interview:start');

    // Health, memory and disk, sampled while the flood runs.
    const health: number[] = [];
    let healthFailures = 0;
    let rssMax = 0;
    let diskMax = 0;
    let running = true;
    const probing = (async () => {
      while (running) {
        const started = performance.now();
        try {
          const res = await fetch(`${stack.baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
          await res.arrayBuffer();
          if (res.ok) health.push(performance.now() - started);
          else healthFailures++;
        } catch {
          healthFailures++;
        }
        rssMax = Math.max(rssMax, rssMb(stack.api.pid!) ?? 0);
        diskMax = Math.max(diskMax, folderBytes(join(stack.dataDir, 'media')));
        await sleep(Math.max(0, 100 - (performance.now() - started)));
      }
    })();

    const frame = new Uint8Array(new Int16Array(AUDIO_FRAME_SAMPLES).fill(3000).buffer);
    let frames = 0;
    let streams = 0;
    let refusedStarts = 0;
    const until = performance.now() + seconds * 1000;
    // A new stream whenever one is let in; frames on the newest one all the time (a refused start does not slow it).
    let seq = 0;
    while (performance.now() < until && live.socket.connected) {
      const streamId = `flood-${streams++}`;
      const reply = (await live.socket
        .timeout(10_000)
        .emitWithAck('audio:start', { streamId, sampleRate: 16_000 })
        .catch(() => null)) as AudioStreamAccepted | { error: SocketError } | null;
      if (!reply || 'error' in reply) refusedStarts++;
      else seq = 0;
      for (let i = 0; i < framesPerStream && performance.now() < until; i++, seq += i % 10 === 0 ? 400 : 1) {
        live.socket.emit('audio:frame', seq, frame);
        frames++;
        // Let the socket write (as fast as it goes, without queueing unbounded memory in this process).
        if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
      }
    }
    running = false;
    await probing;
    const alive =
      stack.api.exitCode === null &&
      (await fetch(`${stack.baseUrl}/api/health`)
        .then((r) => r.ok)
        .catch(() => false));
    const refusals = new Map<string, number>();
    for (const error of live.errors) refusals.set(error.code, (refusals.get(error.code) ?? 0) + 1);
    live.close();

    console.log(
      `\none candidate flooding for ${seconds} s: ${frames.toLocaleString('en')} frames on ${streams} streams (${refusedStarts} audio:start refused)`,
    );
    console.log(
      table(
        ['', 'value'],
        [
          ['API still up', alive ? 'yes' : 'NO'],
          [
            'health p50 / p95 / max',
            `${ms(percentile(health, 50), 1)} / ${ms(percentile(health, 95), 1)} / ${ms(Math.max(...health), 1)}`,
          ],
          ['health requests (failed)', `${health.length} (${healthFailures})`],
          ['API resident memory, max', `${rssMax.toFixed(0)} MB`],
          [
            'media on disk, max',
            `${(diskMax / 1_000_000).toFixed(1)} MB (${(diskMax / 32_000).toFixed(0)} s of audio)`,
          ],
          ['refusals by code', [...refusals].map(([code, n]) => `${code} ${n}`).join(', ') || '—'],
        ],
      ),
    );
  } finally {
    await stack.stop();
  }
}

main().catch((error: Error) => {
  console.error(`bench: ${error.stack ?? error.message}`);
  process.exit(1);
});
