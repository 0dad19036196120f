import { Test } from '@nestjs/testing';
import { JOB_QUEUE, JobName } from '@mockroom/contracts';
import { ConfigModule } from '@mockroom/server-config';
import { AuthSessionRepository, DatabaseModule, UserRepository } from '@mockroom/server-database';
import { JobQueueService, QueueModule, RedisModule } from '@mockroom/server-queue';
import { RealtimeModule } from '@mockroom/server-realtime';
import { createTestDatabase, testConfig, TestDatabase } from '@mockroom/server-testing';
import { QueueEvents } from 'bullmq';
import { JobsModule } from './jobs.module';

describe('jobs through real BullMQ, Redis and Postgres', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('jobs');
  });
  afterAll(() => db.drop());

  it('purges expired sign-in sessions and keeps live ones', async () => {
    const config = testConfig(db.url);
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.withConfig(config),
        DatabaseModule.forRoot(),
        RedisModule,
        QueueModule,
        RealtimeModule,
        JobsModule,
      ],
    }).compile();
    const app = moduleRef.createNestApplication();
    const users = app.get(UserRepository);
    const sessions = app.get(AuthSessionRepository);
    await app.init();
    try {
      const user = (await users.create({
        email: 'jobs@example.com',
        passwordHash: 'x',
        displayName: 'J',
        role: 'candidate',
      }))!;
      await sessions.create({
        tokenHash: 'expired',
        userId: user.id,
        expiresAt: new Date(Date.now() - 1000),
        ip: null,
        userAgent: null,
      });
      await sessions.create({
        tokenHash: 'live',
        userId: user.id,
        expiresAt: new Date(Date.now() + 3600_000),
        ip: null,
        userAgent: null,
      });

      const queues = app.get(JobQueueService);
      const queue = queues.queue(JOB_QUEUE[JobName.PurgeExpiredSessions]);
      const events = new QueueEvents(queue.name, {
        connection: { url: config.redis.url },
        prefix: config.redis.prefix,
      });
      await events.waitUntilReady();
      const jobId = await queues.add(JobName.PurgeExpiredSessions, {});
      const job = await queue.getJob(jobId);
      const result = await job!.waitUntilFinished(events, 10_000);
      await events.close();

      // The hourly schedule also runs once at start-up and may have purged it first; either way it is gone.
      expect([0, 1]).toContain((result as { deleted: number }).deleted);
      expect(await sessions.findLive('live')).not.toBeNull();
      expect(await sessions.findLive('expired')).toBeNull();
    } finally {
      await app.close();
    }
  });
});
