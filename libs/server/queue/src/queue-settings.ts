import { QueueName } from '@mockroom/contracts';

export interface QueueSettings {
  /** Jobs of this queue one worker process runs at once. */
  concurrency: number;
  /** How long a job may run before BullMQ considers its worker dead and hands it to another. */
  lockDurationMs: number;
  /** How often workers look for jobs whose worker died (their lock expired). */
  stalledIntervalMs: number;
  /** Total tries, the first included. */
  attempts: number;
  /** First retry delay; doubles each time. */
  backoffMs: number;
  /** Completed jobs kept for inspection. */
  keepCompleted: number;
  /** Failed jobs kept for inspection. */
  keepFailed: number;
  /** Jobs carrying personal data: finished ones leave Redis after this many seconds, whatever the counts above. */
  keepForSeconds?: number;
}

/** One entry per queue: leaving a queue out is a compile error. */
export const QUEUE_SETTINGS: { [Q in QueueName]: QueueSettings } = {
  // Live: a candidate is waiting for these words. Short lock so a dead worker's segment is retried quickly. A job of an
  // utterance still being spoken waits for its audio most of the time, so several run at once; the engine's own pool
  // (decoders) bounds the CPU they use.
  [QueueName.Transcription]: {
    concurrency: 8,
    lockDurationMs: 10_000,
    stalledIntervalMs: 5_000,
    attempts: 4,
    backoffMs: 250,
    keepCompleted: 1_000,
    keepFailed: 1_000,
  },
  [QueueName.Speech]: {
    concurrency: 2,
    lockDurationMs: 30_000,
    stalledIntervalMs: 15_000,
    attempts: 3,
    backoffMs: 250,
    keepCompleted: 500,
    keepFailed: 500,
  },
  [QueueName.Assessment]: {
    concurrency: 4,
    lockDurationMs: 60_000,
    stalledIntervalMs: 30_000,
    attempts: 3,
    backoffMs: 1_000,
    keepCompleted: 500,
    keepFailed: 500,
  },
  [QueueName.Maintenance]: {
    concurrency: 1,
    lockDurationMs: 60_000,
    stalledIntervalMs: 30_000,
    attempts: 3,
    backoffMs: 5_000,
    keepCompleted: 100,
    keepFailed: 500,
  },
  // A candidate waits for each run, and each is one sandboxed process with its own CPU and memory limits: as many at
  // once as a worker has cores. A run never takes longer than its wall limit (10 s); a retry must not run it twice.
  [QueueName.Code]: {
    concurrency: 2,
    lockDurationMs: 30_000,
    stalledIntervalMs: 15_000,
    attempts: 2,
    backoffMs: 250,
    keepCompleted: 200,
    keepFailed: 200,
  },
  // Someone waits on the upload page. The file is personal data: a finished job leaves Redis within a minute.
  // Reading runs in a thread with its own time and memory limits; a retry would read the same file the same way.
  [QueueName.Documents]: {
    concurrency: 2,
    lockDurationMs: 60_000,
    stalledIntervalMs: 30_000,
    attempts: 1,
    backoffMs: 1_000,
    keepCompleted: 20,
    keepFailed: 20,
    keepForSeconds: 60,
  },
};
