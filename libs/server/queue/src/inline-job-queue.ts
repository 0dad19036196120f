import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { JOB_QUEUE, type JobName, type JobPayloads, type JobResults } from '@mockroom/contracts';
import type { Job } from 'bullmq';
import type { AddJobOptions, AwaitJobOptions } from './job-queue.service';
import { findJobHandlers, JobHandlerError, type JobHandler } from './job-worker.service';
import { QUEUE_SETTINGS } from './queue-settings';

interface Run {
  name: JobName;
  result: Promise<unknown>;
  progress: Set<(progress: never) => void>;
}

/**
 * The job queue without Redis: each job runs in this process, on its handler (the same @OnJob methods the worker
 * runs), with its queue's attempts and backoff. Jobs with the same id run once, as BullMQ adds them once. For service
 * tests that run a job inline (`InlineQueueModule` in place of QueueModule); the product itself always uses
 * BullMQ, even the embedded single-process set-up, so that jobs survive a restart in its private Redis.
 */
@Injectable()
export class InlineJobQueue implements OnApplicationShutdown {
  private handlers: Map<JobName, JobHandler> | null = null;
  private readonly runs = new Map<string, Run>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private sequence = 0;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  private handler(name: JobName): JobHandler {
    this.handlers ??= findJobHandlers(this.discovery, this.scanner, this.reflector).handlers;
    const handler = this.handlers.get(name);
    if (!handler) throw new JobHandlerError(`no handler for job "${name}" in this module`);
    return handler;
  }

  async add<J extends JobName>(name: J, payload: JobPayloads[J], options: AddJobOptions = {}): Promise<string> {
    const id = options.jobId ?? `inline.${++this.sequence}`;
    this.start(name, payload, id, options.delayMs ?? 0).result.catch(() => undefined);
    return id;
  }

  async addAndWait<J extends JobName>(
    name: J,
    payload: JobPayloads[J],
    options: AwaitJobOptions<J>,
    timeoutMs: number,
  ): Promise<JobResults[J]> {
    const id = options.jobId ?? `inline.${++this.sequence}`;
    const run = this.start(name, payload, id, options.delayMs ?? 0);
    const listener = options.onProgress as ((progress: never) => void) | undefined;
    if (listener) run.progress.add(listener);
    let timer: NodeJS.Timeout | undefined;
    try {
      return (await Promise.race([
        run.result,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`job ${id} did not finish in ${timeoutMs} ms`)), timeoutMs);
        }),
      ])) as JobResults[J];
    } finally {
      clearTimeout(timer);
      if (listener) run.progress.delete(listener);
    }
  }

  /** Waits for the runs of `name` whose id starts with `idPrefix`, for at most `waitMs` (see JobQueueService.settle). */
  async settle(name: JobName, idPrefix: string, waitMs: number): Promise<{ finished: number; left: number }> {
    const runs = [...this.runs.entries()].filter(([id, run]) => id.startsWith(idPrefix) && run.name === name);
    const done = new Set<Run>();
    for (const [, run] of runs)
      void run.result.then(
        () => done.add(run),
        () => done.add(run),
      );
    await Promise.race([Promise.allSettled(runs.map(([, run]) => run.result)), this.sleep(waitMs)]);
    await Promise.resolve();
    return { finished: done.size, left: runs.length - done.size };
  }

  /** Runs the job every `everyMs` while the module lives. */
  /** Nothing is kept after an inline job. */
  async discard(_name: JobName, _jobId: string): Promise<void> {
    // Inline jobs live only while they run.
  }

  async repeat<J extends JobName>(name: J, payload: JobPayloads[J], everyMs: number): Promise<void> {
    const timer = setInterval(() => void this.add(name, payload), everyMs);
    timer.unref();
    this.timers.add(timer);
  }

  /** A job's run: started once per id; retried as its queue's settings say. */
  private start<J extends JobName>(name: J, payload: JobPayloads[J], id: string, delayMs: number): Run {
    const existing = this.runs.get(id);
    if (existing) return existing;
    const settings = QUEUE_SETTINGS[JOB_QUEUE[name]];
    const progress = new Set<(progress: never) => void>();
    const job = {
      id,
      name,
      data: payload,
      attemptsMade: 0,
      queueName: JOB_QUEUE[name],
      updateProgress: async (value: unknown) => {
        for (const listener of progress) listener(value as never);
      },
    } as unknown as Job;
    const result = (async () => {
      // Started on the next tick: whoever waits for it hears its progress from the first step.
      await Promise.resolve();
      const handler = this.handler(name);
      if (delayMs > 0) await this.sleep(delayMs);
      for (let attempt = 1; ; attempt++) {
        try {
          return await handler(payload, job);
        } catch (error) {
          job.attemptsMade = attempt;
          if (attempt >= settings.attempts || (error as Error).name === 'UnrecoverableError') throw error;
          await this.sleep(settings.backoffMs * 2 ** (attempt - 1));
        }
      }
    })();
    const run = { name, result, progress };
    this.runs.set(id, run);
    return run;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
