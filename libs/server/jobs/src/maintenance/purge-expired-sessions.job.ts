import { Injectable, Logger } from '@nestjs/common';
import { JobName, JobPayloads } from '@mockroom/contracts';
import { AuthSessionRepository } from '@mockroom/server-database';
import { OnJob } from '@mockroom/server-queue';

/** Deletes sign-in sessions that have expired, so the table holds only live ones. */
@Injectable()
export class PurgeExpiredSessionsJob {
  private readonly logger = new Logger(PurgeExpiredSessionsJob.name);

  constructor(private readonly sessions: AuthSessionRepository) {}

  @OnJob(JobName.PurgeExpiredSessions)
  async run(payload: JobPayloads[JobName.PurgeExpiredSessions]): Promise<{ deleted: number }> {
    const before = payload.olderThan ? new Date(payload.olderThan) : new Date();
    const deleted = await this.sessions.deleteExpired(before);
    if (deleted) this.logger.log(`purged ${deleted} expired sessions`);
    return { deleted };
  }
}
