import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { JOB_QUEUE, JobName, JobPayloads, JobProgress, JobResults, QueueName } from '@mockroom/contracts';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import { Job, JobsOptions, Queue, QueueEvents } from 'bullmq';
import type IORedis from 'ioredis';
import { QUEUE_SETTINGS } from './queue-settings';
import { createRedisConnection } from './redis-connection';
import { redisRunId } from './redis-restarts';

/** How often an awaited job is looked at directly, in case its 'completed' event was lost. */
const WATCH_JOB_MS = 3_000;
/** How often `settle` looks at the queue again. */
const SETTLE_POLL_MS = 100;

/** A job id from its parts. BullMQ refuses custom ids with ':' (its own key separator), so parts are joined with '.'. */
export function jobId(...parts: (string | number)[]): string {
  return parts.join('.');
}

export interface AddJobOptions {
  /** A job with the same id is added once: the key to idempotent producers. */
  jobId?: string;
  delayMs?: number;
  priority?: number;
}

/** Waiting for a job, and hearing what it reports on the way (jobs that report progress only). */
export interface AwaitJobOptions<J extends JobName> extends AddJobOptions {
  onProgress?: J extends keyof JobProgress ? (progress: JobProgress[J]) => void : never;
}

/** The one way to enqueue work: typed by job name, routed to the job's queue with that queue's retry settings. */
@Injectable()
export class JobQueueService implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  private readonly events = new Map<QueueName, Promise<QueueEvents>>();
  private connection: IORedis | null = null;
  private readonly eventConnections: IORedis[] = [];
  private knownRunId: string | null | undefined;
  /** Who hears the progress of a job being awaited, by job id (one listener per queue's events dispatches). */
  private readonly progressListeners = new Map<string, (progress: never) => void>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async add<J extends JobName>(name: J, payload: JobPayloads[J], options: AddJobOptions = {}): Promise<string> {
    if (options.jobId?.includes(':')) throw new Error(`job id "${options.jobId}" contains ':'; build it with jobId()`);
    const queueName = JOB_QUEUE[name];
    const settings = QUEUE_SETTINGS[queueName];
    const jobOptions: JobsOptions = {
      jobId: options.jobId,
      delay: options.delayMs,
      priority: options.priority,
      attempts: settings.attempts,
      backoff: { type: 'exponential', delay: settings.backoffMs },
      removeOnComplete:
        settings.keepForSeconds === undefined
          ? settings.keepCompleted
          : { count: settings.keepCompleted, age: settings.keepForSeconds },
      removeOnFail:
        settings.keepForSeconds === undefined
          ? settings.keepFailed
          : { count: settings.keepFailed, age: settings.keepForSeconds },
    };
    const job = await this.queue(queueName).add(name, payload, jobOptions);
    return job.id ?? '';
  }

  /**
   * Adds a job and waits for its result (the live turn waits for transcripts and scores this way).
   * Rejects when the job fails for good or the wait exceeds `timeoutMs`.
   */
  async addAndWait<J extends JobName>(
    name: J,
    payload: JobPayloads[J],
    options: AwaitJobOptions<J>,
    timeoutMs: number,
  ): Promise<JobResults[J]> {
    const queueName = JOB_QUEUE[name];
    const queue = this.queue(queueName);
    const events = await this.queueEvents(queueName);
    const runId = await this.runId();
    const { onProgress, ...addOptions } = options;
    const id = await this.add(name, payload, addOptions);
    if (onProgress) this.progressListeners.set(id, onProgress as (progress: never) => void);
    const job = await queue.getJob(id);
    if (!job) throw new Error(`job ${id} vanished before it could be awaited`);
    const finished = job.waitUntilFinished(events, timeoutMs) as Promise<JobResults[J]>;
    // The wait listens for the job's 'completed' event. If Redis restarts without its data, that event (and the job
    // with it) is gone: watch the job itself too, and add it again when the restarted Redis no longer has it.
    let timer: NodeJS.Timeout | undefined;
    const watched = new Promise<JobResults[J]>((resolve, reject) => {
      const check = async (): Promise<void> => {
        try {
          const current = await Job.fromId(queue, id);
          const state = current ? await current.getState() : null;
          if (current && state === 'completed') return resolve(current.returnvalue as JobResults[J]);
          if (current && state === 'failed' && current.attemptsMade >= (current.opts.attempts ?? 1))
            return reject(new Error(current.failedReason));
          if (!current && runId !== null && (await this.runId(true)) !== runId) {
            await this.add(name, payload, { ...addOptions, jobId: id });
          }
        } catch {
          // Redis unreachable right now: look again later.
        }
        timer = setTimeout(() => void check(), WATCH_JOB_MS);
      };
      timer = setTimeout(() => void check(), WATCH_JOB_MS);
    });
    finished.catch(() => undefined);
    try {
      return await Promise.race([finished, watched]);
    } finally {
      clearTimeout(timer);
      if (onProgress) this.progressListeners.delete(id);
    }
  }

  /**
   * Waits until no job `name` whose id starts with `idPrefix` is waiting, delayed or running, for at most `waitMs`:
   * what a process that died left in the queue for one interview is done before another process takes the interview
   * up. How many such jobs finished meanwhile, and how many were still there when the wait ran out.
   */
  async settle(name: JobName, idPrefix: string, waitMs: number): Promise<{ finished: number; left: number }> {
    const queue = this.queue(JOB_QUEUE[name]);
    // Ids only (a transcription job carries seconds of audio): the lists and sets of jobs not yet finished.
    const pending = async () => {
      const client = this.sharedConnection();
      const { wait, paused, active, delayed, prioritized } = queue.keys;
      const ids = (
        await Promise.all([
          client.lrange(wait, 0, -1),
          client.lrange(paused, 0, -1),
          client.lrange(active, 0, -1),
          client.zrange(delayed, 0, -1),
          client.zrange(prioritized, 0, -1),
        ])
      ).flat();
      return ids.filter((id: string) => id.startsWith(idPrefix)).length;
    };
    const deadline = Date.now() + waitMs;
    const initial = await pending();
    let left = initial;
    while (left > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
      left = await pending();
    }
    return { finished: Math.max(0, initial - left), left };
  }

  /** The Redis server's run id (it changes when Redis restarts), cached per connection until `fresh`. */
  private async runId(fresh = false): Promise<string | null> {
    if (!fresh && this.knownRunId !== undefined) return this.knownRunId;
    try {
      this.knownRunId = await redisRunId(this.sharedConnection());
    } catch {
      this.knownRunId = null;
    }
    return this.knownRunId;
  }

  private queueEvents(name: QueueName): Promise<QueueEvents> {
    let events = this.events.get(name);
    if (!events) {
      const connection = createRedisConnection(this.config.redis.url);
      this.eventConnections.push(connection);
      const created = new QueueEvents(name, { connection, prefix: this.config.redis.prefix });
      created.on('progress', ({ jobId, data }) => {
        const listener = this.progressListeners.get(jobId);
        if (!listener) return;
        try {
          listener(data as never);
        } catch {
          // A listener's failure is its own; the wait goes on.
        }
      });
      events = created.waitUntilReady().then(() => created);
      this.events.set(name, events);
    }
    return events;
  }

  /** Registers a repeating job (same key, so restarts do not multiply it). */
  /** Removes a finished job with its payload and result (personal data that should not stay in Redis). */
  async discard(name: JobName, jobId: string): Promise<void> {
    await this.queue(JOB_QUEUE[name])
      .remove(jobId)
      .catch(() => undefined);
  }

  async repeat<J extends JobName>(name: J, payload: JobPayloads[J], everyMs: number): Promise<void> {
    await this.queue(JOB_QUEUE[name]).upsertJobScheduler(name, { every: everyMs }, { name, data: payload });
  }

  /** The queues' connection; a reconnect (maybe to a restarted Redis) forgets the server's run id. */
  private sharedConnection(): IORedis {
    if (!this.connection) {
      this.connection = createRedisConnection(this.config.redis.url);
      this.connection.on('ready', () => (this.knownRunId = undefined));
    }
    return this.connection;
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.sharedConnection(), prefix: this.config.redis.prefix });
      // Every awaited job adds a 'closing' listener here until it finishes (Job.waitUntilFinished): hundreds in flight are normal.
      queue.setMaxListeners(0);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.events.values()].map((events) => events.then((e) => e.close()).catch(() => undefined)));
    this.events.clear();
    // Connections we gave to QueueEvents are ours to close (BullMQ leaves a connection it was handed open).
    await Promise.all(
      this.eventConnections.splice(0).map((connection) => connection.quit().catch(() => connection.disconnect())),
    );
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
    await this.connection?.quit().catch(() => undefined);
    this.connection = null;
  }
}
