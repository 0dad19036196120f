import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads, JobResults } from '@mockroom/contracts';
import { InterviewRepository } from '@mockroom/server-database';
import { MediaStorage } from '@mockroom/server-media';
import { LiveEmitter, OnJob } from '@mockroom/server-queue';
import { Engines } from '../engines.providers';

export const promptAudioUrl = (interviewId: string, seq: number) => `/api/interviews/${interviewId}/prompts/${seq}/audio`;

/** The interviewer's voice for one prompt: synthesised once, kept with the interview (it is part of the recording). */
@Injectable()
export class SynthesizePromptJob {
  constructor(
    private readonly interviews: InterviewRepository,
    private readonly engines: Engines,
    private readonly media: MediaStorage,
    private readonly live: LiveEmitter,
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
    }
    const result = { seq: payload.seq, audioUrl: promptAudioUrl(payload.interviewId, payload.seq), audioDurationMs: durationMs };
    this.live.toInterview(payload.interviewId, 'prompt:audio', result);
    return result;
  }
}
