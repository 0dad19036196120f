import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { JOB_QUEUE, JobName, QueueName } from '@mockroom/contracts';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import { Job, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import { ON_JOB } from './on-job.decorator';
import { QUEUE_SETTINGS } from './queue-settings';
import { createRedisConnection } from './redis-connection';

export type JobHandler = (payload: unknown, job: Job) => Promise<unknown>;
type Handler = JobHandler;

export class JobHandlerError extends Error {}

/** Every provider method marked @OnJob, by job; and what does not match the JobName enum one to one. */
export function findJobHandlers(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
): { handlers: Map<JobName, JobHandler>; problems: string[] } {
  const found = new Map<JobName, JobHandler>();
  const duplicates: string[] = [];
  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || typeof instance !== 'object') continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const method of scanner.getAllMethodNames(prototype)) {
      const fn = instance[method];
      if (typeof fn !== 'function') continue;
      const name = reflector.get<JobName | undefined>(ON_JOB, fn);
      if (!name) continue;
      if (found.has(name)) duplicates.push(name);
      found.set(name, (fn as JobHandler).bind(instance));
    }
  }
  const known = new Set<string>(Object.values(JobName));
  const unknown = [...found.keys()].filter((name) => !known.has(name));
  const missing = Object.values(JobName).filter((name) => !found.has(name));
  const problems = [
    missing.length ? `no handler for ${missing.join(', ')}` : '',
    duplicates.length ? `more than one handler for ${duplicates.join(', ')}` : '',
    unknown.length ? `handlers for unknown jobs ${unknown.join(', ')}` : '',
  ].filter(Boolean);
  return { handlers: found, problems };
}

/**
 * Runs the BullMQ workers. Only the worker process (or the API when it hosts the jobs itself) calls start().
 * Start-up fails loudly when a job has no handler or two, so a deploy cannot silently drop work.
 */
@Injectable()
export class JobWorkerService implements OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly workers: Worker[] = [];
  private connection: IORedis | null = null;
  private handlers = new Map<JobName, Handler>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  /** Finds every @OnJob method; throws when the set does not match the JobName enum one to one. */
  discoverHandlers(): Map<JobName, Handler> {
    const { handlers, problems } = findJobHandlers(this.discovery, this.scanner, this.reflector);
    if (problems.length) throw new JobHandlerError(`Job handlers do not match the job list: ${problems.join('; ')}`);
    return handlers;
  }

  async start(): Promise<void> {
    this.handlers = this.discoverHandlers();
    this.connection = createRedisConnection(this.config.redis.url);
    for (const queueName of Object.values(QueueName)) {
      const settings = QUEUE_SETTINGS[queueName];
      const worker = new Worker(queueName, (job) => this.dispatch(job), {
        connection: this.connection,
        prefix: this.config.redis.prefix,
        concurrency: settings.concurrency,
        lockDuration: settings.lockDurationMs,
        stalledInterval: settings.stalledIntervalMs,
      });
      worker.on('failed', (job, error) => {
        this.logger.warn(
          `${job?.name ?? 'job'} ${job?.id ?? ''} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`,
        );
      });
      worker.on('error', (error) => this.logger.error(`worker error on ${queueName}: ${error.message}`));
      this.workers.push(worker);
    }
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
    this.logger.log(`processing ${this.handlers.size} job types on ${this.workers.length} queues`);
  }

  private async dispatch(job: Job): Promise<unknown> {
    const name = job.name as JobName;
    const handler = this.handlers.get(name);
    if (!handler || JOB_QUEUE[name] !== job.queueName) {
      throw new JobHandlerError(`no handler for job "${job.name}" on queue "${job.queueName}"`);
    }
    return handler(job.data, job);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    this.workers.length = 0;
    await this.connection?.quit().catch(() => undefined);
    this.connection = null;
  }
}
