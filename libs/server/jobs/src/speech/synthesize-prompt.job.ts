import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads, JobResults } from '@mockroom/contracts';
import { InterviewRepository } from '@mockroom/server-database';
import { MediaStorage } from '@mockroom/server-media';
import { JobQueueService, jobId, OnJob } from '@mockroom/server-queue';
import { promptAudioUrl } from '@mockroom/server-interviews';
import { LiveEmitter } from '@mockroom/server-realtime';
import { Engines } from '../engines.providers';

/** The interviewer's voice for one prompt: synthesised once, kept with the interview (it is part of the recording). */
@Injectable()
export class SynthesizePromptJob {
  constructor(
    private readonly interviews: InterviewRepository,
    private readonly engines: Engines,
    private readonly media: MediaStorage,
    private readonly live: LiveEmitter,
    private readonly queue: JobQueueService,
  ) {}

  @OnJob(JobName.SynthesizePrompt)
  async run(payload: JobPayloads[JobName.SynthesizePrompt]): Promise<JobResults[JobName.SynthesizePrompt]> {
    const tts = this.engines.tts;
    if (!tts) return null;
    const prompt = await this.interviews.findPrompt(payload.interviewId, payload.seq);
    if (!prompt) return null; // the interview was deleted meanwhile
    let durationMs = prompt.audioDurationMs;
    if (!prompt.audioPath || durationMs === null) {
      const audio = await tts.synthesize(payload.text);
      const path = this.media.relativePath(payload.interviewId, `prompt-${payload.seq}.wav`);
      await this.media.write(path, audio.wav);
      durationMs = Math.round(audio.durationMs);
      await this.interviews.setPromptAudio(payload.interviewId, payload.seq, path, durationMs, audio.engine);
      // The closing line is often voiced after the interview ended: the session's mix must include it.
      const interview = await this.interviews.findById(payload.interviewId);
      if (!interview)
        await this.media.deleteInterview(payload.interviewId); // deleted while this voice was made
      else if (interview.status === 'completed' || interview.status === 'abandoned') {
        await this.queue.add(
          JobName.MixSessionAudio,
          { interviewId: payload.interviewId },
          { jobId: jobId('mix', payload.interviewId, payload.seq) },
        );
      }
    }
    const result = {
      seq: payload.seq,
      audioUrl: promptAudioUrl(payload.interviewId, payload.seq),
      audioDurationMs: durationMs,
    };
    this.live.toInterview(payload.interviewId, 'prompt:audio', result);
    return result;
  }
}
