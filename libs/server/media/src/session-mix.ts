import type { Speaker } from '@mockroom/contracts';
import { wavHeader } from '@mockroom/speech';
import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';

/** Raw 16-bit mono PCM in a file (a candidate's recording), placed on the interview's clock. */
export interface PcmFileSource {
  speaker: Speaker;
  startMs: number;
  /** Absolute path. */
  path: string;
  /** Samples to take from the file (a file may be shorter: what is missing is silence). */
  samples: number;
}

/** PCM held in memory (a synthesised prompt), placed on the interview's clock. */
export interface PcmBufferSource {
  speaker: Speaker;
  startMs: number;
  pcm: Int16Array;
}

export interface SessionMix {
  durationMs: number;
  bucketMs: number;
  /** Peak level per bucket, 0–1, per voice. */
  peaks: Record<Speaker, number[]>;
}

export interface MixOptions {
  sampleRate: number;
  /** About how many waveform buckets the whole session gets (bucket lengths are round numbers of ms). */
  targetBuckets?: number;
}

// Every length divides the mixing window, so a bucket never straddles two windows.
const BUCKET_CHOICES_MS = [20, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000];
const WINDOW_MS = 10_000;

export function chooseBucketMs(durationMs: number, targetBuckets: number): number {
  return BUCKET_CHOICES_MS.find((ms) => durationMs / ms <= targetBuckets) ?? BUCKET_CHOICES_MS.at(-1)!;
}

/**
 * Mixes every voice of a session into one mono WAV on the interview's clock and measures each voice's peaks for the
 * waveform. Works through the session ten seconds at a time, so a long session needs little memory.
 * The file is written beside `outPath` and renamed into place, so a reader never sees half of it.
 */
export async function renderSessionMix(
  files: PcmFileSource[],
  buffers: PcmBufferSource[],
  outPath: string,
  options: MixOptions,
): Promise<SessionMix> {
  const rate = options.sampleRate;
  const perMs = rate / 1000;
  const startOf = (startMs: number) => Math.max(0, Math.round(startMs * perMs));
  const total = Math.max(
    0,
    ...files.map((f) => startOf(f.startMs) + f.samples),
    ...buffers.map((b) => startOf(b.startMs) + b.pcm.length),
  );
  const durationMs = Math.round(total / perMs);
  const bucketMs = chooseBucketMs(durationMs, options.targetBuckets ?? 2000);
  const bucketSamples = bucketMs * perMs;
  const buckets = Math.ceil(total / bucketSamples);
  const peaks: Record<Speaker, Float32Array> = {
    candidate: new Float32Array(buckets),
    interviewer: new Float32Array(buckets),
  };

  const windowSamples = WINDOW_MS * perMs;
  const mix = new Int32Array(windowSamples);
  const out = new Int16Array(windowSamples); // the platform's byte order: little-endian on every machine we run on
  const outBytes = Buffer.from(out.buffer);
  const read = Buffer.alloc(windowSamples * 2);
  // Unique per call: two mixes of one session may run at once (the review and the background job).
  const temp = `${outPath}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const handles = new Map<string, FileHandle | null>();
  const output = await open(temp, 'w');
  try {
    for (const file of files)
      if (!handles.has(file.path)) handles.set(file.path, await open(file.path, 'r').catch(() => null));
    await output.write(wavHeader(total * 2, rate));

    for (let w0 = 0; w0 < total; w0 += windowSamples) {
      const w1 = Math.min(total, w0 + windowSamples);
      mix.fill(0, 0, w1 - w0);
      const add = (speaker: Speaker, samples: Int16Array, at: number) => {
        // `samples` starts at absolute sample `at`, which lies inside this window.
        const peak = peaks[speaker];
        for (let i = 0; i < samples.length; i++) {
          const value = samples[i];
          mix[at - w0 + i] += value;
          const level = value < 0 ? -value : value;
          const bucket = ((at + i) / bucketSamples) | 0;
          if (level > peak[bucket]) peak[bucket] = level;
        }
      };
      for (const file of files) {
        const start = startOf(file.startMs);
        const from = Math.max(w0, start);
        const to = Math.min(w1, start + file.samples);
        const handle = handles.get(file.path);
        if (from >= to || !handle) continue;
        const { bytesRead } = await handle.read(read, 0, (to - from) * 2, (from - start) * 2);
        add(file.speaker, new Int16Array(read.buffer, read.byteOffset, bytesRead >> 1), from);
      }
      for (const source of buffers) {
        const start = startOf(source.startMs);
        const from = Math.max(w0, start);
        const to = Math.min(w1, start + source.pcm.length);
        if (from < to) add(source.speaker, source.pcm.subarray(from - start, to - start), from);
      }
      for (let i = 0; i < w1 - w0; i++) {
        const value = mix[i];
        out[i] = value > 32767 ? 32767 : value < -32768 ? -32768 : value;
      }
      await output.write(outBytes, 0, (w1 - w0) * 2);
    }
    await output.close();
    await rename(temp, outPath);
  } catch (error) {
    await output.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  } finally {
    for (const handle of handles.values()) await handle?.close().catch(() => undefined);
  }
  const levels = (values: Float32Array) => Array.from(values, (v) => Math.round((v / 32768) * 1000) / 1000);
  return {
    durationMs,
    bucketMs,
    peaks: { candidate: levels(peaks.candidate), interviewer: levels(peaks.interviewer) },
  };
}
