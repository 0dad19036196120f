import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@mockroom/server-config';
import { Engines } from '@mockroom/server-jobs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createApiApp } from './bootstrap';

/** Sampling interval of the event-loop delay histogram; every sample includes it, so it is taken off. */
const EVENT_LOOP_RESOLUTION_MS = 10;

/**
 * For benchmarks (opt-in: MOCKROOM_REPORT_EVENT_LOOP=1 and an IPC channel): once a second, the event loop's delay
 * beyond the sampling interval over that second (p50, p99, max, in ms; with the sample count and the histogram's
 * percentile steps, so that seconds can be merged into a longer window) and this process's CPU use (% of one core).
 */
function reportEventLoop(): void {
  if (process.env.MOCKROOM_REPORT_EVENT_LOOP !== '1' || !process.send) return;
  const histogram = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
  histogram.enable();
  const lag = (ns: number) => Math.max(0, ns / 1e6 - EVENT_LOOP_RESOLUTION_MS);
  const cpuMicros = () => {
    const { user, system } = process.cpuUsage();
    return user + system;
  };
  let cpuBefore = cpuMicros();
  let before = process.hrtime.bigint();
  setInterval(() => {
    const cpuNow = cpuMicros();
    const now = process.hrtime.bigint();
    const cpuPercent = ((cpuNow - cpuBefore) * 1000 * 100) / Number(now - before);
    process.send?.({
      type: 'event-loop',
      p50: lag(histogram.percentile(50)),
      p99: lag(histogram.percentile(99)),
      max: lag(histogram.max),
      count: histogram.count,
      percentiles: [...histogram.percentiles].map(([p, ns]) => [p, lag(ns)]),
      cpuPercent,
    });
    histogram.reset();
    cpuBefore = cpuNow;
    before = now;
  }, 1000).unref();
}

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.port, config.host);
  Logger.log(`API listening on ${await app.getUrl()}`, 'Mockroom');
  // The start script waits for this line.
  process.send?.({
    type: 'listening',
    port: (app.getHttpServer().address() as { port: number }).port,
    // When the API runs the jobs itself, it is the one that knows the engines.
    engines: config.workerInProcess ? app.get(Engines, { strict: false }).names() : undefined,
  });
  reportEventLoop();
}

main().catch((error: Error) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
