import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { JobName } from '@mockroom/contracts';
import { ConfigModule, loadConfig } from '@mockroom/server-config';
import { JobHandlerError, JobWorkerService } from './job-worker.service';
import { OnJob } from './on-job.decorator';
import { QueueModule } from './queue.module';

const config = loadConfig({
  DATABASE_URL: 'postgres://unused/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  MOCKROOM_SECRET: 'x'.repeat(40),
});

/** A provider with one handler for every job except those left out. */
function handlersFor(jobs: JobName[]): new () => object {
  @Injectable()
  class Handlers {}
  for (const name of jobs) {
    const method = `run:${name}`;
    Object.defineProperty(Handlers.prototype, method, { value: async () => name, writable: true, configurable: true });
    OnJob(name)(Handlers.prototype, method, Object.getOwnPropertyDescriptor(Handlers.prototype, method)!);
  }
  return Handlers;
}

const ALL_JOBS = Object.values(JobName);
const AllHandlers = handlersFor(ALL_JOBS);
const AllButPurge = handlersFor(ALL_JOBS.filter((name) => name !== JobName.PurgeExpiredSessions));

@Injectable()
class SecondPurgeHandler {
  @OnJob(JobName.PurgeExpiredSessions)
  async again() {
    return 'again';
  }
}

async function workerWith(...providers: (new () => object)[]) {
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.withConfig(config), QueueModule],
    providers,
  }).compile();
  return moduleRef.get(JobWorkerService);
}

describe('JobWorkerService handler discovery', () => {
  it('finds one handler per job', async () => {
    const worker = await workerWith(AllHandlers);
    expect([...worker.discoverHandlers().keys()].sort()).toEqual([...ALL_JOBS].sort());
  });

  it('refuses to start when a job has no handler', async () => {
    const worker = await workerWith(AllButPurge);
    expect(() => worker.discoverHandlers()).toThrow(JobHandlerError);
    expect(() => worker.discoverHandlers()).toThrow(`no handler for ${JobName.PurgeExpiredSessions}`);
    expect(() => worker.discoverHandlers()).not.toThrow(`${JobName.TranscribeSegment}`);
    await expect(worker.start()).rejects.toThrow(/no handler for/);
  });

  it('refuses to start when a job has two handlers', async () => {
    const worker = await workerWith(AllHandlers, SecondPurgeHandler);
    expect(() => worker.discoverHandlers()).toThrow(`more than one handler for ${JobName.PurgeExpiredSessions}`);
  });
});
