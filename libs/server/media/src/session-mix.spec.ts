import { decodeWav } from '@mockroom/speech';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseBucketMs, renderSessionMix } from './session-mix';

const RATE = 16_000;

function tone(samples: number, amplitude: number): Int16Array {
  return Int16Array.from({ length: samples }, (_, i) => Math.round(amplitude * Math.sin(i / 5)));
}

describe('renderSessionMix', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mix-'));

  it('places each voice at its offset, sums overlaps with clipping, and measures peaks per voice', async () => {
    // Candidate: 25 s of a quiet tone from 2 s (crosses two 10 s windows); interviewer: 1 s loud at 0 and 1 s at 20 s.
    const candidate = tone(25 * RATE, 1000);
    writeFileSync(join(dir, 'candidate.pcm'), Buffer.from(candidate.buffer));
    const loud = new Int16Array(RATE).fill(32000);
    const out = join(dir, 'session.wav');
    const mix = await renderSessionMix(
      [{ speaker: 'candidate', startMs: 2000, path: join(dir, 'candidate.pcm'), samples: candidate.length }],
      [
        { speaker: 'interviewer', startMs: 0, pcm: loud },
        { speaker: 'interviewer', startMs: 20_000, pcm: loud },
      ],
      out,
      { sampleRate: RATE, targetBuckets: 100 },
    );
    expect(mix.durationMs).toBe(27_000);
    expect(mix.bucketMs).toBe(500);
    expect(mix.peaks.candidate).toHaveLength(54);
    expect(mix.peaks.interviewer).toHaveLength(54);

    const wav = decodeWav(readFileSync(out));
    expect(wav.sampleRate).toBe(RATE);
    const samples = wav.channelData[0];
    expect(samples.length).toBe(27 * RATE);
    const at = (ms: number) => Math.round(samples[ms * 16] * 32768);
    expect(at(500)).toBe(32000); // interviewer alone
    expect(at(1500)).toBe(0); // nobody
    const i = (12_345 - 2000) * 16;
    expect(at(12_345)).toBe(candidate[i]); // candidate alone, in the second window
    const j = (20_100 - 2000) * 16;
    expect(at(20_100)).toBe(Math.max(-32768, Math.min(32767, candidate[j] + 32000))); // both, clipped

    expect(mix.peaks.interviewer[0]).toBeCloseTo(32000 / 32768, 2);
    expect(mix.peaks.interviewer[5]).toBe(0);
    expect(mix.peaks.candidate[0]).toBe(0);
    expect(mix.peaks.candidate[10]).toBeCloseTo(1000 / 32768, 2);
    expect(mix.peaks.interviewer[40]).toBeCloseTo(32000 / 32768, 2);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('treats a missing recording file as silence', async () => {
    const out = join(dir, 'missing.wav');
    const mix = await renderSessionMix(
      [{ speaker: 'candidate', startMs: 0, path: join(dir, 'nope.pcm'), samples: RATE }],
      [],
      out,
      { sampleRate: RATE },
    );
    expect(mix.durationMs).toBe(1000);
    expect(Math.max(...mix.peaks.candidate)).toBe(0);
    expect(decodeWav(readFileSync(out)).channelData[0].length).toBe(RATE);
  });

  it('chooses round bucket lengths', () => {
    expect(chooseBucketMs(30 * 60_000, 2000)).toBe(1000);
    expect(chooseBucketMs(10_000, 2000)).toBe(20);
    expect(chooseBucketMs(60_000, 2000)).toBe(50);
  });
});
