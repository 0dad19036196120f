import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobName, JobPayloads } from '@mockroom/contracts';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import { InterviewRepository } from '@mockroom/server-database';
import { JobQueueService, jobId, OnJob } from '@mockroom/server-queue';

/** Interviews left open (the candidate closed the tab and never came back) become "abandoned" after a while. */
@Injectable()
export class AbandonIdleInterviewsJob {
  private readonly logger = new Logger(AbandonIdleInterviewsJob.name);

  constructor(
    private readonly interviews: InterviewRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueueService,
  ) {}

  @OnJob(JobName.AbandonIdleInterviews)
  async run(payload: JobPayloads[JobName.AbandonIdleInterviews]): Promise<{ abandoned: number }> {
    const minutes = payload.idleMinutes ?? this.config.interviews.idleMinutes;
    const ids = await this.interviews.abandonIdle(new Date(Date.now() - minutes * 60_000));
    if (ids.length) this.logger.log(`marked ${ids.length} idle interviews abandoned`);
    // What was recorded before they were left is reviewable: mix it now.
    for (const id of ids)
      await this.queue.add(JobName.MixSessionAudio, { interviewId: id }, { jobId: jobId('mix', id) });
    return { abandoned: ids.length };
  }
}
