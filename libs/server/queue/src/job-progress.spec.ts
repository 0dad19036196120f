import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { JobName, type JobPayloads } from '@mockroom/contracts';
import { ConfigModule, loadConfig } from '@mockroom/server-config';
import type { Job } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { JobQueueService } from './job-queue.service';
import { JobWorkerService } from './job-worker.service';
import { OnJob } from './on-job.decorator';
import { QueueModule } from './queue.module';

/**
 * A job awaited with `onProgress` is heard while it runs (on real Redis, through BullMQ's queue events): the live turn
 * hears a segment's words before the segment ends. Each waiter hears its own job only, in order.
 */
const config = loadConfig({
  DATABASE_URL: 'postgres://unused/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  MOCKROOM_SECRET: 'x'.repeat(40),
  MOCKROOM_QUEUE_PREFIX: `progress-${randomUUID().slice(0, 8)}`,
});

@Injectable()
class Handlers {
  @OnJob(JobName.TranscribeSegment)
  async transcribe(payload: JobPayloads[JobName.TranscribeSegment], job: Job) {
    for (const partial of ['so', 'so the', 'so the server']) {
      await job.updateProgress({ seq: payload.seq, partial: `${partial} ${payload.seq}` });
      await new Promise((r) => setTimeout(r, 30));
    }
    return {
      seq: payload.seq,
      speaker: payload.speaker,
      text: `so the server ${payload.seq}`,
      startMs: 0,
      endMs: 0,
      questionId: null,
      answerId: null,
      engine: 'test',
      engineMs: 0,
      streamed: true,
    };
  }
}

@Injectable()
class Others {}
for (const name of Object.values(JobName).filter((n) => n !== JobName.TranscribeSegment)) {
  Object.defineProperty(Others.prototype, name, { value: async () => null, writable: true, configurable: true });
  OnJob(name)(Others.prototype, name, Object.getOwnPropertyDescriptor(Others.prototype, name)!);
}

let queue: JobQueueService;
let close: () => Promise<void>;

beforeAll(async () => {
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.withConfig(config), QueueModule],
    providers: [Handlers, Others],
  }).compile();
  const app = moduleRef.createNestApplication();
  await app.init();
  await moduleRef.get(JobWorkerService).start();
  queue = moduleRef.get(JobQueueService);
  close = () => app.close();
});

afterAll(async () => {
  await close?.();
});

describe('hearing an awaited job while it runs', () => {
  it('passes each job its own progress, in order, and then its result', async () => {
    const payload = (seq: number): JobPayloads[JobName.TranscribeSegment] => ({
      interviewId: randomUUID(),
      seq,
      speaker: 'candidate',
      answerId: null,
      questionId: null,
      startMs: 0,
      endMs: 0,
      liveKey: 'x',
      hints: [],
    });
    const heard: Record<number, string[]> = { 1: [], 2: [] };
    const [one, two] = await Promise.all(
      [1, 2].map((seq) =>
        queue.addAndWait(
          JobName.TranscribeSegment,
          payload(seq),
          { jobId: `progress.${randomUUID()}`, onProgress: (p) => heard[seq].push(p.partial) },
          10_000,
        ),
      ),
    );
    expect(heard[1]).toEqual(['so 1', 'so the 1', 'so the server 1']);
    expect(heard[2]).toEqual(['so 2', 'so the 2', 'so the server 2']);
    expect(one.text).toBe('so the server 1');
    expect(two.text).toBe('so the server 2');
  });

  it('a job awaited without a listener runs as before', async () => {
    const result = await queue.addAndWait(
      JobName.TranscribeSegment,
      {
        interviewId: randomUUID(),
        seq: 3,
        speaker: 'candidate',
        answerId: null,
        questionId: null,
        startMs: 0,
        endMs: 0,
        liveKey: 'x',
        hints: [],
      },
      { jobId: `progress.${randomUUID()}` },
      10_000,
    );
    expect(result.text).toBe('so the server 3');
  });
});

describe('settling what a process left queued for one interview', () => {
  const job = (interviewId: string, seq: number): JobPayloads[JobName.TranscribeSegment] => ({
    interviewId,
    seq,
    speaker: 'candidate',
    answerId: null,
    questionId: null,
    startMs: 0,
    endMs: 0,
    liveKey: 'x',
    hints: [],
  });

  it('waits for the interview’s queued jobs to be done, and only for them', async () => {
    const [mine, other] = [randomUUID(), randomUUID()];
    await queue.add(JobName.TranscribeSegment, job(mine, 1), { jobId: `stt.${mine}.1`, delayMs: 800 });
    await queue.add(JobName.TranscribeSegment, job(mine, 2), { jobId: `stt.${mine}.2`, delayMs: 800 });
    await queue.add(JobName.TranscribeSegment, job(other, 1), { jobId: `stt.${other}.1`, delayMs: 800 });
    // Not done within a short wait: both are still there, the other interview's is not counted.
    expect(await queue.settle(JobName.TranscribeSegment, `stt.${mine}.`, 100)).toEqual({ finished: 0, left: 2 });
    // Waited for: both ran.
    expect(await queue.settle(JobName.TranscribeSegment, `stt.${mine}.`, 10_000)).toEqual({ finished: 2, left: 0 });
    // Nothing queued: no wait at all.
    expect(await queue.settle(JobName.TranscribeSegment, `stt.${randomUUID()}.`, 10_000)).toEqual({
      finished: 0,
      left: 0,
    });
  });
});
