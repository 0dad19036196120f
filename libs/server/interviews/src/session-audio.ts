import { Injectable, Logger } from '@nestjs/common';
import { AUDIO_SAMPLE_RATE, type ReviewAudio } from '@mockroom/contracts';
import type {
  InterviewEntity,
  InterviewPromptEntity,
  RecordingEntity,
  TranscriptSegmentEntity,
} from '@mockroom/server-database';
import {
  MediaStorage,
  renderSessionMix,
  type PcmBufferSource,
  type PcmFileSource,
  type SessionMix,
} from '@mockroom/server-media';
import { wavToPcm16k } from '@mockroom/speech';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sessionAudioUrl } from './urls';

const MIX_FILE = 'session.wav';
const META_FILE = 'session.json';
/** Bump when the mix or the peaks change, so stored mixes are made again. */
const MIX_VERSION = 1;
/** Speech that starts this long after a prompt began is taken as the candidate talking over it (the client stopped the voice). */
const BARGE_IN_GRACE_MS = 300;

interface StoredMix extends SessionMix {
  version: number;
  fingerprint: string;
}

/**
 * The whole session as one recording: the candidate's audio streams and the interviewer's synthesised prompts, mixed on
 * the interview's clock, with the peaks of each voice for the waveform. Made once when first asked for after the
 * interview ends and kept beside the other files; made again only if what it was made from changed.
 */
@Injectable()
export class SessionAudio {
  private readonly logger = new Logger(SessionAudio.name);
  private readonly rendering = new Map<string, Promise<StoredMix | null>>();

  constructor(private readonly media: MediaStorage) {}

  /** Forgets the mix (what it was made from changed in a way it must not keep, e.g. a voice was removed). */
  async discard(interviewId: string): Promise<void> {
    this.rendering.delete(interviewId);
    await Promise.all([
      this.media.remove(this.mixPath(interviewId)),
      this.media.remove(this.media.relativePath(interviewId, META_FILE)),
    ]);
  }

  /** The mixed file's path relative to the media folder. */
  mixPath(interviewId: string): string {
    return this.media.relativePath(interviewId, MIX_FILE);
  }

  async ensure(
    entity: InterviewEntity,
    recordings: RecordingEntity[],
    prompts: InterviewPromptEntity[],
    segments: TranscriptSegmentEntity[],
  ): Promise<ReviewAudio | null> {
    const voiced = prompts.filter((p) => p.audioPath && p.audioDurationMs);
    const sources = recordings.filter((r) => r.durationMs > 0);
    if (!sources.length && !voiced.length) return null;
    const fingerprint = createHash('sha256')
      .update(
        JSON.stringify([
          MIX_VERSION,
          sources.map((r) => [r.path, r.startMs, r.durationMs]),
          voiced.map((p) => [p.audioPath, p.atMs, p.audioDurationMs]),
        ]),
      )
      .digest('hex');

    const stored = await this.readStored(entity.id);
    let mix: StoredMix | null =
      stored?.fingerprint === fingerprint && (await this.media.size(this.mixPath(entity.id))) !== null ? stored : null;
    if (!mix) {
      let pending = this.rendering.get(entity.id);
      if (!pending) {
        pending = this.render(entity.id, fingerprint, sources, voiced, segments).finally(() =>
          this.rendering.delete(entity.id),
        );
        this.rendering.set(entity.id, pending);
      }
      mix = await pending;
    }
    if (!mix) return null;
    return { url: sessionAudioUrl(entity.id), durationMs: mix.durationMs, peaks: mix.peaks, bucketMs: mix.bucketMs };
  }

  private async readStored(interviewId: string): Promise<StoredMix | null> {
    try {
      const stored = JSON.parse(
        await readFile(this.media.absolute(this.media.relativePath(interviewId, META_FILE)), 'utf8'),
      ) as StoredMix;
      return stored.version === MIX_VERSION ? stored : null;
    } catch {
      return null;
    }
  }

  private async render(
    interviewId: string,
    fingerprint: string,
    recordings: RecordingEntity[],
    prompts: InterviewPromptEntity[],
    segments: TranscriptSegmentEntity[],
  ): Promise<StoredMix | null> {
    const started = Date.now();
    const files: PcmFileSource[] = recordings.map((r) => ({
      speaker: r.speaker,
      startMs: r.startMs,
      path: this.media.absolute(r.path),
      samples: Math.round((r.durationMs * r.sampleRate) / 1000),
    }));
    const speech = segments.filter((s) => s.speaker === 'candidate' && s.text).map((s) => s.startMs);
    const buffers: PcmBufferSource[] = [];
    for (const prompt of prompts) {
      try {
        let pcm = wavToPcm16k(await readFile(this.media.absolute(prompt.audioPath!)));
        // The candidate's browser stops the interviewer's voice when the candidate talks over it.
        const interruptedAt = speech.find(
          (at) => at > prompt.atMs + BARGE_IN_GRACE_MS && at < prompt.atMs + pcm.length / 16,
        );
        if (interruptedAt !== undefined) pcm = pcm.subarray(0, (interruptedAt - prompt.atMs) * 16);
        buffers.push({ speaker: 'interviewer', startMs: prompt.atMs, pcm });
      } catch (error) {
        this.logger.warn(
          `interview ${interviewId}: prompt ${prompt.seq}'s audio is unreadable (${(error as Error).message}); left out of the mix`,
        );
      }
    }
    const out = await this.media.prepare(this.mixPath(interviewId));
    const mix = await renderSessionMix(files, buffers, out, { sampleRate: AUDIO_SAMPLE_RATE });
    const stored: StoredMix = { version: MIX_VERSION, fingerprint, ...mix };
    await this.media.write(this.media.relativePath(interviewId, META_FILE), Buffer.from(JSON.stringify(stored)));
    this.logger.log(
      `interview ${interviewId}: mixed ${Math.round(mix.durationMs / 1000)} s of audio in ${Date.now() - started} ms`,
    );
    return stored;
  }
}
