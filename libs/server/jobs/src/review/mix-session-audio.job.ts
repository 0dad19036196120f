import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads, JobResults } from '@mockroom/contracts';
import { InterviewRepository } from '@mockroom/server-database';
import { OnJob } from '@mockroom/server-queue';
import { SessionAudio } from '@mockroom/server-interviews';

/** Mixes a finished interview's audio ahead of its review (the review makes it itself if this has not run yet). */
@Injectable()
export class MixSessionAudioJob {
  constructor(
    private readonly interviews: InterviewRepository,
    private readonly audio: SessionAudio,
  ) {}

  @OnJob(JobName.MixSessionAudio)
  async run(payload: JobPayloads[JobName.MixSessionAudio]): Promise<JobResults[JobName.MixSessionAudio]> {
    const entity = await this.interviews.findById(payload.interviewId);
    if (!entity || entity.status === 'created' || entity.status === 'live') return null; // deleted, or not over
    const [recordings, prompts, segments] = await Promise.all([
      this.interviews.listRecordings(entity.id),
      this.interviews.listPrompts(entity.id),
      this.interviews.listSegments(entity.id),
    ]);
    const audio = await this.audio.ensure(entity, recordings, prompts, segments);
    return audio && { durationMs: audio.durationMs };
  }
}
