import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { JobName, type JobPayloads } from '@mockroom/contracts';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobQueueService } from './job-queue.service';
import { OnJob } from './on-job.decorator';
import { InlineQueueModule } from './queue.module';

/** A service of jobs as a feature would write them: the same @OnJob handlers the worker runs. */
@Injectable()
class SessionJobs {
  purged: JobPayloads[JobName.PurgeExpiredSessions][] = [];
  failuresLeft = 0;

  @OnJob(JobName.PurgeExpiredSessions)
  async purge(payload: JobPayloads[JobName.PurgeExpiredSessions], job?: Job): Promise<{ deleted: number }> {
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('the database is busy');
    }
    await job?.updateProgress({ step: 'counted' });
    this.purged.push(payload);
    return { deleted: this.purged.length };
  }

  @OnJob(JobName.AbandonIdleInterviews)
  async abandon(): Promise<{ abandoned: number }> {
    throw new UnrecoverableError('nothing to retry');
  }
}

describe('InlineJobQueue: jobs run inline, without Redis', () => {
  async function setUp() {
    const module = await Test.createTestingModule({ imports: [InlineQueueModule], providers: [SessionJobs] }).compile();
    await module.init();
    return { module, queue: module.get(JobQueueService), jobs: module.get(SessionJobs) };
  }

  it('runs a job on its handler and gives its result to whoever waits, with its progress', async () => {
    const { module, queue, jobs } = await setUp();
    const progress: unknown[] = [];
    const result = await queue.addAndWait(
      JobName.PurgeExpiredSessions,
      { olderThan: '2026-01-01' },
      { onProgress: ((p: unknown) => progress.push(p)) as never },
      5000,
    );
    expect(result).toEqual({ deleted: 1 });
    expect(jobs.purged).toEqual([{ olderThan: '2026-01-01' }]);
    expect(progress).toEqual([{ step: 'counted' }]);
    await module.close();
  });

  it('adds a job with the same id once, as the queue does, and retries a failing one as its queue says', async () => {
    const { module, queue, jobs } = await setUp();
    // Fails once: tried again after the maintenance queue's backoff (5 s), as the worker would.
    jobs.failuresLeft = 1;
    const [a, b] = await Promise.all([
      queue.addAndWait(JobName.PurgeExpiredSessions, {}, { jobId: 'purge.once' }, 10_000),
      queue.addAndWait(JobName.PurgeExpiredSessions, {}, { jobId: 'purge.once' }, 10_000),
    ]);
    expect(a).toEqual({ deleted: 1 });
    expect(b).toBe(a);
    expect(jobs.purged).toHaveLength(1);
    // An unrecoverable failure is not tried again.
    await expect(queue.addAndWait(JobName.AbandonIdleInterviews, {}, {}, 5000)).rejects.toThrow('nothing to retry');
    // A job nobody handles here is refused clearly.
    await expect(queue.addAndWait(JobName.MixSessionAudio, { interviewId: 'x' }, {}, 5000)).rejects.toThrow(
      /no handler for job "review.mix-session-audio"/,
    );
    await module.close();
  }, 20_000);

  it('settles the runs of one id prefix: waits for them, for at most the time given', async () => {
    const { module, queue, jobs } = await setUp();
    jobs.failuresLeft = 1; // the first run waits out a 5 s backoff
    await queue.add(JobName.PurgeExpiredSessions, {}, { jobId: 'purge.a.1' });
    expect(await queue.settle(JobName.PurgeExpiredSessions, 'purge.a.', 100)).toEqual({ finished: 0, left: 1 });
    expect(await queue.settle(JobName.PurgeExpiredSessions, 'purge.b.', 100)).toEqual({ finished: 0, left: 0 });
    expect(await queue.settle(JobName.PurgeExpiredSessions, 'purge.a.', 10_000)).toEqual({ finished: 1, left: 0 });
    expect(jobs.purged).toHaveLength(1);
    await module.close();
  }, 20_000);
});
