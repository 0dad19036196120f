import { Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JobName } from '@mockroom/contracts';
import { MediaModule } from '@mockroom/server-media';
import { APP_CONFIG, AppConfig } from '@mockroom/server-config';
import { createSandbox } from '@mockroom/server-sandbox';
import { JobQueueService, JobWorkerService, onRedisRestart, REDIS } from '@mockroom/server-queue';
import type IORedis from 'ioredis';
import { AssessAnswerJob } from './assessment/assess-answer.job';
import { CODE_SANDBOX, RunCodeJob } from './coding/run-code.job';
import { ReadResumeJob } from './documents/read-resume.job';
import { Engines, QUESTION_BANK_PROVIDER } from './engines.providers';
import { AbandonIdleInterviewsJob } from './interviews/abandon-idle-interviews.job';
import { PurgeExpiredSessionsJob } from './maintenance/purge-expired-sessions.job';
import { MixSessionAudioJob } from './review/mix-session-audio.job';
import { SessionAudio } from '@mockroom/server-interviews';
import { SynthesizePromptJob } from './speech/synthesize-prompt.job';
import { TranscribeSegmentJob } from './transcription/transcribe-segment.job';

const HOURLY = 60 * 60 * 1000;
const EVERY_TEN_MINUTES = 10 * 60 * 1000;

/** Every job handler. Imported by the worker process, or by the API when it runs the jobs itself. */
@Module({
  imports: [MediaModule],
  providers: [
    Engines,
    QUESTION_BANK_PROVIDER,
    TranscribeSegmentJob,
    SynthesizePromptJob,
    AssessAnswerJob,
    PurgeExpiredSessionsJob,
    AbandonIdleInterviewsJob,
    SessionAudio,
    MixSessionAudioJob,
    RunCodeJob,
    ReadResumeJob,
    {
      provide: CODE_SANDBOX,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createSandbox({ CODE_RUNNER_URL: config.codeRunner.url ?? undefined }),
    },
  ],
})
export class JobsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private stopWatching: (() => void) | null = null;

  constructor(
    @Inject(JobWorkerService) private readonly worker: JobWorkerService,
    @Inject(JobQueueService) private readonly queue: JobQueueService,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.worker.start();
    await this.schedule();
    // The schedules live in Redis: a Redis restarted without its data has none until they are registered again.
    this.stopWatching = onRedisRestart(this.redis, async () => {
      this.logger.warn('Redis restarted: registering the maintenance schedules again');
      await this.schedule().catch((error: Error) =>
        this.logger.error(`could not register the schedules again: ${error.message}`),
      );
    });
  }

  onApplicationShutdown(): void {
    this.stopWatching?.();
  }

  private async schedule(): Promise<void> {
    await this.queue.repeat(JobName.PurgeExpiredSessions, {}, HOURLY);
    await this.queue.repeat(JobName.AbandonIdleInterviews, {}, EVERY_TEN_MINUTES);
  }
}
