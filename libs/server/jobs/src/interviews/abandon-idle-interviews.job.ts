import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobName, JobPayloads } from '@mockroom/contracts';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import { InterviewRepository } from '@mockroom/server-database';
import { OnJob } from '@mockroom/server-queue';

/** Interviews left open (the candidate closed the tab and never came back) become "abandoned" after a while. */
@Injectable()
export class AbandonIdleInterviewsJob {
  private readonly logger = new Logger(AbandonIdleInterviewsJob.name);

  constructor(
    private readonly interviews: InterviewRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @OnJob(JobName.AbandonIdleInterviews)
  async run(payload: JobPayloads[JobName.AbandonIdleInterviews]): Promise<{ abandoned: number }> {
    const minutes = payload.idleMinutes ?? this.config.interviews.idleMinutes;
    const ids = await this.interviews.abandonIdle(new Date(Date.now() - minutes * 60_000));
    if (ids.length) this.logger.log(`marked ${ids.length} idle interviews abandoned`);
    return { abandoned: ids.length };
  }
}
